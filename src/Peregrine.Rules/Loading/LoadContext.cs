using Peregrine.Conditions.Syntax;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Loading;

/// <summary>One step of a location chain: which item, where, in which file or condition.</summary>
public sealed record LoadLocation(string Name, YamlMark Position, ItemType ItemType, string ItemName);

/// <summary>
/// Where a load message comes from: a chain of locations from the file down to the innermost
/// item (rule, condition, exception value...). A context built on a condition holds the
/// condition text, which is what its snippet shows.
/// </summary>
public sealed class LoadContext
{
    private LoadContext(IReadOnlyList<LoadLocation> locations, string? alternateContent)
    {
        Locations = locations;
        AlternateContent = alternateContent;
    }

    public IReadOnlyList<LoadLocation> Locations { get; }

    /// <summary>The condition text when this context points into a condition, else null.</summary>
    public string? AlternateContent { get; }

    /// <summary>The file (or content name) of the chain.</summary>
    public string Name => Locations[0].Name;

    /// <summary>The outermost context: the whole rules content of a file, at position 0.</summary>
    public static LoadContext ForContent(string name) =>
        new([new LoadLocation(name, YamlMark.Zero, ItemType.RulesContent, "")], null);

    /// <summary>A child context for a YAML node, where Falco places it.</summary>
    public LoadContext Child(YamlNode node, ItemType type, string itemName = "") => Child(node.CppMark, type, itemName);

    /// <summary>A child context at a YAML mark.</summary>
    public LoadContext Child(YamlMark mark, ItemType type, string itemName = "") =>
        new([.. Locations, new LoadLocation(Name, mark, type, itemName)], null);

    /// <summary>
    /// A child context inside a condition: the parser's 1-based position is added to the
    /// enclosing YAML mark (0-based), as Falco does, and the location is named after the first
    /// characters of the condition.
    /// </summary>
    public LoadContext ForCondition(SourcePosition position, string condition)
    {
        var shortName = "\"" + (condition.Length > 20 ? condition[..17] + "...\"" : condition + "\"");
        shortName = shortName.Replace('\n', ' ').Replace('\r', ' ');
        var last = Locations[^1].Position;
        var mark = new YamlMark(position.Line + last.Line, position.Column + last.Column, position.Offset + last.Offset);
        return new LoadContext([.. Locations, new LoadLocation(shortName, mark, ItemType.ConditionExpression, "")], condition);
    }
}
