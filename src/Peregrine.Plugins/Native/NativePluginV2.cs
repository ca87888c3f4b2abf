using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// The adapter that serves API 2.0 plugins (Falco 0.33/0.34 era) beside 3.x ones. It speaks the
/// 2.0 ABI to the plugin (config string init, 32-byte payload-only events, C-bool extraction
/// flags) and the 3.x event layout to everyone else, so the engine cannot tell the difference.
/// Extraction only ever sees plugin events (type 322), as in libs 0.9: the plugin receives the
/// event's payload, number and timestamp.
/// </summary>
internal sealed unsafe class NativePluginV2 : NativePluginBase
{
    private readonly PluginApiV2 _api;
    private readonly SsPluginEventV2* _event;
    private SsPluginExtractFieldV2* _fields;
    private int _fieldCapacity;

    public NativePluginV2(NativePluginLibrary library, string config, IPluginLogger? logger)
        : base(library, logger)
    {
        _api = library.ApiV2;
        _event = (SsPluginEventV2*)NativeMemory.AllocZeroed((nuint)sizeof(SsPluginEventV2));
        var configUtf8 = NativeText.PinnedUtf8Z(config);
        var rc = SsPluginRc.Failure;
        var previous = Owner.Enter();
        try
        {
            SetState(_api.Init(NativeText.PointerOf(configUtf8), &rc));
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

        // API 2.0 has no event type lists; its hosts only ever extracted from plugin events.
        ExtractEventTypes = PluginEventTypeSet.Of([PluginEventLayout.PluginEventType]);
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

        if (!evt.IsPluginEvent)
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

                // 2.0 hosts sent 0 for an absent index.
                native->ArgIndex = argument.HasIndex ? argument.Index : 0;
                native->ArgPresent = argument.IsPresent ? (byte)1 : (byte)0;
                native->FType = (uint)slot.Type;
                native->FList = slot.IsList ? (byte)1 : (byte)0;
            }

            FillEvent(evt);
            SsPluginRc rc;
            var previous = Owner.Enter();
            try
            {
                rc = _api.ExtractFields(State, _event, (uint)requests.Length, _fields);
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

        FillEvent(evt);
        var previous = Owner.Enter();
        try
        {
            return NativeText.Copy(_api.EventToString(State, _event));
        }
        finally
        {
            PluginOwner.Leave(previous);
        }
    }

    protected override NativeStreamBase CreateStream(void* instance) => new NativePluginStreamV2(this, _api, instance);

    protected override void ReleaseResources()
    {
        NativeMemory.Free(_fields);
        _fields = null;
        _fieldCapacity = 0;
        NativeMemory.Free(_event);
    }

    // The 2.0 view of a plugin event: its payload, number and time.
    private void FillEvent(in PluginEvent evt)
    {
        var payload = evt.Payload;
        _event->EvtNum = evt.Number;
        _event->Data = evt.Pointer + PluginEventLayout.PayloadOffset;
        _event->DataLen = (uint)payload.Length;
        _event->Ts = evt.Timestamp;
    }

    private void Grow(int needed)
    {
        var capacity = Math.Max(needed, Math.Max(8, _fieldCapacity * 2));
        _fields = (SsPluginExtractFieldV2*)NativeMemory.Realloc(_fields, (nuint)(capacity * sizeof(SsPluginExtractFieldV2)));
        _fieldCapacity = capacity;
    }
}
