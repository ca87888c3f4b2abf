using YamlDotNet.Core;

namespace Peregrine.Rules.Yaml;

/// <summary>
/// A position in rules content as yaml-cpp reports it: 0-based line and column, and the byte
/// offset into the content (Falco's -V JSON and snippets use these numbers).
/// </summary>
public readonly record struct YamlMark(int Line, int Column, int Offset)
{
    public static readonly YamlMark Zero = new(0, 0, 0);
}

/// <summary>
/// A YAML node as the rules reader needs it: scalars keep their raw text (no type conversion,
/// so <c>80</c>, <c>1.10</c> and <c>on</c> stay as written), mappings keep duplicate keys in
/// order, and every node keeps its mark.
/// </summary>
public abstract class YamlNode(YamlMark mark)
{
    public YamlMark Mark { get; } = mark;

    /// <summary>yaml-cpp's notion of null: a plain <c>~</c>, <c>null</c> (any case form) or empty scalar.</summary>
    public virtual bool IsNull => false;
}

public sealed class YamlScalar(YamlMark mark, string value, ScalarStyle style) : YamlNode(mark)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;

    public override bool IsNull =>
        Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed class YamlSequence(YamlMark mark, IReadOnlyList<YamlNode> items) : YamlNode(mark)
{
    public IReadOnlyList<YamlNode> Items { get; } = items;
}

public sealed class YamlMapping(YamlMark mark, IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> entries) : YamlNode(mark)
{
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries { get; } = entries;

    /// <summary>The value of the first entry whose key is the scalar <paramref name="key"/>, or null.</summary>
    public YamlNode? this[string key]
    {
        get
        {
            foreach (var (k, v) in Entries)
            {
                if (k is YamlScalar s && s.Value == key) return v;
            }
            return null;
        }
    }

    /// <summary>The key node of the first entry named <paramref name="key"/> (for positions), or null.</summary>
    public YamlNode? KeyNode(string key)
    {
        foreach (var (k, _) in Entries)
        {
            if (k is YamlScalar s && s.Value == key) return k;
        }
        return null;
    }

    public bool Has(string key) => this[key] is not null;

    /// <summary>The text of each key, as written (non-scalar keys read as empty).</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key is YamlScalar s ? s.Value : "");
}
