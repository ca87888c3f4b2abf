using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk.Export;

/// <summary>
/// The C plugin API (3.x) over an SDK plugin, for plugins published as a NativeAOT shared library.
/// The exported <c>plugin_*</c> functions are compiled into the plugin's own assembly (see
/// <c>build/Peregrine.Sdk.targets</c>), only for the capabilities it has, and forward here. Every
/// call catches what plugin code throws: it becomes FAILURE and the text of <c>get_last_error</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class NativeExports
{
    private static Statics? s_statics;

    /// <summary>The static strings, read once from a plugin object that is never initialized.</summary>
    public static Statics Static(Func<Plugin> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (s_statics is null)
        {
            LibraryPin.Pin();
            s_statics = new Statics(factory);
        }

        return s_statics;
    }

    /// <summary><c>plugin_init</c>.</summary>
    public static void* Init(Func<Plugin> factory, SsPluginInitInput* input, SsPluginRc* rc)
    {
        var statics = Static(factory);
        NativeState? state = null;
        try
        {
            var plugin = factory();
            state = new NativeState(plugin, statics.Fields);
            IPluginLogger? logger = input != null && input->LogFn != null ? new NativeLogger(input->Owner, input->LogFn) : null;
            ((IManagedPlugin)plugin).Init(input != null ? NativeText.Read(input->Config) : string.Empty, logger);
            *rc = SsPluginRc.Success;
        }
        catch (Exception e)
        {
            state ??= new NativeState(new FailedPlugin(), statics.Fields);
            *rc = state.Fail(e);
        }

        return (void*)GCHandle.ToIntPtr(GCHandle.Alloc(state));
    }

    /// <summary><c>plugin_destroy</c>.</summary>
    public static void Destroy(void* s)
    {
        var handle = GCHandle.FromIntPtr((IntPtr)s);
        try
        {
            ((NativeState)handle.Target!).Dispose();
        }
        catch (Exception)
        {
            // destroy cannot fail in the API; there is nobody to tell.
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary><c>plugin_get_last_error</c>.</summary>
    public static byte* GetLastError(void* s) => State(s).LastError;

    /// <summary><c>plugin_open</c>.</summary>
    public static void* Open(void* s, byte* parameters, SsPluginRc* rc)
    {
        var state = State(s);
        try
        {
            var stream = state.Plugin.Open(NativeText.Read(parameters));
            *rc = SsPluginRc.Success;
            return (void*)GCHandle.ToIntPtr(GCHandle.Alloc(stream));
        }
        catch (Exception e)
        {
            *rc = state.Fail(e);
            return null;
        }
    }

    /// <summary><c>plugin_close</c>.</summary>
    public static void Close(void* s, void* h)
    {
        if (h == null)
        {
            return;
        }

        var handle = GCHandle.FromIntPtr((IntPtr)h);
        try
        {
            ((IManagedEventStream)handle.Target!).Dispose();
        }
        catch (Exception e)
        {
            State(s).Fail(e);
        }
        finally
        {
            handle.Free();
        }
    }

    /// <summary><c>plugin_next_batch</c>.</summary>
    public static SsPluginRc NextBatch(void* s, void* h, uint* nevts, SsPluginEvent*** evts)
    {
        *nevts = 0;
        *evts = null;
        try
        {
            var status = Stream(h).NextBatch(out var events, out var count);
            *nevts = (uint)count;
            *evts = (SsPluginEvent**)events;
            return status switch
            {
                PluginBatchStatus.Success => SsPluginRc.Success,
                PluginBatchStatus.Timeout => SsPluginRc.Timeout,
                PluginBatchStatus.Eof => SsPluginRc.Eof,
                _ => SsPluginRc.Failure,
            };
        }
        catch (Exception e)
        {
            return State(s).Fail(e);
        }
    }

    /// <summary><c>plugin_list_open_params</c>.</summary>
    public static byte* ListOpenParams(void* s, SsPluginRc* rc)
    {
        var state = State(s);
        try
        {
            var json = Json(writer =>
            {
                writer.WriteStartArray();
                foreach (var p in state.Plugin.ListOpenParams())
                {
                    writer.WriteStartObject();
                    writer.WriteString("value", p.Value);
                    writer.WriteString("desc", p.Description);
                    writer.WriteString("separator", p.Separator);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
            *rc = SsPluginRc.Success;
            return state.Return(json);
        }
        catch (Exception e)
        {
            *rc = state.Fail(e);
            return null;
        }
    }

    /// <summary><c>plugin_get_progress</c>.</summary>
    public static byte* GetProgress(void* s, void* h, uint* progress)
    {
        var state = State(s);
        try
        {
            var p = Stream(h).GetProgress();
            *progress = p.Hundredths;
            return state.Return(p.Text);
        }
        catch (Exception e)
        {
            state.Fail(e);
            *progress = 0;
            return state.Return(string.Empty);
        }
    }

    /// <summary><c>plugin_event_to_string</c>.</summary>
    public static byte* EventToString(void* s, SsPluginEventInput* input)
    {
        var state = State(s);
        try
        {
            var evt = new PluginEvent((byte*)input->Evt, input->EvtNum, EventSourceName.Get(NativeText.Read(input->EvtSrc)));
            return state.Return(state.Plugin.EventToString(evt));
        }
        catch (Exception e)
        {
            state.Fail(e);
            return state.Return(string.Empty);
        }
    }

    /// <summary><c>plugin_extract_fields</c>.</summary>
    public static SsPluginRc ExtractFields(void* s, SsPluginEventInput* input, SsPluginFieldExtractInput* extract)
    {
        var state = State(s);
        try
        {
            return state.Extract(input, extract);
        }
        catch (Exception e)
        {
            return state.Fail(e);
        }
    }

    private static NativeState State(void* s) => (NativeState)GCHandle.FromIntPtr((IntPtr)s).Target!;

    private static IManagedEventStream Stream(void* h) => (IManagedEventStream)GCHandle.FromIntPtr((IntPtr)h).Target!;

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The strings the static functions return, allocated once for the library's lifetime.</summary>
    public sealed class Statics
    {
        internal Statics(Func<Plugin> factory)
        {
            using var probe = factory();
            var info = ((IManagedPlugin)probe).Describe();
            RequiredApiVersion = Utf8(info.RequiredApiVersion);
            Name = Utf8(info.Name);
            Description = Utf8(info.Description);
            Contact = Utf8(info.Contact);
            Version = Utf8(info.Version);
            Id = info.Id;
            EventSource = Utf8(info.EventSource);
            FieldsJson = info.FieldsJson is null ? null : Utf8(info.FieldsJson);
            ExtractEventSources = info.ExtractEventSourcesJson is null ? null : Utf8(info.ExtractEventSourcesJson);
            InitSchemaType = (SsPluginSchemaType)info.InitSchema.Type;
            InitSchema = Utf8(info.InitSchema.Text);
            var fields = probe is IExtractionPlugin extraction ? extraction.Fields : [];
            Fields = [.. fields.Select((f, i) => new PluginField(
                i, f.Name, f.Type, f.Description, f.Display, f.IsList,
                (f.Argument & FieldArgumentRules.Required) != 0, (f.Argument & FieldArgumentRules.Index) != 0,
                (f.Argument & FieldArgumentRules.Key) != 0, f.Properties, f.AddOutput))];
        }

        public byte* RequiredApiVersion { get; }

        public byte* Name { get; }

        public byte* Description { get; }

        public byte* Contact { get; }

        public byte* Version { get; }

        public uint Id { get; }

        public byte* EventSource { get; }

        public byte* FieldsJson { get; }

        public byte* ExtractEventSources { get; }

        public SsPluginSchemaType InitSchemaType { get; }

        public byte* InitSchema { get; }

        internal IReadOnlyList<PluginField> Fields { get; }

        private static byte* Utf8(string text) => (byte*)Marshal.StringToCoTaskMemUTF8(text);
    }

    /// <summary>Stands in for a plugin whose creation threw, so the host can still read the error.</summary>
    private sealed class FailedPlugin : Plugin
    {
        public override PluginInfo Info { get; } = new() { Name = string.Empty, Version = "0.0.0" };
    }
}
