using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// An open instance of a 2.0 plugin. <c>next_batch</c> returns a contiguous array of payload-only
/// events; each is wrapped into a complete plugin event (type 322, lengths [4, n], the plugin's ID,
/// no thread) in a buffer this stream owns, as the 2.0 host did. The buffer is reused, so wrapped
/// events are valid until the next batch, like the plugin's own memory.
/// </summary>
internal sealed unsafe class NativePluginStreamV2 : NativeStreamBase
{
    private readonly delegate* unmanaged[Cdecl]<void*, void*, uint*, SsPluginEventV2**, SsPluginRc> _nextBatch;
    private byte* _buffer;
    private nuint _bufferCapacity;
    private byte** _pointers;
    private uint _pointerCapacity;

    public NativePluginStreamV2(NativePluginBase plugin, PluginApiV2 api, void* instance)
        : base(plugin, instance)
    {
        _nextBatch = api.NextBatch;
    }

    protected override SsPluginRc Fetch(out uint count, out byte** events)
    {
        uint n = 0;
        SsPluginEventV2* array = null;
        var rc = _nextBatch(Plugin.State, Instance, &n, &array);
        count = n;
        events = null;
        if (n == 0 || array == null)
        {
            return rc;
        }

        nuint total = 0;
        for (var i = 0u; i < n; i++)
        {
            total += (nuint)PluginEventLayout.PayloadOffset + array[i].DataLen;
        }

        if (total > uint.MaxValue)
        {
            // Larger than any event length can describe.
            count = 0;
            HostFailure = $"event batch of plugin {Plugin.Descriptor.Name} is too large ({total} bytes)";
            return rc;
        }

        if (total > _bufferCapacity)
        {
            _buffer = (byte*)NativeMemory.Realloc(_buffer, total);
            _bufferCapacity = total;
        }

        if (n > _pointerCapacity)
        {
            _pointers = (byte**)NativeMemory.Realloc(_pointers, n * (nuint)sizeof(byte*));
            _pointerCapacity = n;
        }

        var id = Plugin.Descriptor.Id;
        var cursor = _buffer;
        for (var i = 0u; i < n; i++)
        {
            var source = array[i];
            var length = (uint)PluginEventLayout.PayloadOffset + source.DataLen;
            Unsafe.WriteUnaligned(cursor, source.Ts);
            Unsafe.WriteUnaligned(cursor + 8, PluginEventLayout.NoThread);
            Unsafe.WriteUnaligned(cursor + 16, length);
            Unsafe.WriteUnaligned(cursor + 20, PluginEventLayout.PluginEventType);
            Unsafe.WriteUnaligned(cursor + 22, PluginEventLayout.PluginEventParameterCount);
            Unsafe.WriteUnaligned(cursor + PluginEventLayout.PluginIdLengthOffset, 4u);
            Unsafe.WriteUnaligned(cursor + PluginEventLayout.PayloadLengthOffset, source.DataLen);
            Unsafe.WriteUnaligned(cursor + PluginEventLayout.PluginIdOffset, id);
            if (source.DataLen > 0 && source.Data != null)
            {
                Buffer.MemoryCopy(source.Data, cursor + PluginEventLayout.PayloadOffset, source.DataLen, source.DataLen);
            }

            _pointers[i] = cursor;
            cursor += length;
        }

        events = _pointers;
        return rc;
    }

    protected override void ReleaseResources()
    {
        NativeMemory.Free(_buffer);
        NativeMemory.Free(_pointers);
        _buffer = null;
        _pointers = null;
        _bufferCapacity = 0;
        _pointerCapacity = 0;
    }
}
