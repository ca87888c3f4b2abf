using Peregrine.Conditions.Fields;

namespace Peregrine.Engine.Sources;

/// <summary>
/// One event source served by a plugin: the plugin that produces its events, every plugin that
/// takes part in it (in load order), and the fields its rules may use.
/// </summary>
public sealed class PluginSource(string name, RegisteredPlugin input, IReadOnlyList<RegisteredPlugin> members, FieldCatalog catalog)
{
    public string Name { get; } = name;

    /// <summary>The sourcing plugin that is opened: the first one of this source in load order.</summary>
    public RegisteredPlugin Input { get; } = input;

    /// <summary>Every plugin registered for this source (input, extractors, parsers), in load order.</summary>
    public IReadOnlyList<RegisteredPlugin> Members { get; } = members;

    /// <summary>The built-in <c>evt.*</c> fields, then each extracting member's fields.</summary>
    public FieldCatalog Catalog { get; } = catalog;

    public override string ToString() => Name;
}
