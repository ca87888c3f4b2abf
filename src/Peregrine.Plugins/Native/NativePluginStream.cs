using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>An open instance of a 3.x plugin: <c>next_batch</c> returns an array of pointers to complete events.</summary>
internal sealed unsafe class NativePluginStream : NativeStreamBase
{
    private readonly delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEvent***, SsPluginRc> _nextBatch;

    public NativePluginStream(NativePluginBase plugin, PluginApi api, void* instance)
        : base(plugin, instance)
    {
        _nextBatch = api.NextBatch;
    }

    protected override SsPluginRc Fetch(out uint count, out byte** events)
    {
        uint n = 0;
        SsPluginEvent** array = null;
        var rc = _nextBatch(Plugin.State, Instance, &n, &array);
        count = n;
        events = (byte**)array;
        return rc;
    }
}
