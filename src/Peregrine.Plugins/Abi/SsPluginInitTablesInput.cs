using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary>
/// <c>ss_plugin_init_tables_input</c> (72 bytes): the owner's state-table API offered at init.
/// The first argument of the three functions is the owner (<see cref="SsPluginInitInput.Owner"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginInitTablesInput
{
    /// <summary><c>list_tables(owner, &amp;ntables)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, uint*, SsPluginTableInfo*> ListTables;

    /// <summary><c>get_table(owner, name, key_type)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, byte*, SsPluginStateType, void*> GetTable;

    /// <summary><c>add_table(owner, in)</c>.</summary>
    public delegate* unmanaged[Cdecl]<void*, SsPluginTableInput*, SsPluginRc> AddTable;

    /// <summary>Deprecated embedded fields vtable.</summary>
    public SsPluginTableFieldsVtable Fields;

    /// <summary>Fields vtable (API 3.1+).</summary>
    public SsPluginTableFieldsVtableExt* FieldsExt;

    /// <summary>Reader vtable (API 3.1+).</summary>
    public SsPluginTableReaderVtableExt* ReaderExt;

    /// <summary>Writer vtable (API 3.1+).</summary>
    public SsPluginTableWriterVtableExt* WriterExt;
}
