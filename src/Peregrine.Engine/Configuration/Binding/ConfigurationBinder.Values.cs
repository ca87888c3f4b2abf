using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Typed reads of single values. An absent key, or a null value, gives the default (as
/// yaml-cpp's <c>as&lt;T&gt;(fallback)</c> does), except for strings: yaml-cpp reads a null as the
/// text <c>null</c>, and so does Peregrine. Anything that does not convert is an error.
/// </summary>
internal sealed partial class ConfigurationBinder
{
    /// <summary>A top-level mapping such as <c>file_output</c>; null when absent, null or not a mapping (reported).</summary>
    private ConfigMapping? Section(string key)
    {
        switch (root[key])
        {
            case ConfigMapping mapping:
                return mapping;
            case null or ConfigScalar { IsNull: true }:
                return null;
            case var other:
                Invalid(key, $"expected a mapping, found {other.Describe()}", other);
                return null;
        }
    }

    private bool Bool(ConfigMapping? section, string prefix, string key, bool fallback)
    {
        switch (section?[key])
        {
            case null or ConfigScalar { IsNull: true }:
                return fallback;
            case ConfigScalar scalar when YamlCppScalar.TryBool(scalar.Value, out var value):
                return value;
            case var other:
                Invalid(prefix + key, $"expected a boolean (true or false), found {other.Describe()}", other);
                return fallback;
        }
    }

    /// <summary>The text of a string value and its node (null when absent, for messages).</summary>
    private (string Text, ConfigNode? Node) String(ConfigMapping? section, string prefix, string key, string fallback)
    {
        var node = section?[key];
        switch (node)
        {
            case null:
                return (fallback, null);
            case ConfigScalar scalar:
                return (scalar.Text, scalar);
            default:
                Invalid(prefix + key, $"expected a string, found {node.Describe()}", node);
                return (fallback, node);
        }
    }

    private uint UInt32(ConfigMapping? section, string prefix, string key, uint fallback) =>
        Number(section, prefix, key, fallback, YamlCppScalar.TryUInt32, "an unsigned integer below 2^32");

    private ulong UInt64(ConfigMapping? section, string prefix, string key, ulong fallback) =>
        Number(section, prefix, key, fallback, YamlCppScalar.TryUInt64, "an unsigned integer");

    private byte UInt8(ConfigMapping? section, string prefix, string key, byte fallback) =>
        Number(section, prefix, key, fallback, YamlCppScalar.TryUInt8, "an integer from 0 to 255");

    private delegate bool TryParse<T>(string text, out T value);

    private T Number<T>(ConfigMapping? section, string prefix, string key, T fallback, TryParse<T> parse, string expected)
    {
        switch (section?[key])
        {
            case null or ConfigScalar { IsNull: true }:
                return fallback;
            case ConfigScalar scalar when parse(scalar.Value, out var value):
                return value;
            case var other:
                Invalid(prefix + key, $"expected {expected}, found {other.Describe()}", other);
                return fallback;
        }
    }

    /// <summary>
    /// The items of a list value, as Falco's get_sequence takes them: a sequence's items, or a
    /// single scalar as a one-item list; nothing for null. A mapping is reported.
    /// </summary>
    private IReadOnlyList<ConfigNode> Items(ConfigNode? node, string key, string expected)
    {
        switch (node)
        {
            case null or ConfigScalar { IsNull: true }:
                return [];
            case ConfigScalar scalar:
                return [scalar];
            case ConfigSequence sequence:
                return sequence.Items;
            default:
                Invalid(key, $"expected {expected}, found {node.Describe()}", node);
                return [];
        }
    }

    /// <summary>The text of a list item that must be a scalar (null reads <c>null</c>), or null after reporting it.</summary>
    private string? ItemText(ConfigNode item, string key, string expected)
    {
        if (item is ConfigScalar scalar) return scalar.Text;
        Invalid(key, $"expected {expected}, found {item.Describe()}", item);
        return null;
    }

    private void Invalid(string key, string message, ConfigNode? node) =>
        context.Error(ConfigDiagnosticCode.InvalidValue, key, message, node?.Location);
}
