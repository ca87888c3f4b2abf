using System.Text.RegularExpressions;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Evaluation.Checks;
using Peregrine.Conditions.Evaluation.Matching;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// Comparisons against constants: parse each constant once to the field's type, then pick the
/// node specialised for the operator, the type and the shape of the constants.
/// </summary>
public sealed partial class ConditionBinder
{
    private ConditionNode BindConstantComparison(BoundOperand left, CheckOperator op, ModifierKind? modifier, IReadOnlyList<string> texts)
    {
        var slot = left.Slot;
        var type = left.Type;

        if (left.IsList)
        {
            var matcher = SetMatcher(type, texts, op);
            return op == CheckOperator.In ? new ListAllCheck(slot, matcher) : new ListAnyCheck(slot, matcher);
        }

        if (modifier is { } kind) return BindModifier(left, op, kind, texts);

        switch (type)
        {
            case FieldType.IpNet:
            {
                var networks = texts.Select(ConstantParser.ParseIpNetwork).ToArray();
                return op switch
                {
                    CheckOperator.NotEqual => new SingleValueCheck(slot, new NetworkMatcher(networks[..1], negate: true)),
                    CheckOperator.Equal => new SingleValueCheck(slot, new NetworkMatcher(networks[..1])),
                    _ => new SingleValueCheck(slot, new NetworkMatcher(networks)),
                };
            }
            case FieldType.UInt64 or FieldType.RelTime or FieldType.AbsTime or FieldType.Bool:
            {
                var numbers = texts.Select(t => ParseNumber(type, t)).ToArray();
                return op switch
                {
                    CheckOperator.Equal => new UnsignedCheck<EqualTo>(slot, numbers[0]),
                    CheckOperator.NotEqual => new UnsignedCheck<NotEqualTo>(slot, numbers[0]),
                    CheckOperator.Less => new UnsignedCheck<LessThan>(slot, numbers[0]),
                    CheckOperator.LessOrEqual => new UnsignedCheck<LessOrEqual>(slot, numbers[0]),
                    CheckOperator.Greater => new UnsignedCheck<GreaterThan>(slot, numbers[0]),
                    CheckOperator.GreaterOrEqual => new UnsignedCheck<GreaterOrEqual>(slot, numbers[0]),
                    _ => new NumberInSetCheck(slot, new NumberSet(numbers)),
                };
            }
            case FieldType.Int64:
            {
                var numbers = texts.Select(ConstantParser.ParseInt64).ToArray();
                return op switch
                {
                    CheckOperator.Equal => new SignedCheck<EqualTo>(slot, numbers[0]),
                    CheckOperator.NotEqual => new SignedCheck<NotEqualTo>(slot, numbers[0]),
                    CheckOperator.Less => new SignedCheck<LessThan>(slot, numbers[0]),
                    CheckOperator.LessOrEqual => new SignedCheck<LessOrEqual>(slot, numbers[0]),
                    CheckOperator.Greater => new SignedCheck<GreaterThan>(slot, numbers[0]),
                    CheckOperator.GreaterOrEqual => new SignedCheck<GreaterOrEqual>(slot, numbers[0]),
                    _ => new NumberInSetCheck(slot, new NumberSet(numbers.Select(n => (ulong)n))),
                };
            }
            default:
                return BindBytesComparison(slot, type, op, texts);
        }
    }

    /// <summary>Strings, buffers and IP addresses: all compared as byte strings.</summary>
    private static ConditionNode BindBytesComparison(int slot, FieldType type, CheckOperator op, IReadOnlyList<string> texts)
    {
        if (op == CheckOperator.PMatch)
            return new PathMatchCheck(slot, new PathPrefixSet(texts.Select(ConstantParser.ParseString)));
        if (op == CheckOperator.Regex) return new RegexCheck(slot, CompileRegex(texts[0]));
        if (op is CheckOperator.In or CheckOperator.Intersects)
            return new BytesInSetCheck(slot, new ByteStringSet(texts.Select(t => ParseBytes(type, op, t))));

        var constant = ParseBytes(type, op, texts[0]);
        return op switch
        {
            CheckOperator.Equal => new BytesEqualCheck(slot, constant),
            CheckOperator.NotEqual => new BytesNotEqualCheck(slot, constant),
            CheckOperator.Less => new BytesOrderCheck<LessThan>(slot, constant),
            CheckOperator.LessOrEqual => new BytesOrderCheck<LessOrEqual>(slot, constant),
            CheckOperator.Greater => new BytesOrderCheck<GreaterThan>(slot, constant),
            CheckOperator.GreaterOrEqual => new BytesOrderCheck<GreaterOrEqual>(slot, constant),
            CheckOperator.Contains or CheckOperator.BContains => new BytesContainsCheck(slot, constant),
            CheckOperator.IContains => new BytesIContainsCheck(slot, constant),
            CheckOperator.StartsWith or CheckOperator.BStartsWith => new BytesStartsWithCheck(slot, constant),
            CheckOperator.EndsWith => new BytesEndsWithCheck(slot, constant),
            CheckOperator.Glob => new GlobCheck(slot, new GlobPattern(constant, ignoreCase: false)),
            CheckOperator.IGlob => new GlobCheck(slot, new GlobPattern(constant, ignoreCase: true)),
            _ => throw new BindingException($"filter error: '{CheckOperators.Name(op)}' operator not supported"),
        };
    }

