using Peregrine.Conditions.Evaluation.Matching;

namespace Peregrine.Conditions.Evaluation.Checks;

// Checks of a single-valued string, buffer or address field against a constant. Values never
// hold a NUL (they are cut at it when stored), so span operations equal the C string functions
// Falco uses (strcmp, strstr, strncmp).

/// <summary><c>=</c> / <c>==</c> against a constant.</summary>
internal sealed class BytesEqualCheck(int slot, byte[] constant) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && value.SequenceEqual(constant);
    }
}

/// <summary><c>!=</c> against a constant: false when the field is missing.</summary>
internal sealed class BytesNotEqualCheck(int slot, byte[] constant) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && !value.SequenceEqual(constant);
    }
}

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> on strings: byte-wise, like strcmp.</summary>
internal sealed class BytesOrderCheck<TOrdering>(int slot, byte[] constant) : ConditionNode
    where TOrdering : struct, IOrdering
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && TOrdering.HoldsFor(value.SequenceCompareTo(constant));
    }
}

/// <summary><c>contains</c> and <c>bcontains</c>.</summary>
internal sealed class BytesContainsCheck(int slot, byte[] constant) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && value.IndexOf(constant) >= 0;
    }
}

/// <summary><c>icontains</c>: ASCII case-insensitive substring.</summary>
internal sealed class BytesIContainsCheck(int slot, byte[] constant) : ConditionNode
{
    private readonly byte[] _lower = AsciiCase.ToLower(constant);

    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && AsciiCase.Contains(value, _lower);
    }
}

/// <summary><c>startswith</c> and <c>bstartswith</c>.</summary>
internal sealed class BytesStartsWithCheck(int slot, byte[] constant) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && value.StartsWith(constant);
    }
}

/// <summary><c>endswith</c>.</summary>
internal sealed class BytesEndsWithCheck(int slot, byte[] constant) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && value.EndsWith(constant);
    }
}

/// <summary><c>in</c> / <c>intersects</c> of a single value against a set of constants.</summary>
internal sealed class BytesInSetCheck(int slot, ByteStringSet set) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && set.Contains(value);
    }
}
