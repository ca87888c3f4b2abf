using System.Text;

namespace Peregrine.Engine.Listing;

/// <summary>
/// A set of strings that enumerates in the order libstdc++'s <c>std::unordered_set&lt;std::string&gt;</c>
/// does after the same inserts (64-bit). Falco fills several <c>-L</c> JSON arrays (fields, operators,
/// macros, used plugins, ...) straight from such sets, so their order is part of its output. The
/// order follows from three facts of libstdc++: the string hash (<c>_Hash_bytes</c>, a MurmurHash2
/// variant with seed 0xc70f6907), the bucket counts it grows through, and where a node goes on
/// insert (first in its bucket; a node for an empty bucket goes to the front of the whole list).
/// </summary>
public sealed class CxxUnorderedSet : IEnumerable<string>
{
    private const ulong Seed = 0xc70f6907UL;
    private const ulong Multiplier = (0xc6a4a793UL << 32) + 0x5bd1e995UL;

    // Bucket counts a set grows through when filled one insert at a time (1, then 13 at the first
    // insert, then the first listed prime at least twice the current count). Read off libstdc++.
    private static readonly ulong[] BucketCounts =
    [
        13, 29, 59, 127, 257, 541, 1109, 2357, 5087, 10273, 20753, 42043, 85229, 172933, 351061,
        712697, 1447153, 2938679, 5967347,
    ];

    private readonly HashSet<string> _members = new(StringComparer.Ordinal);
    private readonly Node _beforeBegin = new("", 0);
    private Node?[] _buckets = new Node?[1];
    private int _growth = -1;

    public CxxUnorderedSet()
    {
    }

    public CxxUnorderedSet(IEnumerable<string> items)
    {
        foreach (var item in items) Add(item);
    }

    public int Count => _members.Count;

    public bool Contains(string item) => _members.Contains(item);

    /// <summary>Inserts <paramref name="item"/> unless present; returns whether it was added.</summary>
    public bool Add(string item)
    {
        if (!_members.Add(item)) return false;
        var node = new Node(item, Hash(Encoding.UTF8.GetBytes(item)));
        // The load factor is 1: the set grows when it would hold more elements than buckets.
        if (_members.Count > (_growth < 0 ? 0 : (int)BucketCounts[_growth])) Rehash();
        InsertAtBucketBegin(node);
        return true;
    }

    public IEnumerator<string> GetEnumerator()
    {
        for (var node = _beforeBegin.Next; node is not null; node = node.Next) yield return node.Value;
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>libstdc++'s <c>std::hash&lt;std::string&gt;</c> on a 64-bit little-endian target.</summary>
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var length = (ulong)bytes.Length;
        var hash = Seed ^ unchecked(length * Multiplier);
        var aligned = bytes.Length & ~7;
        for (var i = 0; i < aligned; i += 8)
        {
            var data = unchecked(ShiftMix(BitConverter.ToUInt64(bytes.Slice(i, 8)) * Multiplier) * Multiplier);
            hash ^= data;
            hash = unchecked(hash * Multiplier);
        }
        if ((bytes.Length & 7) != 0)
        {
            ulong tail = 0;
            for (var i = bytes.Length - 1; i >= aligned; i--) tail = (tail << 8) + bytes[i];
            hash ^= tail;
            hash = unchecked(hash * Multiplier);
        }
        hash = unchecked(ShiftMix(hash) * Multiplier);
        return ShiftMix(hash);
    }

    private static ulong ShiftMix(ulong v) => v ^ (v >> 47);

    private ulong BucketCount => (ulong)_buckets.Length;

    private int BucketOf(Node node) => (int)(node.Hash % BucketCount);

    private void InsertAtBucketBegin(Node node)
    {
        var bucket = BucketOf(node);
        if (_buckets[bucket] is { } before)
        {
            node.Next = before.Next;
            before.Next = node;
            return;
        }
        node.Next = _beforeBegin.Next;
        _beforeBegin.Next = node;
        // The bucket of the former first node now starts after the new one.
        if (node.Next is not null) _buckets[BucketOf(node.Next)] = node;
        _buckets[bucket] = _beforeBegin;
    }

    /// <summary>libstdc++'s rehash for unique keys: the list is walked once and re-threaded bucket by bucket.</summary>
    private void Rehash()
    {
        _growth++;
        if (_growth >= BucketCounts.Length) throw new InvalidOperationException("set too large to reproduce libstdc++ ordering");
        var buckets = new Node?[BucketCounts[_growth]];
        var node = _beforeBegin.Next;
        _beforeBegin.Next = null;
        var beginBucket = 0;
        while (node is not null)
        {
            var next = node.Next;
            var bucket = (int)(node.Hash % (ulong)buckets.Length);
            if (buckets[bucket] is null)
            {
                node.Next = _beforeBegin.Next;
                _beforeBegin.Next = node;
                buckets[bucket] = _beforeBegin;
                if (node.Next is not null) buckets[beginBucket] = node;
                beginBucket = bucket;
            }
            else
            {
                node.Next = buckets[bucket]!.Next;
                buckets[bucket]!.Next = node;
            }
            node = next;
        }
        _buckets = buckets;
    }

    private sealed class Node(string value, ulong hash)
    {
        public string Value { get; } = value;
        public ulong Hash { get; } = hash;
        public Node? Next { get; set; }
    }
}
