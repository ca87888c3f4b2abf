using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// A plugin state driven through the API 3.x ABI. The ABI input structs used by extraction live
/// in unmanaged memory owned by this object and are reused for every call, so extraction does not
/// allocate; the request array only grows when a call carries more fields than any before.
/// </summary>
internal sealed unsafe class NativePlugin : NativePluginBase
{
    private readonly PluginApi _api;
    private readonly SsPluginEventInput* _eventInput;
    private readonly SsPluginFieldExtractInput* _extractInput;
    private SsPluginExtractField* _fields;
    private int _fieldCapacity;

    public NativePlugin(NativePluginLibrary library, string config, IPluginLogger? logger)
        : base(library, logger)
    {
        _api = library.Api;
        _eventInput = (SsPluginEventInput*)NativeMemory.AllocZeroed((nuint)sizeof(SsPluginEventInput));
        _extractInput = (SsPluginFieldExtractInput*)NativeMemory.AllocZeroed((nuint)sizeof(SsPluginFieldExtractInput));
        _extractInput->Owner = Owner.Pointer;
        _extractInput->GetOwnerLastError = OwnerCallbacks.GetOwnerLastErrorFunction;
        _extractInput->TableReader = StubTables.Reader;
        _extractInput->TableReaderExt = StubTables.ReaderExt;
        _extractInput->ValueOffsets = null;

        var configUtf8 = NativeText.PinnedUtf8Z(config);
        var input = new SsPluginInitInput
        {
            Config = NativeText.PointerOf(configUtf8),
            Owner = Owner.Pointer,
            GetOwnerLastError = OwnerCallbacks.GetOwnerLastErrorFunction,

            // Always non-NULL, unlike libsinsp (which passes NULL to plugins without extraction
            // or parsing): SDKs dereference it unconditionally.
            Tables = StubTables.InitTables,
            LogFn = OwnerCallbacks.LogFunction,
        };

        // libsinsp leaves rc uninitialized; start from FAILURE so a plugin that never sets it has failed.
        var rc = SsPluginRc.Failure;
        var previous = Owner.Enter();
        try
        {
            SetState(_api.Init(&input, &rc));
        }
        finally
        {
            PluginOwner.Leave(previous);
            GC.KeepAlive(configUtf8);
        }

        if (rc != SsPluginRc.Success)
        {
            throw InitFailure();
        }

        ExtractEventTypes = ResolveExtractEventTypes();
    }

    public override bool Extract(in PluginEvent evt, ReadOnlySpan<PluginFieldRequest> requests, IPluginFieldSink sink)
    {
        if (_api.ExtractFields == null)
        {
            throw new InvalidOperationException($"plugin {Descriptor.Name} has no field extraction capability");
        }

        if (requests.IsEmpty)
        {
            return true;
        }

        if (!ExtractEventTypes.Contains(evt.Type))
        {
            return false;
        }

        using (Gate.Enter())
        {
            ThrowIfDisposed();
            if (!AcceptsSource(evt.Source))
            {
                return false;
            }

            if (requests.Length > _fieldCapacity)
            {
                Grow(requests.Length);
            }

            for (var i = 0; i < requests.Length; i++)
            {
                var request = requests[i];
                var slot = Slot(request.FieldIndex);
                var argument = request.Argument;
                var native = _fields + i;
                native->Res.Str = null;
                native->ResLen = 0;
                native->FieldId = (uint)request.FieldIndex;
                native->Field = slot.Name;
                native->ArgKey = argument.KeyUtf8Z;
                native->ArgIndex = argument.Index;
                native->ArgPresent = argument.IsPresent ? 1u : 0u;
                native->FType = (uint)slot.Type;
                native->FList = slot.IsList ? 1u : 0u;
            }

            _eventInput->Evt = (SsPluginEvent*)evt.Pointer;
            _eventInput->EvtNum = evt.Number;
            _eventInput->EvtSrc = evt.Source.Utf8Z;
            _extractInput->NumFields = (uint)requests.Length;
            _extractInput->Fields = _fields;

            SsPluginRc rc;
            var previous = Owner.Enter();
            try
            {
                rc = _api.ExtractFields(State, _eventInput, _extractInput);
            }
            finally
            {
                PluginOwner.Leave(previous);
            }

            if (rc != SsPluginRc.Success)
            {
                return false;
            }

            for (var i = 0; i < requests.Length; i++)
            {
                var native = _fields + i;
                if (native->ResLen != 0 && native->Res.U64 != null)
                {
                    ExtractedValues.Deliver(sink, i, Fields[requests[i].FieldIndex].Type, native->Res, native->ResLen);
                }
            }

            return true;
        }
    }

    protected override string CallEventToString(in PluginEvent evt)
    {
        if (_api.EventToString == null)
        {
            return string.Empty;
        }

        var input = new SsPluginEventInput
        {
            Evt = (SsPluginEvent*)evt.Pointer,
            EvtNum = evt.Number,
            EvtSrc = evt.Source.Utf8Z,
        };
        var previous = Owner.Enter();
        try
        {
            return NativeText.Copy(_api.EventToString(State, &input));
        }
        finally
        {
            PluginOwner.Leave(previous);
        }
    }

    protected override NativeStreamBase CreateStream(void* instance) => new NativePluginStream(this, _api, instance);

    protected override void ReleaseResources()
    {
        NativeMemory.Free(_fields);
        _fields = null;
        _fieldCapacity = 0;
        NativeMemory.Free(_eventInput);
        NativeMemory.Free(_extractInput);
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(needed, Math.Max(8, _fieldCapacity * 2));
        _fields = (SsPluginExtractField*)NativeMemory.Realloc(_fields, (nuint)(capacity * sizeof(SsPluginExtractField)));
        _fieldCapacity = capacity;
    }

    private PluginEventTypeSet ResolveExtractEventTypes()
    {
        if ((Descriptor.Capabilities & PluginCapabilities.Extraction) == 0)
        {
            return DefaultEventTypes();
        }

        if (_api.GetExtractEventTypes != null)
        {
            uint count = 0;
            var previous = Owner.Enter();
            try
            {
                // 3.0/3.1 plugins implement a one-argument version; the extra argument is harmless.
                var codes = _api.GetExtractEventTypes(&count, State);
                if (codes != null && count > 0)
                {
                    return PluginEventTypeSet.Of(new ReadOnlySpan<ushort>(codes, (int)count).ToArray());
                }
            }
            finally
            {
                PluginOwner.Leave(previous);
            }
        }

        return DefaultEventTypes();
    }
}