    /// <summary>
    /// <c>op oneof|anyof|allof (...)</c>: one matcher per constant. For <c>ipnet</c> fields
    /// upstream tests <c>= anyof</c> and <c>!= allof</c> by comparing raw bytes of an address with
    /// those of a network, which never match; that outcome is kept.
    /// </summary>
    private ConditionNode BindModifier(BoundOperand left, CheckOperator op, ModifierKind kind, IReadOnlyList<string> texts)
    {
        var type = left.Type;
        ValueMatcher[] elements;
        if (type == FieldType.IpNet)
        {
            var networks = texts.Select(ConstantParser.ParseIpNetwork).ToArray();
            if ((kind, op) is (ModifierKind.AnyOf, CheckOperator.Equal) or (ModifierKind.AllOf, CheckOperator.NotEqual))
                elements = networks.Select(_ => (ValueMatcher)new ConstantMatcher(op == CheckOperator.NotEqual)).ToArray();
            else
                elements = networks.Select(n => (ValueMatcher)new NetworkMatcher([n], negate: op == CheckOperator.NotEqual)).ToArray();
        }
        else if (type.IsBytes())
        {
            elements = texts.Select(t => (ValueMatcher)new BytesMatcher(
                BytesOperationOf(op), ParseBytes(type, op, t), op == CheckOperator.Regex ? CompileRegex(t) : null)).ToArray();
        }
        else if (type == FieldType.Int64)
        {
            elements = texts.Select(t => SignedMatcherFor(op, ConstantParser.ParseInt64(t))).ToArray();
        }
        else
        {
            elements = texts.Select(t => UnsignedMatcherFor(op, ParseNumber(type, t))).ToArray();
        }
        return new ModifierCheck(left.Slot, kind, elements);
    }

    /// <summary>The set for <c>in</c>/<c>intersects</c> on list fields.</summary>
    private static ValueMatcher SetMatcher(FieldType type, IReadOnlyList<string> texts, CheckOperator op) => type switch
    {
        FieldType.IpNet => new NetworkMatcher(texts.Select(ConstantParser.ParseIpNetwork).ToArray()),
        _ when type.IsBytes() => new ByteSetMatcher(new ByteStringSet(texts.Select(t => ParseBytes(type, op, t)))),
        FieldType.Int64 => new NumberSetMatcher(new NumberSet(texts.Select(t => (ulong)ConstantParser.ParseInt64(t)))),
        _ => new NumberSetMatcher(new NumberSet(texts.Select(t => ParseNumber(type, t)))),
    };

    private static ulong ParseNumber(FieldType type, string text) =>
        type == FieldType.Bool ? ConstantParser.ParseBool(text) : ConstantParser.ParseUInt64(text);

    private static byte[] ParseBytes(FieldType type, CheckOperator op, string text)
    {
        if (op is CheckOperator.BContains or CheckOperator.BStartsWith) return ConstantParser.ParseHex(text);
        return type switch
        {
            FieldType.IpAddr => ConstantParser.ParseIpAddress(text),
            FieldType.ByteBuf => System.Text.Encoding.UTF8.GetBytes(text),
            _ => ConstantParser.ParseString(text),
        };
    }

    private static Regex CompileRegex(string pattern) =>
        Re2PosixPattern.Compile(pattern, out var error) ?? throw new BindingException("invalid regex pattern: " + error);

    private static BytesOperation BytesOperationOf(CheckOperator op) => op switch
    {
        CheckOperator.Equal => BytesOperation.Equal,
        CheckOperator.NotEqual => BytesOperation.NotEqual,
        CheckOperator.Less => BytesOperation.Less,
        CheckOperator.LessOrEqual => BytesOperation.LessOrEqual,
        CheckOperator.Greater => BytesOperation.Greater,
        CheckOperator.GreaterOrEqual => BytesOperation.GreaterOrEqual,
        CheckOperator.Contains or CheckOperator.BContains => BytesOperation.Contains,
        CheckOperator.IContains => BytesOperation.IContains,
        CheckOperator.StartsWith or CheckOperator.BStartsWith => BytesOperation.StartsWith,
        CheckOperator.EndsWith => BytesOperation.EndsWith,
        CheckOperator.Glob => BytesOperation.Glob,
        CheckOperator.IGlob => BytesOperation.IGlob,
        CheckOperator.Regex => BytesOperation.Regex,
        _ => throw new BindingException($"filter error: '{CheckOperators.Name(op)}' operator not supported with modifiers"),
    };

    private static ValueMatcher UnsignedMatcherFor(CheckOperator op, ulong constant) => op switch
    {
        CheckOperator.Equal => new UnsignedMatcher<EqualTo>(constant),
        CheckOperator.NotEqual => new UnsignedMatcher<NotEqualTo>(constant),
        CheckOperator.Less => new UnsignedMatcher<LessThan>(constant),
        CheckOperator.LessOrEqual => new UnsignedMatcher<LessOrEqual>(constant),
        CheckOperator.Greater => new UnsignedMatcher<GreaterThan>(constant),
        _ => new UnsignedMatcher<GreaterOrEqual>(constant),
    };

    private static ValueMatcher SignedMatcherFor(CheckOperator op, long constant) => op switch
    {
        CheckOperator.Equal => new SignedMatcher<EqualTo>(constant),
        CheckOperator.NotEqual => new SignedMatcher<NotEqualTo>(constant),
        CheckOperator.Less => new SignedMatcher<LessThan>(constant),
        CheckOperator.LessOrEqual => new SignedMatcher<LessOrEqual>(constant),
        CheckOperator.Greater => new SignedMatcher<GreaterThan>(constant),
        _ => new SignedMatcher<GreaterOrEqual>(constant),
    };
}
