using System.Runtime.CompilerServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Sdk.Export;

/// <summary>
/// Turns the values an extraction writes into the result arrays of <c>ss_plugin_extract_field</c>:
/// on a request's first value an array of <c>count</c> slots is taken from the arena and the
/// field's <c>res</c> and <c>res_len</c> point at it; strings and buffers are copied into the arena.
/// </summary>
internal sealed unsafe class NativeValueSink(NativeArena arena) : IPluginFieldSink
{
    public SsPluginExtractField* Fields { get; set; }

    public void OnUInt64(int request, int element, int count, ulong value)
    {
        var slots = (ulong*)Slots(request, element, count, sizeof(ulong));
        slots[element] = value;
    }

    public void OnBool(int request, int element, int count, bool value)
    {
        var slots = (uint*)Slots(request, element, count, sizeof(uint));
        slots[element] = value ? 1u : 0u;
    }

    public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8)
    {
        var slots = (byte**)Slots(request, element, count, sizeof(byte*));
        var copy = arena.Allocate(utf8.Length + 1);
        utf8.CopyTo(new Span<byte>(copy, utf8.Length));
        copy[utf8.Length] = 0;
        slots[element] = copy;
    }

    public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value)
    {
        var slots = (SsPluginByteBuffer*)Slots(request, element, count, sizeof(SsPluginByteBuffer));
        var copy = arena.Allocate(value.Length);
        value.CopyTo(new Span<byte>(copy, value.Length));
        slots[element] = new SsPluginByteBuffer { Len = (uint)value.Length, Ptr = copy };
    }

    private void* Slots(int request, int element, int count, int slotSize)
    {
        var field = Fields + request;
        if (element == 0)
        {
            field->Res.U64 = (ulong*)arena.Allocate(count * slotSize);
            field->ResLen = (ulong)count;
        }

        return Unsafe.AsPointer(ref *field->Res.U64);
    }
}
