using Peregrine.Conditions.Evaluation.Checks;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// The compiler's hints about constant values (Falco reports them as LOAD_COMPILE_CONDITION
/// warnings): a regex that simpler operators could express, a field name or a transformer call
/// written as a plain string (usually a forgotten <c>val()</c>).
/// </summary>
internal static class ConstantHints
{
    private const string RegexSpecials = ".+*?^$()[]{}|\\";

    public static void Check(IFieldCatalog catalog, CheckOperator op, string value, SourcePosition position, List<ConditionError> warnings)
    {
        var compact = new string(value.Where(c => c is not (' ' or '\t' or '\n' or '\v' or '\f' or '\r')).ToArray());
        if (op == CheckOperator.Regex && !NeedsRegex(value))
        {
            warnings.Add(new ConditionError(
                $"regex check with '{value}' may be optimized with simpler operators such as '=', 'contains', 'startswith', 'endswith'",
                position));
        }
        if (FieldResolver.IsField(catalog, compact))
            warnings.Add(new ConditionError($"'{value}' may be a valid field misused as a const string value", position));
        foreach (var name in Operators.TransformersWithVal)
        {
            if (compact.Length >= name.Length + 2 && compact.StartsWith(name, StringComparison.Ordinal)
                && compact[name.Length] == '(' && compact[^1] == ')')
            {
                warnings.Add(new ConditionError($"'{value}' may be a valid field transformer misused as a const string value", position));
            }
        }
    }

    /// <summary>
    /// False when the pattern has no special character once the implicit anchors and a leading
    /// or trailing ".*"-like wildcard are set aside: then '=', contains & co would do.
    /// </summary>
    private static bool NeedsRegex(string v)
    {
        var len = v.Length;
        for (var i = 0; i < len; i++)
        {
            if ((i == 0 && v[i] == '^') || (i == len - 1 && v[i] == '$')) continue;
            if (((i == 0 && len > 1) || i == len - 2) && v[i] == '.' && i + 1 < len && v[i + 1] is '+' or '*' or '?')
            {
                i++;
                continue;
            }
            if (RegexSpecials.Contains(v[i])) return true;
        }
        return false;
    }
}
