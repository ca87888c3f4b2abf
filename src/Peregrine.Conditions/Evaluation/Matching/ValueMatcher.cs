using System.Text.RegularExpressions;
using Peregrine.Conditions.Evaluation.Checks;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>
/// A test of one value against constants, used where a check applies the same test to several
/// values (list fields) or several tests to one value (modifiers such as <c>anyof</c>).
/// </summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(FieldCache fields, in FieldValue value);
}

/// <summary>Byte-string operators against one constant.</summary>
internal sealed class BytesMatcher(BytesOperation operation, byte[] constant, Regex? regex = null) : ValueMatcher
{
    private readonly byte[] _lower = AsciiCase.ToLower(constant);

    public override bool Matches(FieldCache fields, in FieldValue value)
    {
        var bytes = fields.Bytes(value);
        return operation switch
        {
            BytesOperation.Equal => bytes.SequenceEqual(constant),
            BytesOperation.NotEqual => !bytes.SequenceEqual(constant),
            BytesOperation.Less => bytes.SequenceCompareTo(constant) < 0,
            BytesOperation.LessOrEqual => bytes.SequenceCompareTo(constant) <= 0,
            BytesOperation.Greater => bytes.SequenceCompareTo(constant) > 0,
            BytesOperation.GreaterOrEqual => bytes.SequenceCompareTo(constant) >= 0,
            BytesOperation.Contains => bytes.IndexOf(constant) >= 0,
            BytesOperation.IContains => AsciiCase.Contains(bytes, _lower),
            BytesOperation.StartsWith => bytes.StartsWith(constant),
            BytesOperation.EndsWith => bytes.EndsWith(constant),
            BytesOperation.Glob => Glob.IsMatch(constant, bytes, ignoreCase: false),
            BytesOperation.IGlob => Glob.IsMatch(constant, bytes, ignoreCase: true),
            BytesOperation.Regex => RegexText.IsMatch(regex!, fields, bytes),
            _ => false,
        };
    }
}

/// <summary>The operators a byte-string value supports against a constant.</summary>
internal enum BytesOperation
{
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    Contains, IContains, StartsWith, EndsWith, Glob, IGlob, Regex,
}

/// <summary>An unsigned numeric (or boolean) value against one constant.</summary>
internal sealed class UnsignedMatcher<TOrdering>(ulong constant) : ValueMatcher where TOrdering : struct, IOrdering
{
    public override bool Matches(FieldCache fields, in FieldValue value) => TOrdering.Holds(value.Number, constant);
}

/// <summary>A signed numeric value against one constant.</summary>
internal sealed class SignedMatcher<TOrdering>(long constant) : ValueMatcher where TOrdering : struct, IOrdering
{
    public override bool Matches(FieldCache fields, in FieldValue value) => TOrdering.Holds((long)value.Number, constant);
}

/// <summary>Membership of a byte-string value (string, buffer, IP address) in a set.</summary>
internal sealed class ByteSetMatcher(ByteStringSet set) : ValueMatcher
{
    public override bool Matches(FieldCache fields, in FieldValue value) => set.Contains(fields.Bytes(value));
}

/// <summary>Membership of a number in a set.</summary>
internal sealed class NumberSetMatcher(NumberSet set) : ValueMatcher
{
    public override bool Matches(FieldCache fields, in FieldValue value) => set.Contains(value.Number);
}

/// <summary>
/// An address inside any of the networks (<c>=</c> and <c>in</c> on <c>ipnet</c> fields), or
/// inside none of them when negated (<c>!=</c>). A network of the other family never contains it.
/// </summary>
internal sealed class NetworkMatcher(IpNetwork[] networks, bool negate = false) : ValueMatcher
{
    public override bool Matches(FieldCache fields, in FieldValue value)
    {
        var address = fields.Bytes(value);
        foreach (var network in networks)
        {
            if (network.Contains(address)) return !negate;
        }
        return negate;
    }
}

/// <summary>A constant answer, for comparisons upstream can never satisfy (or never fail).</summary>
internal sealed class ConstantMatcher(bool result) : ValueMatcher
{
    public override bool Matches(FieldCache fields, in FieldValue value) => result;
}
