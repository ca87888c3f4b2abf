using Peregrine.Conditions.Evaluation.Matching;
using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary>
/// A comparison whose right-hand side is another field (<c>val(f)</c> or a transformer). Both
/// sides have the same type and list-ness (checked at bind time). A missing right-hand side makes
/// the check false. Scalar operators compare with the first right-hand value; <c>in</c> and
/// <c>intersects</c> use all of them as the set.
/// </summary>
internal sealed class FieldComparisonCheck(int leftSlot, int rightSlot, CheckOperator op, FieldType type, bool leftIsList)
    : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        var left = fields.Get(leftSlot);
        if (left.Length == 0) return false;
        var right = fields.Get(rightSlot);
        if (right.Length == 0) return false;

        if (op is CheckOperator.In or CheckOperator.Intersects)
        {
            if (!leftIsList) return InSet(fields, left[0], right);
            foreach (ref readonly var value in left)
            {
                var found = InSet(fields, value, right);
                if (op == CheckOperator.Intersects && found) return true;
                if (op == CheckOperator.In && !found) return false;
            }
            return op == CheckOperator.In;
        }
        return Compare(fields, left[0], right[0]);
    }

    private bool InSet(FieldCache fields, in FieldValue value, ReadOnlySpan<FieldValue> set)
    {
        foreach (ref readonly var member in set)
        {
            if (SameValue(fields, value, member)) return true;
        }
        return false;
    }

    private bool SameValue(FieldCache fields, in FieldValue a, in FieldValue b) =>
        type.IsBytes() ? fields.Bytes(a).SequenceEqual(fields.Bytes(b)) : a.Number == b.Number;

    private bool Compare(FieldCache fields, in FieldValue a, in FieldValue b)
    {
        if (!type.IsBytes())
        {
            var signed = type == FieldType.Int64;
            var order = signed ? ((long)a.Number).CompareTo((long)b.Number) : a.Number.CompareTo(b.Number);
            return Holds(order);
        }
        var left = fields.Bytes(a);
        var right = fields.Bytes(b);
        return op switch
        {
            CheckOperator.Contains or CheckOperator.BContains => left.IndexOf(right) >= 0,
            CheckOperator.IContains => AsciiCase.Contains(left, right),
            CheckOperator.StartsWith or CheckOperator.BStartsWith => left.StartsWith(right),
            CheckOperator.EndsWith => left.EndsWith(right),
            CheckOperator.Glob => Glob.IsMatch(right, left, ignoreCase: false),
            CheckOperator.IGlob => Glob.IsMatch(right, left, ignoreCase: true),
            _ => Holds(left.SequenceCompareTo(right)),
        };
    }

    private bool Holds(int order) => op switch
    {
        CheckOperator.Equal => order == 0,
        CheckOperator.NotEqual => order != 0,
        CheckOperator.Less => order < 0,
        CheckOperator.LessOrEqual => order <= 0,
        CheckOperator.Greater => order > 0,
        CheckOperator.GreaterOrEqual => order >= 0,
        _ => false,
    };
}
