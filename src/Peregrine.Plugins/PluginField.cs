using Peregrine.Plugins.Native;

namespace Peregrine.Plugins;

/// <summary>
/// One field a plugin can extract, as declared by its fields JSON (or by a managed plugin).
/// <see cref="Index"/> is the field's position in that list and is what extraction requests use.
/// </summary>
public sealed class PluginField
{
    private readonly byte[] _nameUtf8;

    /// <summary>Creates a field description.</summary>
    public PluginField(
        int index,
        string name,
        PluginFieldType type,
        string description,
        string display = "",
        bool isList = false,
        bool argIsRequired = false,
        bool argIsIndex = false,
        bool argIsKey = false,
        PluginFieldProperties properties = PluginFieldProperties.None,
        bool addOutput = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Index = index;
        Name = name;
        Type = type;
        Description = description;
        Display = display;
        IsList = isList;
        ArgIsRequired = argIsRequired;
        ArgIsIndex = argIsIndex;
        ArgIsKey = argIsKey;
        Properties = properties;
        AddOutput = addOutput;
        // Native extraction requests carry the field name as a C string; keep one pinned copy so
        // the hot path never encodes it.
        _nameUtf8 = NativeText.PinnedUtf8Z(name);
    }

    /// <summary>Position of the field in the plugin's field list (the ABI's <c>field_id</c>).</summary>
    public int Index { get; }

    /// <summary>Field name, e.g. <c>ct.user</c>.</summary>
    public string Name { get; }

    /// <summary>Declared value type.</summary>
    public PluginFieldType Type { get; }

    /// <summary>The <c>desc</c> text.</summary>
    public string Description { get; }

    /// <summary>The <c>display</c> text (may be empty).</summary>
    public string Display { get; }

    /// <summary>Whether the field yields 0..N values.</summary>
    public bool IsList { get; }

    /// <summary>Whether an argument must be given (<c>arg.isRequired</c>).</summary>
    public bool ArgIsRequired { get; }

    /// <summary>Whether the argument may be an index (<c>arg.isIndex</c>).</summary>
    public bool ArgIsIndex { get; }

    /// <summary>Whether the argument may be a key (<c>arg.isKey</c>).</summary>
    public bool ArgIsKey { get; }

    /// <summary>Whether any argument is accepted.</summary>
    public bool ArgIsAllowed => ArgIsIndex || ArgIsKey || ArgIsRequired;

    /// <summary>Recognised <c>properties</c> strings.</summary>
    public PluginFieldProperties Properties { get; }

    /// <summary>Whether the field is hidden from listings (<c>properties: ["hidden"]</c>).</summary>
    public bool IsHidden => (Properties & PluginFieldProperties.Hidden) != 0;

    /// <summary>The plugin suggests adding this field to rule outputs (<c>addOutput</c>, API 3.8+).</summary>
    public bool AddOutput { get; }

    /// <summary>The name as a NUL-terminated UTF-8 string in pinned memory.</summary>
    internal unsafe byte* NameUtf8Z => NativeText.PointerOf(_nameUtf8);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TypeName(Type)}{(IsList ? " list" : "")})";

    /// <summary>The type's name in the fields JSON.</summary>
    public static string TypeName(PluginFieldType type) => type switch
    {
        PluginFieldType.UInt64 => "uint64",
        PluginFieldType.String => "string",
        PluginFieldType.RelTime => "reltime",
        PluginFieldType.AbsTime => "abstime",
        PluginFieldType.Bool => "bool",
        PluginFieldType.IpAddr => "ipaddr",
        PluginFieldType.IpNet => "ipnet",
        _ => ((uint)type).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
