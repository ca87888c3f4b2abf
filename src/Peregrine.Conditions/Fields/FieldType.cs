namespace Peregrine.Conditions.Fields;

/// <summary>
/// The value types a field can have. Plugin fields use the first seven (plugin API names
/// <c>string uint64 reltime abstime bool ipaddr ipnet</c>); <see cref="Int64"/> and
/// <see cref="ByteBuf"/> serve built-in fields.
/// </summary>
public enum FieldType
{
    String,
    UInt64,
    RelTime,
    AbsTime,
    Bool,
    IpAddr,
    IpNet,
    Int64,
    ByteBuf,
}

/// <summary>Facts about <see cref="FieldType"/> that the binder and the formatters share.</summary>
public static class FieldTypes
{
    /// <summary>The libsinsp name of a type, as it appears in Falco's error messages.</summary>
    public static string FalcoName(this FieldType type) => type switch
    {
        FieldType.String => "CHARBUF",
        FieldType.UInt64 => "UINT64",
        FieldType.RelTime => "RELTIME",
        FieldType.AbsTime => "ABSTIME",
        FieldType.Bool => "BOOL",
        FieldType.IpAddr => "IPADDR",
        FieldType.IpNet => "IPNET",
        FieldType.Int64 => "INT64",
        FieldType.ByteBuf => "BYTEBUF",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The plugin-API name of a type (<c>get_fields</c> JSON, <c>--list</c>).</summary>
    public static string PluginName(this FieldType type) => type switch
    {
        FieldType.String => "string",
        FieldType.UInt64 => "uint64",
        FieldType.RelTime => "reltime",
        FieldType.AbsTime => "abstime",
        FieldType.Bool => "bool",
        FieldType.IpAddr => "ipaddr",
        FieldType.IpNet => "ipnet",
        FieldType.Int64 => "int64",
        FieldType.ByteBuf => "bytebuf",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses a plugin-API type name; null when unknown.</summary>
    public static FieldType? FromPluginName(string name) => name switch
    {
        "string" => FieldType.String,
        "uint64" => FieldType.UInt64,
        "reltime" => FieldType.RelTime,
        "abstime" => FieldType.AbsTime,
        "bool" => FieldType.Bool,
        "ipaddr" => FieldType.IpAddr,
        "ipnet" => FieldType.IpNet,
        "int64" => FieldType.Int64,
        "bytebuf" => FieldType.ByteBuf,
        _ => null,
    };

    /// <summary>Types whose values are unsigned 64-bit numbers.</summary>
    public static bool IsUnsignedNumber(this FieldType type) =>
        type is FieldType.UInt64 or FieldType.RelTime or FieldType.AbsTime;

    /// <summary>Types whose values live as bytes rather than as a number.</summary>
    public static bool IsBytes(this FieldType type) =>
        type is FieldType.String or FieldType.ByteBuf or FieldType.IpAddr or FieldType.IpNet;
}
