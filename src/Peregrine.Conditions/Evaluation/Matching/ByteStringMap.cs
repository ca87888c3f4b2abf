using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>
/// A frozen map from byte strings to values, looked up by span without allocating. Small maps
/// scan linearly (faster than hashing for a handful of keys); larger ones use open addressing.
/// </summary>
internal sealed class ByteStringMap<TValue>
{
    private const int LinearLimit = 8;

    private readonly byte[][] _keys;
    private readonly TValue[] _values;
    private readonly int[] _buckets; // index + 1 into _keys; 0 = empty
    private readonly int _mask;
    private readonly int _minLength;
    private readonly int _maxLength;

    public ByteStringMap(IEnumerable<KeyValuePair<byte[], TValue>> entries)
    {
        var keys = new List<byte[]>();
        var values = new List<TValue>();
        foreach (var (key, value) in entries)
        {
            if (IndexOfLinear(keys, key) >= 0) continue; // first wins
            keys.Add(key);
            values.Add(value);
        }
        _keys = keys.ToArray();
        _values = values.ToArray();
        _minLength = _keys.Length == 0 ? 0 : _keys.Min(k => k.Length);
        _maxLength = _keys.Length == 0 ? -1 : _keys.Max(k => k.Length);
        if (_keys.Length <= LinearLimit)
        {
            _buckets = [];
            return;
        }
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)(_keys.Length * 2));
        _buckets = new int[size];
        _mask = size - 1;
        for (var i = 0; i < _keys.Length; i++)
        {
            var b = (int)Hash(_keys[i]) & _mask;
            while (_buckets[b] != 0) b = (b + 1) & _mask;
            _buckets[b] = i + 1;
        }
    }

    public int Count => _keys.Length;

    public IReadOnlyList<byte[]> Keys => _keys;

    public bool TryGetValue(ReadOnlySpan<byte> key, out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = default!;
            return false;
        }
        value = _values[index];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ContainsKey(ReadOnlySpan<byte> key) => IndexOf(key) >= 0;

    private int IndexOf(ReadOnlySpan<byte> key)
    {
        if (key.Length < _minLength || key.Length > _maxLength) return -1;
        if (_buckets.Length == 0)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                if (key.SequenceEqual(_keys[i])) return i;
            }
            return -1;
        }
        var b = (int)Hash(key) & _mask;
        while (true)
        {
            var entry = _buckets[b];
            if (entry == 0) return -1;
            if (key.SequenceEqual(_keys[entry - 1])) return entry - 1;
            b = (b + 1) & _mask;
        }
    }

    private static int IndexOfLinear(List<byte[]> keys, byte[] key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (key.AsSpan().SequenceEqual(keys[i])) return i;
        }
        return -1;
    }

    /// <summary>A fast 64-bit mix of the bytes; quality only matters for spreading buckets.</summary>
    private static ulong Hash(ReadOnlySpan<byte> s)
    {
        const ulong k = 0x9E3779B97F4A7C15;
        var h = (ulong)s.Length * k;
        var i = 0;
        for (; i + 8 <= s.Length; i += 8)
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(s[i..])) * k, 29);
        ulong tail = 0;
        for (var shift = 0; i < s.Length; i++, shift += 8) tail |= (ulong)s[i] << shift;
        h = (h ^ tail) * k;
        return h ^ (h >> 32);
    }
}

/// <summary>A frozen set of byte strings (string constants of <c>in</c>, IP addresses...).</summary>
internal sealed class ByteStringSet(IEnumerable<byte[]> items)
{
    private readonly ByteStringMap<bool> _map = new(items.Select(i => new KeyValuePair<byte[], bool>(i, true)));

    public int Count => _map.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ReadOnlySpan<byte> item) => _map.ContainsKey(item);
}
