using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Peregrine.Conditions.Evaluation;

/// <summary>
/// The values of one event, slot by slot, fetched lazily and at most once: the first
/// <see cref="Get"/> of a slot in an event fills it (through the engine's provider or a
/// transformer), later ones read the stored values. <see cref="Reset"/> starts a new event
/// in O(1) by bumping a generation counter. Values and their bytes live in two flat arrays
/// that grow to the largest event seen and are then reused, so steady-state evaluation does
/// not allocate. One cache belongs to one thread (one event source).
/// </summary>
public sealed class FieldCache
{
    private struct SlotState
    {
        public uint Generation;
        public int Start;
        public int Count;
    }

    private readonly FieldSlotTable _table;
    private SlotState[] _slots = [];
    private SlotSource[] _sources = [];
    private FieldValue[] _values = new FieldValue[64];
    private byte[] _arena = new byte[4096];
    private int _valueCount;
    private int _arenaUsed;
    private uint _generation = 1;
    private int _openList = -1;
    private char[] _charScratch = new char[256];

    public FieldCache(FieldSlotTable table, IFieldValueProvider provider)
    {
        _table = table;
        Provider = provider;
        SyncWithTable();
    }

    public IFieldValueProvider Provider { get; }

    public FieldSlotTable Table => _table;

    /// <summary>Forgets every value: the next reads belong to a new event.</summary>
    public void Reset()
    {
        _valueCount = 0;
        _arenaUsed = 0;
        _openList = -1;
        if (++_generation == 0)
        {
            // After 2^32 events the counter wraps; clear once so no stale slot looks fresh.
            Array.Clear(_slots);
            _generation = 1;
        }
        if (_slots.Length < _table.Count) SyncWithTable();
    }

    /// <summary>The values of a slot for the current event; empty when the value is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<FieldValue> Get(int slot)
    {
        ref var state = ref _slots[slot];
        if (state.Generation != _generation) Fill(slot);
        // Start and Count were written by this class and always lie inside _values: skip the
        // bounds check on the hottest line of the evaluator.
        return MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), state.Start), state.Count);
    }

    /// <summary>
    /// The bytes of the first value of a slot (the only one, for a single-valued field);
    /// false when the value is missing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetBytes(int slot, out ReadOnlySpan<byte> bytes)
    {
        ref var state = ref _slots[slot];
        if (state.Generation != _generation) Fill(slot);
        if (state.Count == 0)
        {
            bytes = default;
            return false;
        }
        ref var value = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), state.Start);
        bytes = MemoryMarshal.CreateReadOnlySpan(
            ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_arena), value.Offset), value.Length);
        return true;
    }

    /// <summary>The bytes of a string, buffer or address value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Bytes(in FieldValue value) =>
        MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_arena), value.Offset), value.Length);

    /// <summary>Whether the slot already holds this event's values.</summary>
    public bool IsFilled(int slot) => _slots[slot].Generation == _generation;

    /// <summary>Records that the field has no value in this event.</summary>
    public void StoreMissing(int slot) => Commit(slot, _valueCount, 0);

    /// <summary>Stores a single numeric or boolean value.</summary>
    public void StoreNumber(int slot, ulong number)
    {
        var start = _valueCount;
        Push(new FieldValue(number, 0, 0));
        Commit(slot, start, 1);
    }

    /// <summary>Stores a single string, buffer or address value (the bytes are copied).</summary>
    public void StoreBytes(int slot, ReadOnlySpan<byte> bytes)
    {
        var start = _valueCount;
        Push(CopyIn(bytes));
        Commit(slot, start, 1);
    }

    /// <summary>Starts storing a list of values into <paramref name="slot"/>.</summary>
    public void BeginList(int slot)
    {
        if (_openList >= 0) throw new InvalidOperationException("a list is already being stored");
        _openList = slot;
        _slots[slot].Start = _valueCount;
    }

    public void AppendNumber(ulong number) => Push(new FieldValue(number, 0, 0));

    public void AppendBytes(ReadOnlySpan<byte> bytes) => Push(CopyIn(bytes));

    /// <summary>Finishes the list started by <see cref="BeginList"/>. An empty list counts as missing.</summary>
    public void EndList()
    {
        var slot = _openList;
        _openList = -1;
        var start = _slots[slot].Start;
        Commit(slot, start, _valueCount - start);
    }

    /// <summary>Drops the list started by <see cref="BeginList"/> and records the value as missing.</summary>
    public void CancelList()
    {
        var slot = _openList;
        _openList = -1;
        _valueCount = _slots[slot].Start;
        Commit(slot, _valueCount, 0);
    }

    /// <summary>Gives back the unused tail of the latest <see cref="ReserveBytes"/>.</summary>
    internal void ShrinkReservation(int offset, int usedLength) => _arenaUsed = offset + usedLength;

    /// <summary>Room for <paramref name="length"/> bytes of a computed value; fill it, then append it.</summary>
    internal Span<byte> ReserveBytes(int length, out int offset)
    {
        EnsureArena(length);
        offset = _arenaUsed;
        _arenaUsed += length;
        return new Span<byte>(_arena, offset, length);
    }

    /// <summary>Appends a value whose bytes already sit in the arena (computed in place, or another slot's).</summary>
    internal void AppendValue(FieldValue value) => Push(value);

    /// <summary>Stores a single value whose bytes already sit in the arena.</summary>
    internal void StoreComputed(int slot, FieldValue value)
    {
        var start = _valueCount;
        Push(value);
        Commit(slot, start, 1);
    }

    /// <summary>A per-thread scratch buffer for decoding UTF-8 (regular expressions need chars).</summary>
    internal char[] CharScratch(int length)
    {
        if (_charScratch.Length < length) _charScratch = new char[Math.Max(length, _charScratch.Length * 2)];
        return _charScratch;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Fill(int slot)
    {
        _sources[slot].Fill(this, slot);
        if (_slots[slot].Generation != _generation) StoreMissing(slot); // a provider that stored nothing
    }

    private void Commit(int slot, int start, int count)
    {
        ref var state = ref _slots[slot];
        state.Generation = _generation;
        state.Start = start;
        state.Count = count;
    }

    private FieldValue CopyIn(ReadOnlySpan<byte> bytes)
    {
        EnsureArena(bytes.Length);
        bytes.CopyTo(new Span<byte>(_arena, _arenaUsed, bytes.Length));
        var value = new FieldValue(0, _arenaUsed, bytes.Length);
        _arenaUsed += bytes.Length;
        return value;
    }

    private void Push(in FieldValue value)
    {
        if (_valueCount == _values.Length) Array.Resize(ref _values, _values.Length * 2);
        _values[_valueCount++] = value;
    }

    private void EnsureArena(int extra)
    {
        var needed = _arenaUsed + extra;
        if (needed <= _arena.Length) return;
        // Spans handed out earlier keep pointing at the old array, whose bytes stay valid.
        var bigger = new byte[Math.Max(needed, _arena.Length * 2)];
        Buffer.BlockCopy(_arena, 0, bigger, 0, _arenaUsed);
        _arena = bigger;
    }

    private void SyncWithTable()
    {
        var count = _table.Count;
        Array.Resize(ref _slots, count);
        _sources = new SlotSource[count];
        for (var i = 0; i < count; i++) _sources[i] = _table.SourceAt(i);
    }
}
