using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

// The state-table vtables. Table, entry and field handles are opaque (void*) on both sides.
// The "Ext" variants (API 3.1+) are the ones plugins are meant to use; the plain ones are kept
// embedded in several input structs for compatibility and are deprecated.

/// <summary><c>ss_plugin_table_fields_vtable</c> (deprecated, 24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableFieldsVtable
{
    /// <summary><c>list_table_fields(t, &amp;nfields)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, uint*, SsPluginTableFieldInfo*> ListTableFields;

    /// <summary><c>get_table_field(t, name, data_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginStateType, void*> GetTableField;

    /// <summary><c>add_table_field(t, name, data_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginStateType, void*> AddTableField;
}

/// <summary><c>ss_plugin_table_fields_vtable_ext</c> (API 3.1+, 24 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableFieldsVtableExt
{
    /// <summary><c>list_table_fields(t, &amp;nfields)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, uint*, SsPluginTableFieldInfo*> ListTableFields;

    /// <summary><c>get_table_field(t, name, data_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginStateType, void*> GetTableField;

    /// <summary><c>add_table_field(t, name, data_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginStateType, void*> AddTableField;
}

/// <summary><c>ss_plugin_table_reader_vtable</c> (deprecated, 32 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableReaderVtable
{
    /// <summary><c>get_table_name(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetTableName;

    /// <summary><c>get_table_size(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, ulong> GetTableSize;

    /// <summary><c>get_table_entry(t, key)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, void*> GetTableEntry;

    /// <summary><c>read_entry_field(t, e, f, out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void*, SsPluginStateData*, SsPluginRc> ReadEntryField;
}

/// <summary><c>ss_plugin_table_reader_vtable_ext</c> (API 3.1+, 48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableReaderVtableExt
{
    /// <summary><c>get_table_name(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*> GetTableName;

    /// <summary><c>get_table_size(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, ulong> GetTableSize;

    /// <summary><c>get_table_entry(t, key)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, void*> GetTableEntry;

    /// <summary><c>read_entry_field(t, e, f, out)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void*, SsPluginStateData*, SsPluginRc> ReadEntryField;

    /// <summary><c>release_table_entry(t, e)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void> ReleaseTableEntry;

    /// <summary><c>iterate_entries(t, it, s)</c>; the iterator returns false to stop.</summary>
    public delegate* unmanaged[Cdecl]<void*, delegate* unmanaged[Cdecl]<void*, void*, uint>, void*, uint> IterateEntries;
}

/// <summary><c>ss_plugin_table_writer_vtable</c> (deprecated, 48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableWriterVtable
{
    /// <summary><c>clear_table(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginRc> ClearTable;

    /// <summary><c>erase_table_entry(t, key)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, SsPluginRc> EraseTableEntry;

    /// <summary><c>create_table_entry(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*> CreateTableEntry;

    /// <summary><c>destroy_table_entry(t, e)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void> DestroyTableEntry;

    /// <summary><c>add_table_entry(t, key, entry)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, void*, void*> AddTableEntry;

    /// <summary><c>write_entry_field(t, e, f, in)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void*, SsPluginStateData*, SsPluginRc> WriteEntryField;
}

/// <summary><c>ss_plugin_table_writer_vtable_ext</c> (API 3.1+, 48 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginTableWriterVtableExt
{
    /// <summary><c>clear_table(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginRc> ClearTable;

    /// <summary><c>erase_table_entry(t, key)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, SsPluginRc> EraseTableEntry;

    /// <summary><c>create_table_entry(t)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*> CreateTableEntry;

    /// <summary><c>destroy_table_entry(t, e)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void> DestroyTableEntry;

    /// <summary><c>add_table_entry(t, key, entry)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginStateData*, void*, void*> AddTableEntry;

    /// <summary><c>write_entry_field(t, e, f, in)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, void*, void*, SsPluginStateData*, SsPluginRc> WriteEntryField;
}
