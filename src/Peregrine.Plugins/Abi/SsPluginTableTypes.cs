using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_table_info</c>: a table offered by the owner.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableInfo
{
    /// <summary>NUL-terminated table name.</summary>
    public byte* Name;

    /// <summary>Type of the table's key.</summary>
    public SsPluginStateType KeyType;
}

/// <summary><c>ss_plugin_table_fieldinfo</c>: a field of a table.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableFieldInfo
{
    /// <summary>NUL-terminated field name.</summary>
    public byte* Name;

    /// <summary>Type of the field.</summary>
    public SsPluginStateType FieldType;

    /// <summary><c>ss_plugin_bool</c>: non-zero when the field cannot be written.</summary>
    public uint ReadOnly;
}

/// <summary><c>ss_plugin_state_data</c>: an 8-byte union holding one key or field value.</summary>
[StructLayout(LayoutKind.Explicit, Size = 8)]
public unsafe struct SsPluginStateData
{
    /// <summary>int8.</summary>
    [FieldOffset(0)] public sbyte S8;

    /// <summary>int16.</summary>
    [FieldOffset(0)] public short S16;

    /// <summary>int32.</summary>
    [FieldOffset(0)] public int S32;

    /// <summary>int64.</summary>
    [FieldOffset(0)] public long S64;

    /// <summary>uint8.</summary>
    [FieldOffset(0)] public byte U8;

    /// <summary>uint16.</summary>
    [FieldOffset(0)] public ushort U16;

    /// <summary>uint32.</summary>
    [FieldOffset(0)] public uint U32;

    /// <summary>uint64.</summary>
    [FieldOffset(0)] public ulong U64;

    /// <summary>A NUL-terminated string.</summary>
    [FieldOffset(0)] public byte* Str;

    /// <summary><c>ss_plugin_bool</c>.</summary>
    [FieldOffset(0)] public uint B;

    /// <summary>A subtable (API 3.5+).</summary>
    [FieldOffset(0)] public void* Table;
}

/// <summary>
/// <c>ss_plugin_table_input</c> (152 bytes): how a plugin hands one of its own tables to the owner
/// through <see cref="SsPluginInitTablesInput.AddTable"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableInput
{
    /// <summary>NUL-terminated table name.</summary>
    public byte* Name;

    /// <summary>Type of the table's key.</summary>
    public SsPluginStateType KeyType;

    /// <summary>Opaque table handle, passed back to the vtable functions.</summary>
    public void* Table;

    /// <summary>Deprecated embedded reader vtable.</summary>
    public SsPluginTableReaderVtable Reader;

    /// <summary>Deprecated embedded writer vtable.</summary>
    public SsPluginTableWriterVtable Writer;

    /// <summary>Deprecated embedded fields vtable.</summary>
    public SsPluginTableFieldsVtable Fields;

    /// <summary>Reader vtable (API 3.1+).</summary>
    public SsPluginTableReaderVtableExt* ReaderExt;

    /// <summary>Writer vtable (API 3.1+).</summary>
    public SsPluginTableWriterVtableExt* WriterExt;

    /// <summary>Fields vtable (API 3.1+).</summary>
    public SsPluginTableFieldsVtableExt* FieldsExt;
}
