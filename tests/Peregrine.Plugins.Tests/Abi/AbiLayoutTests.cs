using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Tests.Abi;

/// <summary>
/// Every ABI struct against the sizes and offsets measured with offsetof on x86-64 against the
/// libs HEAD headers (plugin-api.md §3 and §7.4). Offsets are checked twice: with
/// Marshal.OffsetOf (the declared layout) and through a pointer into a real instance (what the
/// JIT actually lays out), since the host hands these structs to C by address.
/// </summary>
public unsafe class AbiLayoutTests
{
    public static TheoryData<Type, int> Sizes() => new()
    {
        { typeof(SsPluginEvent), 26 },
        { typeof(SsPluginEventInput), 24 },
        { typeof(SsPluginExtractField), 64 },
        { typeof(SsPluginExtractResult), 8 },
        { typeof(SsPluginByteBuffer), 16 },
        { typeof(SsPluginInitInput), 40 },
        { typeof(SsPluginFieldExtractInput), 80 },
        { typeof(SsPluginEventParseInput), 112 },
        { typeof(SsPluginCaptureListenInput), 40 },
        { typeof(SsPluginSetConfigInput), 8 },
        { typeof(SsPluginExtractValueOffsets), 16 },
        { typeof(SsPluginMetric), 32 },
        { typeof(SsPluginMetricValue), 8 },
        { typeof(SsPluginTableInfo), 16 },
        { typeof(SsPluginTableFieldInfo), 16 },
        { typeof(SsPluginStateData), 8 },
        { typeof(SsPluginInitTablesInput), 72 },
        { typeof(SsPluginTableInput), 152 },
        { typeof(SsPluginTableFieldsVtable), 24 },
        { typeof(SsPluginTableFieldsVtableExt), 24 },
        { typeof(SsPluginTableReaderVtable), 32 },
        { typeof(SsPluginTableReaderVtableExt), 48 },
        { typeof(SsPluginTableWriterVtable), 48 },
        { typeof(SsPluginTableWriterVtableExt), 48 },
        { typeof(SsPluginRoutineVtable), 16 },
        { typeof(PluginApi), 264 },
        { typeof(SsPluginEventV2), 32 },
        { typeof(SsPluginExtractFieldV2), 64 },
        { typeof(PluginApiV2), 160 },
    };

