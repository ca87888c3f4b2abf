using Peregrine.Conditions.Evaluation.Checks;
using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// Operator names, modifiers and which operators each value type supports, with libsinsp's
/// error messages for unsupported combinations.
/// </summary>
internal static class CheckOperators
{
    public static (CheckOperator Operator, ModifierKind? Modifier) Parse(string text)
    {
        var space = text.IndexOf(' ');
        var op = ParseOperator(space < 0 ? text : text[..space]);
        if (space < 0) return (op, null);
        var modifier = text[(space + 1)..] switch
        {
            "oneof" => ModifierKind.OneOf,
            "anyof" => ModifierKind.AnyOf,
            "allof" => ModifierKind.AllOf,
            var other => throw new BindingException("unrecognized filter comparison modifier '" + other + "'"),
        };
        return (op, modifier);
    }

    private static CheckOperator ParseOperator(string text) => text switch
    {
        "=" or "==" => CheckOperator.Equal,
        "!=" => CheckOperator.NotEqual,
        "<" => CheckOperator.Less,
        "<=" => CheckOperator.LessOrEqual,
        ">" => CheckOperator.Greater,
        ">=" => CheckOperator.GreaterOrEqual,
        "contains" => CheckOperator.Contains,
        "icontains" => CheckOperator.IContains,
        "bcontains" => CheckOperator.BContains,
        "startswith" => CheckOperator.StartsWith,
        "bstartswith" => CheckOperator.BStartsWith,
        "endswith" => CheckOperator.EndsWith,
        "in" => CheckOperator.In,
        "intersects" => CheckOperator.Intersects,
        "pmatch" => CheckOperator.PMatch,
        "exists" => CheckOperator.Exists,
        "glob" => CheckOperator.Glob,
        "iglob" => CheckOperator.IGlob,
        "regex" => CheckOperator.Regex,
        _ => throw new BindingException("unrecognized filter comparison operator '" + text + "'"),
    };

    /// <summary>How the operator is spelled in messages (<c>==</c> prints as <c>=</c>).</summary>
    public static string Name(CheckOperator op) => op switch
    {
        CheckOperator.Equal => "=",
        CheckOperator.NotEqual => "!=",
        CheckOperator.Less => "<",
        CheckOperator.LessOrEqual => "<=",
        CheckOperator.Greater => ">",
        CheckOperator.GreaterOrEqual => ">=",
        _ => op.ToString().ToLowerInvariant(),
    };

    /// <summary>The upper-case name libsinsp uses in a few messages (<c>PMATCH</c>, <c>REGEX</c>).</summary>
    public static string UpperName(CheckOperator op) => op.ToString().ToUpperInvariant();

    public static bool IsList(CheckOperator op) => op is CheckOperator.In or CheckOperator.Intersects or CheckOperator.PMatch;

    /// <summary>
    /// Throws Falco's "operator not supported" error unless <paramref name="op"/> applies to a
    /// value of <paramref name="type"/> (a list when <paramref name="isList"/>).
    /// </summary>
    public static void EnsureComparable(CheckOperator op, bool hasModifier, FieldType type, bool isList)
    {
        if (op == CheckOperator.Exists) return;
        var name = Name(op);
        if (isList)
        {
            if (op is CheckOperator.In or CheckOperator.Intersects) return;
            throw new BindingException($"filter error: '{name}' operator not supported list filters");
        }
        switch (type)
        {
            case FieldType.UInt64 or FieldType.RelTime or FieldType.AbsTime or FieldType.Int64:
                if (op is CheckOperator.Equal or CheckOperator.NotEqual or CheckOperator.Less or CheckOperator.LessOrEqual
                    or CheckOperator.Greater or CheckOperator.GreaterOrEqual or CheckOperator.In or CheckOperator.Intersects) return;
                throw new BindingException($"filter error: '{name}' operator not supported for numeric filters");
            case FieldType.Bool:
                if (op is CheckOperator.Equal or CheckOperator.NotEqual or CheckOperator.In or CheckOperator.Intersects) return;
                throw new BindingException($"filter error: '{name}' operator not supported for numeric filters");
            case FieldType.IpAddr or FieldType.IpNet:
                if (op is CheckOperator.Equal or CheckOperator.NotEqual or CheckOperator.In or CheckOperator.Intersects) return;
                if (hasModifier)
                    throw new BindingException($"filter error: '{name}' with modifier not supported for ip address and network filters");
                throw new BindingException($"filter error: '{name}' operator not supported for ip address and network filters");
            case FieldType.String:
                if (op is not (CheckOperator.BContains or CheckOperator.BStartsWith)) return;
                throw new BindingException($"filter error: '{name}' operator not supported for string filters");
            case FieldType.ByteBuf:
                if (op is CheckOperator.Equal or CheckOperator.NotEqual or CheckOperator.Contains or CheckOperator.In
                    or CheckOperator.StartsWith or CheckOperator.EndsWith or CheckOperator.Intersects
                    or CheckOperator.BContains or CheckOperator.BStartsWith) return;
                throw new BindingException($"filter error: '{name}' operator not supported for buffer filters");
            default:
                throw new BindingException($"filter error: '{name}' operator not supported for type '{type.FalcoName()}'");
        }
    }
}
