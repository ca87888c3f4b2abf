using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Tests.Support;

/// <summary>Plugin events built by a test in its own unmanaged memory.</summary>
internal sealed unsafe class TestEvents : IDisposable
{
    private readonly List<nint> _blocks = [];

    /// <summary>A plugin event with a uint64 payload.</summary>
    public PluginEvent Plugin(ulong value, uint pluginId, EventSourceName source, ulong number = 1, ulong ts = 1234) =>
        Raw(PluginEventLayout.PluginEventType, 2, pluginId, BitConverter.GetBytes(value), source, number, ts);

    /// <summary>Any event in the plugin-event layout.</summary>
    public PluginEvent Raw(ushort type, uint nparams, uint pluginId, ReadOnlySpan<byte> payload, EventSourceName source, ulong number = 1, ulong ts = 1234)
    {
        var length = PluginEventLayout.PayloadOffset + payload.Length;
        var block = (byte*)NativeMemory.AllocZeroed((nuint)length);
        _blocks.Add((nint)block);
        var header = (SsPluginEvent*)block;
        header->Ts = ts;
        header->Tid = PluginEventLayout.NoThread;
        header->Len = (uint)length;
        header->Type = type;
        header->NParams = nparams;
        *(uint*)(block + PluginEventLayout.PluginIdLengthOffset) = 4;
        *(uint*)(block + PluginEventLayout.PayloadLengthOffset) = (uint)payload.Length;
        *(uint*)(block + PluginEventLayout.PluginIdOffset) = pluginId;
        payload.CopyTo(new Span<byte>(block + PluginEventLayout.PayloadOffset, payload.Length));
        return new PluginEvent(block, number, source);
    }

    public void Dispose()
    {
        foreach (var block in _blocks)
        {
            NativeMemory.Free((void*)block);
        }

        _blocks.Clear();
    }
}
