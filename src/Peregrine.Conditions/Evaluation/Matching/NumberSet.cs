namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>A frozen set of 64-bit numbers: a short array scanned linearly, or a hash set.</summary>
internal sealed class NumberSet
{
    private readonly ulong[] _small;
    private readonly HashSet<ulong>? _large;

    public NumberSet(IEnumerable<ulong> items)
    {
        var distinct = items.Distinct().ToArray();
        if (distinct.Length <= 8)
        {
            _small = distinct;
        }
        else
        {
            _small = [];
            _large = new HashSet<ulong>(distinct);
        }
    }

    public bool Contains(ulong value)
    {
        if (_large is not null) return _large.Contains(value);
        foreach (var item in _small)
        {
            if (item == value) return true;
        }
        return false;
    }
}
