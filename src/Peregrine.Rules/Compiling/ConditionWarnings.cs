using Peregrine.Conditions.Syntax;
using Peregrine.Rules.Loading;

namespace Peregrine.Rules.Compiling;

/// <summary>
/// Falco's filter_warning_resolver: an equality-like check of a <c>ka.*</c>/<c>jevt.*</c>
/// field against the literal <c>&lt;NA&gt;</c>, and uses of deprecated fields (<c>evt.dir</c>...).
/// </summary>
public sealed class ConditionWarnings : ExprWalker
{
    private const string NotAvailable = "<NA>";
    private readonly SortedSet<string> _deprecated = new(StringComparer.Ordinal);
    private bool _unsafeNaCheck;
    private bool _lastFieldIsUnsafe;
    private bool _inEqualityCheck;

    /// <summary>Adds the warnings for <paramref name="condition"/> to <paramref name="result"/>.</summary>
    public static void Report(Expr condition, LoadContext context, LoadResult result)
    {
        var walker = new ConditionWarnings();
        walker.Walk(condition);
        // Falco emits the codes in enum order: the <NA> check comes before deprecated fields.
        if (walker._unsafeNaCheck) result.AddWarning(LoadWarningCode.UnsafeNaCheck, "", context);
        foreach (var field in DeprecatedFields.All.Select(f => f.Name).Where(walker._deprecated.Contains))
            result.AddDeprecatedFieldWarning(field, DeprecatedFields.ExplanationOf(field)!, context);
    }

    public override bool VisitBinaryCheck(BinaryCheckExpr e)
    {
        _lastFieldIsUnsafe = false;
        e.Left.Accept(this);
        if (_lastFieldIsUnsafe && e.Operator is "==" or "=" or "!=" or "in" or "intersects" or "pmatch")
        {
            _inEqualityCheck = true;
            e.Right.Accept(this);
            _inEqualityCheck = false;
        }
        return true;
    }

    public override bool VisitField(FieldExpr e)
    {
        _lastFieldIsUnsafe = e.Name.StartsWith("ka.", StringComparison.Ordinal) || e.Name.StartsWith("jevt.", StringComparison.Ordinal);
        if (DeprecatedFields.ExplanationOf(e.Name) is not null) _deprecated.Add(e.Name);
        return true;
    }

    public override bool VisitValue(ValueExpr e)
    {
        if (_inEqualityCheck && e.Value == NotAvailable) _unsafeNaCheck = true;
        return true;
    }

    public override bool VisitList(ListExpr e)
    {
        if (_inEqualityCheck && e.Values.Contains(NotAvailable)) _unsafeNaCheck = true;
        return true;
    }
}
