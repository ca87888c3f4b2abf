using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The state-table API of a host that exposes no tables. Every pointer plugins may follow is
/// non-NULL and every function is safe to call: lookups return NULL or FAILURE and set the
/// owner's last error. This matters because the C++ SDK (HEAD) builds its table wrappers from
/// <c>in-&gt;tables-&gt;...</c> at init without checking for NULL. The vtables are immutable and shared
/// by every plugin; they live in unmanaged memory for the life of the process.
/// </summary>
internal static unsafe class StubTables
{
    public const string NoTablesError = "the host exposes no state tables";

    private static readonly SsPluginInitTablesInput* InitTablesPointer;
    private static readonly SsPluginTableFieldsVtableExt* FieldsExtPointer;
    private static readonly SsPluginTableReaderVtableExt* ReaderExtPointer;
    private static readonly SsPluginTableWriterVtableExt* WriterExtPointer;

    static StubTables()
    {
        FieldsExtPointer = Alloc<SsPluginTableFieldsVtableExt>();
        FieldsExtPointer->ListTableFields = &ListTableFields;
        FieldsExtPointer->GetTableField = &GetTableField;
        FieldsExtPointer->AddTableField = &AddTableField;

        ReaderExtPointer = Alloc<SsPluginTableReaderVtableExt>();
        ReaderExtPointer->GetTableName = &GetTableName;
        ReaderExtPointer->GetTableSize = &GetTableSize;
        ReaderExtPointer->GetTableEntry = &GetTableEntry;
        ReaderExtPointer->ReadEntryField = &ReadEntryField;
        ReaderExtPointer->ReleaseTableEntry = &ReleaseTableEntry;
        ReaderExtPointer->IterateEntries = &IterateEntries;

        WriterExtPointer = Alloc<SsPluginTableWriterVtableExt>();
        WriterExtPointer->ClearTable = &ClearTable;
        WriterExtPointer->EraseTableEntry = &EraseTableEntry;
        WriterExtPointer->CreateTableEntry = &CreateTableEntry;
        WriterExtPointer->DestroyTableEntry = &DestroyTableEntry;
        WriterExtPointer->AddTableEntry = &AddTableEntry;
        WriterExtPointer->WriteEntryField = &WriteEntryField;

        InitTablesPointer = Alloc<SsPluginInitTablesInput>();
        InitTablesPointer->ListTables = &ListTables;
        InitTablesPointer->GetTable = &GetTable;
        InitTablesPointer->AddTable = &AddTable;
        InitTablesPointer->Fields = Fields;
        InitTablesPointer->FieldsExt = FieldsExtPointer;
        InitTablesPointer->ReaderExt = ReaderExtPointer;
        InitTablesPointer->WriterExt = WriterExtPointer;
    }

    /// <summary>The <c>tables</c> member of every init input.</summary>
    public static SsPluginInitTablesInput* InitTables => InitTablesPointer;

    /// <summary>The reader vtable for extraction and parsing inputs.</summary>
    public static SsPluginTableReaderVtableExt* ReaderExt => ReaderExtPointer;

    /// <summary>The writer vtable for parsing inputs.</summary>
    public static SsPluginTableWriterVtableExt* WriterExt => WriterExtPointer;

    /// <summary>The deprecated embedded reader vtable (the first four functions of <see cref="ReaderExt"/>).</summary>
    public static SsPluginTableReaderVtable Reader => new()
    {
        GetTableName = ReaderExtPointer->GetTableName,
        GetTableSize = ReaderExtPointer->GetTableSize,
        GetTableEntry = ReaderExtPointer->GetTableEntry,
        ReadEntryField = ReaderExtPointer->ReadEntryField,
    };

    /// <summary>The deprecated embedded fields vtable.</summary>
    public static SsPluginTableFieldsVtable Fields => new()
    {
        ListTableFields = FieldsExtPointer->ListTableFields,
        GetTableField = FieldsExtPointer->GetTableField,
        AddTableField = FieldsExtPointer->AddTableField,
    };

    private static T* Alloc<T>()
        where T : unmanaged => (T*)NativeMemory.AllocZeroed((nuint)sizeof(T));

    private static void Fail(void* owner)
    {
        try
        {
            (PluginOwner.FromPointer(owner) ?? PluginOwner.Current)?.SetLastError(NoTablesError);
        }
        catch (Exception)
        {
            // Never unwind into the plugin.
        }
    }

    private static void FailCurrent() => Fail(null);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginTableInfo* ListTables(void* owner, uint* count)
    {
        if (count != null)
        {
            *count = 0;
        }

        Fail(owner);
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* GetTable(void* owner, byte* name, SsPluginStateType keyType)
    {
        Fail(owner);
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginRc AddTable(void* owner, SsPluginTableInput* input)
    {
        Fail(owner);
        return SsPluginRc.Failure;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginTableFieldInfo* ListTableFields(void* table, uint* count)
    {
        if (count != null)
        {
            *count = 0;
        }

        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* GetTableField(void* table, byte* name, SsPluginStateType type)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* AddTableField(void* table, byte* name, SsPluginStateType type)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static byte* GetTableName(void* table)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static ulong GetTableSize(void* table)
    {
        FailCurrent();
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* GetTableEntry(void* table, SsPluginStateData* key)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginRc ReadEntryField(void* table, void* entry, void* field, SsPluginStateData* output)
    {
        FailCurrent();
        return SsPluginRc.Failure;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void ReleaseTableEntry(void* table, void* entry)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static uint IterateEntries(void* table, delegate* unmanaged[Cdecl]<void*, void*, uint> iterator, void* state)
    {
        FailCurrent();
        return 0;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginRc ClearTable(void* table)
    {
        FailCurrent();
        return SsPluginRc.Failure;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginRc EraseTableEntry(void* table, SsPluginStateData* key)
    {
        FailCurrent();
        return SsPluginRc.Failure;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* CreateTableEntry(void* table)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void DestroyTableEntry(void* table, void* entry)
    {
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* AddTableEntry(void* table, SsPluginStateData* key, void* entry)
    {
        FailCurrent();
        return null;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static SsPluginRc WriteEntryField(void* table, void* entry, void* field, SsPluginStateData* input)
    {
        FailCurrent();
        return SsPluginRc.Failure;
    }
}
