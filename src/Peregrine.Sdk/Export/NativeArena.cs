using System.Runtime.InteropServices;

namespace Peregrine.Sdk.Export;

/// <summary>
/// Unmanaged memory for the values of one <c>extract_fields</c> call: chunks that are handed out in
/// order and reset by the next call, which is exactly how long the API lets the host rely on them.
/// Chunks are kept across calls, so a warm plugin allocates nothing.
/// </summary>
internal sealed unsafe class NativeArena : IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<(nint Memory, int Size)> _chunks = [];
    private int _chunk;
    private int _used;

    public void Reset()
    {
        _chunk = 0;
        _used = 0;
    }

    public byte* Allocate(int size)
    {
        size = (size + 7) & ~7; // keep every value 8-byte aligned
        while (true)
        {
            if (_chunk < _chunks.Count)
            {
                var (memory, capacity) = _chunks[_chunk];
                if (_used + size <= capacity)
                {
                    var result = (byte*)memory + _used;
                    _used += size;
                    return result;
                }

                _chunk++;
                _used = 0;
                continue;
            }

            var chunkSize = Math.Max(ChunkSize, size);
            _chunks.Add(((nint)NativeMemory.Alloc((nuint)chunkSize), chunkSize));
        }
    }

    public void Dispose()
    {
        foreach (var (memory, _) in _chunks)
        {
            NativeMemory.Free((void*)memory);
        }

        _chunks.Clear();
    }
}
