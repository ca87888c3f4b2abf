using YamlDotNet.Core;

namespace Peregrine.Rules.Yaml;

/// <summary>
/// A position in rules content as yaml-cpp counts it: 0-based line, and column and offset in
/// bytes, since yaml-cpp reads UTF-8 a byte at a time (Falco's -V JSON and snippets use these numbers).
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
    /// <summary>Where the node is written; a value left out entirely is just after its key or dash.</summary>
    public YamlMark Mark { get; } = mark;

    /// <summary>
    /// Where yaml-cpp, and so Falco, places the node: <see cref="Mark"/>, except that a value
    /// left out entirely sits at the token after it (the next key or dash, or the end of input).
    /// Rules messages use this one; <see cref="Mark"/> is the better place to show a person.
    /// </summary>
    public virtual YamlMark CppMark => Mark;

    /// <summary>yaml-cpp's notion of null: a plain <c>~</c>, <c>null</c> (any case form) or empty scalar.</summary>
    public virtual bool IsNull => false;
}

/// <param name="tagged">An explicit tag (<c>!!str</c>, <c>!x</c>, even <c>!!null</c>) makes yaml-cpp keep the scalar as text, never null.</param>
/// <param name="cppMark">For a value left out entirely, where yaml-cpp places it (see <see cref="YamlNode.CppMark"/>).</param>
public sealed class YamlScalar(YamlMark mark, string value, ScalarStyle style, bool tagged = false, YamlMark? cppMark = null)
    : YamlNode(mark)
{
    public string Value { get; } = value;
    public ScalarStyle Style { get; } = style;
    public bool Tagged { get; } = tagged;

    public override YamlMark CppMark { get; } = cppMark ?? mark;

    public override bool IsNull =>
        !Tagged && Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";
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

    /// <summary>
    /// The text of each key as yaml-cpp reads it: a null key is <c>null</c> however written, and
    /// a non-scalar key reads as empty (yaml-cpp would throw; see <c>YamlDecoding.AsString</c>).
    /// </summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key.IsNull ? "null" : e.Key is YamlScalar s ? s.Value : "");
}
