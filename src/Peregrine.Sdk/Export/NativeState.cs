using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Managed;

namespace Peregrine.Sdk.Export;

/// <summary>
/// What a C host holds as <c>ss_plugin_t*</c> (through a GC handle): the plugin object, its last
/// error and the reusable buffers of the calls that return memory.
/// </summary>
internal sealed unsafe class NativeState : IDisposable
{
    private readonly NativeArena _arena = new();
    private readonly NativeValueSink _sink;
    private NativeText _lastError;
    private NativeText _returned;
    private PluginFieldRequest[] _requests = [];
    private ArgumentCacheEntry[] _arguments = [];
    private byte* _lastSourcePointer;
    private EventSourceName? _lastSource;

    public NativeState(IManagedPlugin plugin, IReadOnlyList<PluginField> fields)
    {
        Plugin = plugin;
        Fields = fields;
        _sink = new NativeValueSink(_arena);
        _lastError.Set(string.Empty);
    }

    public IManagedPlugin Plugin { get; }

    public IReadOnlyList<PluginField> Fields { get; }

    public byte* LastError => _lastError.Pointer;

    /// <summary>Records a failure of plugin code; returns FAILURE.</summary>
    public SsPluginRc Fail(Exception e)
    {
        _lastError.Set(e.Message);
        return SsPluginRc.Failure;
    }

    /// <summary>Returns a string the host may read until the next call that returns one.</summary>
    public byte* Return(string text) => _returned.Set(text);

    public SsPluginRc Extract(SsPluginEventInput* input, SsPluginFieldExtractInput* extract)
    {
        var count = (int)extract->NumFields;
        if (_requests.Length < count)
        {
            _requests = new PluginFieldRequest[count];
            Array.Resize(ref _arguments, count);
        }

        for (var i = 0; i < count; i++)
        {
            var field = extract->Fields + i;
            field->ResLen = 0;
            var index = (int)field->FieldId;
            if ((uint)index >= (uint)Fields.Count)
            {
                throw new InvalidOperationException($"unknown field id {index}");
            }

            _requests[i] = new PluginFieldRequest(index, Argument(i, Fields[index], field));
        }

        _arena.Reset();
        _sink.Fields = extract->Fields;
        var evt = new PluginEvent((byte*)input->Evt, input->EvtNum, Source(input->EvtSrc));
        return Plugin.Extract(evt, _requests.AsSpan(0, count), _sink) ? SsPluginRc.Success : SsPluginRc.Failure;
    }

    public void Dispose()
    {
        try
        {
            Plugin.Dispose();
        }
        finally
        {
            _arena.Dispose();
            _lastError.Free();
            _returned.Free();
        }
    }

    // Hosts pass the same argument text, at the same address, for one field reference on every
    // event: the parsed argument is cached per request slot and reused while it matches.
    private PluginFieldArgument Argument(int slot, PluginField field, SsPluginExtractField* request)
    {
        if (request->ArgPresent == 0)
        {
            return PluginFieldArgument.None;
        }

        ref var cached = ref _arguments[slot];
        if (cached.Argument is not null && cached.Field == field.Index && cached.Key == request->ArgKey
            && cached.Index == request->ArgIndex
            && (request->ArgKey == null || MemoryMarshal.CreateReadOnlySpanFromNullTerminated(request->ArgKey).SequenceEqual(cached.KeyUtf8)))
        {
            return cached.Argument;
        }

        var text = request->ArgKey != null ? NativeText.Read(request->ArgKey) : request->ArgIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!PluginFieldArgument.TryCreate(field, text, out var argument, out var error))
        {
            throw new InvalidOperationException($"field {field.Name} {error}");
        }

        cached = new ArgumentCacheEntry
        {
            Field = field.Index,
            Key = request->ArgKey,
            Index = request->ArgIndex,
            KeyUtf8 = request->ArgKey != null ? MemoryMarshal.CreateReadOnlySpanFromNullTerminated(request->ArgKey).ToArray() : [],
            Argument = argument,
        };
        return argument;
    }

    private EventSourceName Source(byte* source)
    {
        if (source != _lastSourcePointer || _lastSource is null)
        {
            _lastSource = EventSourceName.Get(NativeText.Read(source));
            _lastSourcePointer = source;
        }

        return _lastSource;
    }

    private struct ArgumentCacheEntry
    {
        public int Field;
        public byte* Key;
        public ulong Index;
        public byte[] KeyUtf8;
        public PluginFieldArgument? Argument;
    }
}