    public static TheoryData<Type, string, int> Offsets() => new()
    {
        // ss_plugin_event (packed)
        { typeof(SsPluginEvent), nameof(SsPluginEvent.Ts), 0 },
        { typeof(SsPluginEvent), nameof(SsPluginEvent.Tid), 8 },
        { typeof(SsPluginEvent), nameof(SsPluginEvent.Len), 16 },
        { typeof(SsPluginEvent), nameof(SsPluginEvent.Type), 20 },
        { typeof(SsPluginEvent), nameof(SsPluginEvent.NParams), 22 },

        // ss_plugin_event_input
        { typeof(SsPluginEventInput), nameof(SsPluginEventInput.Evt), 0 },
        { typeof(SsPluginEventInput), nameof(SsPluginEventInput.EvtNum), 8 },
        { typeof(SsPluginEventInput), nameof(SsPluginEventInput.EvtSrc), 16 },

        // ss_plugin_extract_field
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.Res), 0 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.ResLen), 8 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.FieldId), 16 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.Field), 24 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.ArgKey), 32 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.ArgIndex), 40 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.ArgPresent), 48 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.FType), 52 },
        { typeof(SsPluginExtractField), nameof(SsPluginExtractField.FList), 56 },

        // ss_plugin_byte_buffer, value offsets
        { typeof(SsPluginByteBuffer), nameof(SsPluginByteBuffer.Len), 0 },
        { typeof(SsPluginByteBuffer), nameof(SsPluginByteBuffer.Ptr), 8 },
        { typeof(SsPluginExtractValueOffsets), nameof(SsPluginExtractValueOffsets.Start), 0 },
        { typeof(SsPluginExtractValueOffsets), nameof(SsPluginExtractValueOffsets.Length), 8 },

        // ss_plugin_init_input
        { typeof(SsPluginInitInput), nameof(SsPluginInitInput.Config), 0 },
        { typeof(SsPluginInitInput), nameof(SsPluginInitInput.Owner), 8 },
        { typeof(SsPluginInitInput), nameof(SsPluginInitInput.GetOwnerLastError), 16 },
        { typeof(SsPluginInitInput), nameof(SsPluginInitInput.Tables), 24 },
        { typeof(SsPluginInitInput), nameof(SsPluginInitInput.LogFn), 32 },

        // ss_plugin_field_extract_input
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.Owner), 0 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.GetOwnerLastError), 8 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.NumFields), 16 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.Fields), 24 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.TableReader), 32 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.TableReaderExt), 64 },
        { typeof(SsPluginFieldExtractInput), nameof(SsPluginFieldExtractInput.ValueOffsets), 72 },

        // ss_plugin_event_parse_input
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.Owner), 0 },
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.GetOwnerLastError), 8 },
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.TableReader), 16 },
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.TableWriter), 48 },
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.TableReaderExt), 96 },
        { typeof(SsPluginEventParseInput), nameof(SsPluginEventParseInput.TableWriterExt), 104 },

        // ss_plugin_capture_listen_input
        { typeof(SsPluginCaptureListenInput), nameof(SsPluginCaptureListenInput.Owner), 0 },
        { typeof(SsPluginCaptureListenInput), nameof(SsPluginCaptureListenInput.Routine), 8 },
        { typeof(SsPluginCaptureListenInput), nameof(SsPluginCaptureListenInput.TableReaderExt), 16 },
        { typeof(SsPluginCaptureListenInput), nameof(SsPluginCaptureListenInput.TableWriterExt), 24 },
        { typeof(SsPluginCaptureListenInput), nameof(SsPluginCaptureListenInput.GetOwnerLastError), 32 },

        // ss_plugin_metric
        { typeof(SsPluginMetric), nameof(SsPluginMetric.Name), 0 },
        { typeof(SsPluginMetric), nameof(SsPluginMetric.Type), 8 },
        { typeof(SsPluginMetric), nameof(SsPluginMetric.Value), 16 },
        { typeof(SsPluginMetric), nameof(SsPluginMetric.ValueType), 24 },

        // tables
        { typeof(SsPluginTableInfo), nameof(SsPluginTableInfo.Name), 0 },
        { typeof(SsPluginTableInfo), nameof(SsPluginTableInfo.KeyType), 8 },
        { typeof(SsPluginTableFieldInfo), nameof(SsPluginTableFieldInfo.Name), 0 },
        { typeof(SsPluginTableFieldInfo), nameof(SsPluginTableFieldInfo.FieldType), 8 },
        { typeof(SsPluginTableFieldInfo), nameof(SsPluginTableFieldInfo.ReadOnly), 12 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.ListTables), 0 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.GetTable), 8 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.AddTable), 16 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.Fields), 24 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.FieldsExt), 48 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.ReaderExt), 56 },
        { typeof(SsPluginInitTablesInput), nameof(SsPluginInitTablesInput.WriterExt), 64 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.Name), 0 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.KeyType), 8 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.Table), 16 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.Reader), 24 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.Writer), 56 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.Fields), 104 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.ReaderExt), 128 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.WriterExt), 136 },
        { typeof(SsPluginTableInput), nameof(SsPluginTableInput.FieldsExt), 144 },
        { typeof(SsPluginTableReaderVtableExt), nameof(SsPluginTableReaderVtableExt.ReleaseTableEntry), 32 },
        { typeof(SsPluginTableReaderVtableExt), nameof(SsPluginTableReaderVtableExt.IterateEntries), 40 },
        { typeof(SsPluginTableWriterVtableExt), nameof(SsPluginTableWriterVtableExt.WriteEntryField), 40 },
        { typeof(SsPluginRoutineVtable), nameof(SsPluginRoutineVtable.Unsubscribe), 8 },

        // plugin_api: a few anchors around the 3.10 insertion of dump_state
        { typeof(PluginApi), nameof(PluginApi.GetRequiredApiVersion), 0 },
        { typeof(PluginApi), nameof(PluginApi.GetVersion), 64 },
        { typeof(PluginApi), nameof(PluginApi.GetId), 72 },
        { typeof(PluginApi), nameof(PluginApi.NextBatch), 128 },
        { typeof(PluginApi), nameof(PluginApi.GetExtractEventTypes), 136 },
        { typeof(PluginApi), nameof(PluginApi.ExtractFields), 160 },
        { typeof(PluginApi), nameof(PluginApi.ParseEvent), 184 },
        { typeof(PluginApi), nameof(PluginApi.DumpState), 216 },
        { typeof(PluginApi), nameof(PluginApi.SetConfig), 224 },
        { typeof(PluginApi), nameof(PluginApi.CaptureClose), 248 },
        { typeof(PluginApi), nameof(PluginApi.GetRequiredEventSchemaVersion), 256 },

        // API 2.0
        { typeof(SsPluginEventV2), nameof(SsPluginEventV2.EvtNum), 0 },
        { typeof(SsPluginEventV2), nameof(SsPluginEventV2.Data), 8 },
        { typeof(SsPluginEventV2), nameof(SsPluginEventV2.DataLen), 16 },
        { typeof(SsPluginEventV2), nameof(SsPluginEventV2.Ts), 24 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.ResLen), 8 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.FieldId), 16 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.Field), 24 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.ArgKey), 32 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.ArgIndex), 40 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.ArgPresent), 48 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.FType), 52 },
        { typeof(SsPluginExtractFieldV2), nameof(SsPluginExtractFieldV2.FList), 56 },
        { typeof(PluginApiV2), nameof(PluginApiV2.NextBatch), 128 },
        { typeof(PluginApiV2), nameof(PluginApiV2.GetExtractEventSources), 136 },
        { typeof(PluginApiV2), nameof(PluginApiV2.ExtractFields), 152 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Struct_has_the_C_size(Type type, int size)
    {
        Assert.Equal(size, Marshal.SizeOf(type));
        Assert.Equal(size, ManagedSize(type));
    }

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Field_has_the_C_offset(Type type, string field, int offset)
    {
        Assert.Equal(offset, (int)Marshal.OffsetOf(type, field));
    }

    [Fact]
    public void Managed_layout_matches_the_declared_offsets()
    {
        // Spot checks through real pointers, covering the packed header, a union and a struct with bool-sized members.
        var evt = default(SsPluginEvent);
        Assert.Equal(22, (int)((byte*)&evt.NParams - (byte*)&evt));
        var field = default(SsPluginExtractField);
        Assert.Equal(56, (int)((byte*)&field.FList - (byte*)&field));
        var legacy = default(SsPluginExtractFieldV2);
        Assert.Equal(48, (int)((byte*)&legacy.ArgPresent - (byte*)&legacy));
        Assert.Equal(56, (int)((byte*)&legacy.FList - (byte*)&legacy));
        var api = default(PluginApi);
        Assert.Equal(216, (int)((byte*)&api.DumpState - (byte*)&api));
        var extract = default(SsPluginFieldExtractInput);
        Assert.Equal(72, (int)((byte*)&extract.ValueOffsets - (byte*)&extract));
        var tables = default(SsPluginTableInput);
        Assert.Equal(144, (int)((byte*)&tables.FieldsExt - (byte*)&tables));
    }

    [Fact]
    public void Union_members_share_their_storage()
    {
        var data = default(SsPluginStateData);
        data.U64 = 0x0102030405060708;
        Assert.Equal(0x05060708u, data.U32);
        Assert.Equal((byte)0x08, data.U8);
        var metric = default(SsPluginMetricValue);
        metric.D = 1.5;
        Assert.Equal(BitConverter.DoubleToInt64Bits(1.5), metric.S64);
    }

    [Fact]
    public void Enumerations_have_the_C_values_and_size()
    {
        Assert.Equal(4, sizeof(SsPluginRc));
        Assert.Equal(-1, (int)SsPluginRc.Timeout);
        Assert.Equal(2, (int)SsPluginRc.Eof);
        Assert.Equal(3, (int)SsPluginRc.NotSupported);
        Assert.Equal(4, sizeof(SsPluginFieldType));
        Assert.Equal([8u, 9u, 20u, 21u, 25u, 40u, 41u], Enum.GetValues<SsPluginFieldType>().Select(v => (uint)v).Order());
        Assert.Equal(Enum.GetValues<SsPluginFieldType>().Select(v => (uint)v), Enum.GetValues<PluginFieldType>().Select(v => (uint)v));
        Assert.Equal(4, sizeof(SsPluginSchemaType));
        Assert.Equal(4, sizeof(SsPluginLogSeverity));
        Assert.Equal(8, (int)SsPluginLogSeverity.Trace);
        Assert.Equal(4, sizeof(SsPluginStateType));
        Assert.Equal(25, (int)SsPluginStateType.Bool);
        Assert.Equal(10, (int)SsPluginStateType.Table);
        Assert.Equal(6, (int)SsPluginMetricValueType.Int);
        Assert.Equal(1, (int)SsPluginMetricType.NonMonotonic);
        Assert.Equal(Enum.GetValues<SsPluginLogSeverity>().Select(v => (int)v), Enum.GetValues<PluginLogSeverity>().Select(v => (int)v));
    }

    [Fact]
    public void Constants_match_the_ABI()
    {
        Assert.Equal("3.12.0", PluginApiVersion.Current);
        Assert.Equal(PluginApiVersion.Current, $"{PluginApiVersion.Major}.{PluginApiVersion.Minor}.{PluginApiVersion.Patch}");
        Assert.Equal("2.0.0", PluginApiVersion.Legacy);
        Assert.Equal(1024, PluginAbiConstants.MaxErrorLength);
        Assert.Equal(2048, PluginAbiConstants.LegacyMaxErrorLength);
        Assert.Equal(38, PluginEventLayout.PayloadOffset);
        Assert.Equal(PluginEventLayout.HeaderSize, sizeof(SsPluginEvent));
        Assert.Equal(PluginEventLayout.HeaderSize + 8, PluginEventLayout.PluginIdOffset);
        Assert.Equal(42, PluginEventLayout.AsyncEventNameOffset);
        Assert.Equal(322, PluginEventLayout.PluginEventType);
        Assert.Equal(402, PluginEventLayout.AsyncEventType);
        Assert.Equal(1u << 4, (uint)PluginCapabilities.CaptureListening);
    }

    [Fact]
    public void Symbol_names_cover_every_vtable_member()
    {
        var names = typeof(PluginSymbolNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var members = typeof(PluginApi).GetFields().Select(f => "plugin_" + Snake(f.Name)).ToHashSet();
        Assert.Equal(33, names.Count);
        Assert.Equal(members.Order(), names.Order());
        Assert.True(typeof(PluginApiV2).GetFields().All(f => names.Contains("plugin_" + Snake(f.Name))));
    }

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static int ManagedSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}
