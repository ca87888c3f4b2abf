namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// The configuration as written: a mutable YAML tree that the loader merges (<c>config_files</c>)
/// and edits (<c>-o</c> options) before binding it. Every node keeps where it came from.
/// Scalars keep their text untyped, as yaml-cpp does: the binder converts them per key.
/// </summary>
internal abstract class ConfigNode(ConfigLocation location)
{
    public ConfigLocation Location { get; } = location;

    /// <summary>How a message names this node: <c>'text'</c>, <c>null</c>, <c>a mapping</c>, <c>a sequence</c>.</summary>
    public abstract string Describe();
}

internal sealed class ConfigScalar(ConfigLocation location, string value, bool isNull = false) : ConfigNode(location)
{
    public string Value { get; set; } = value;

    /// <summary>yaml-cpp's null: a plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or nothing at all.</summary>
    public bool IsNull { get; } = isNull;

    /// <summary>The text yaml-cpp gives when a string is read: a null reads as <c>null</c>.</summary>
    public string Text => IsNull ? "null" : Value;

    public override string Describe() => IsNull ? "null" : $"'{Value}'";
}

internal sealed class ConfigSequence(ConfigLocation location, List<ConfigNode> items) : ConfigNode(location)
{
    public List<ConfigNode> Items { get; } = items;

    public override string Describe() => "a sequence";
}

internal sealed class ConfigEntry(string key, ConfigLocation keyLocation, ConfigNode value)
{
    public string Key { get; } = key;

    public ConfigLocation KeyLocation { get; } = keyLocation;

    public ConfigNode Value { get; set; } = value;
}

/// <summary>
/// A mapping keeps every entry in order, duplicates included; a lookup finds the first entry
/// with the key, as yaml-cpp does.
/// </summary>
internal sealed class ConfigMapping(ConfigLocation location, List<ConfigEntry> entries) : ConfigNode(location)
{
    public List<ConfigEntry> Entries { get; } = entries;

    public ConfigEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key) return entry;
        }
        return null;
    }

    public ConfigNode? this[string key] => Find(key)?.Value;

    /// <summary>Replaces the value of the first entry named <paramref name="key"/>, or adds an entry.</summary>
    public void Set(string key, ConfigNode value, ConfigLocation keyLocation)
    {
        if (Find(key) is { } entry) entry.Value = value;
        else Entries.Add(new ConfigEntry(key, keyLocation, value));
    }

    public override string Describe() => "a mapping";
}
