using Peregrine.Conditions.Syntax;

namespace Peregrine.Engine.Listing;

/// <summary>
/// What a condition tree uses, collected as Falco's <c>filter_details_resolver</c> does for
/// <c>-L</c>: fields (with their argument, unescaped), operators, transformers, references to
/// known macros and lists, and the event names compared with <c>evt.type</c> or
/// <c>evt.asynctype</c>. Each set keeps Falco's iteration order. A list is only recognised as an
/// item of a parenthesised list, and a macro only as a bare identifier, exactly as upstream.
/// </summary>
internal sealed class FilterDetails : ExprWalker
{
    private readonly IReadOnlySet<string> _knownMacros;
    private readonly IReadOnlySet<string> _knownLists;
    private bool _expectList;
    private bool _expectEventName;
    private string _lastField = "";

    public FilterDetails(IReadOnlySet<string> knownMacros, IReadOnlySet<string> knownLists)
    {
        _knownMacros = knownMacros;
        _knownLists = knownLists;
    }

    public CxxUnorderedSet Fields { get; } = new();
    public CxxUnorderedSet Macros { get; } = new();
    public CxxUnorderedSet Operators { get; } = new();
    public CxxUnorderedSet Lists { get; } = new();
    public CxxUnorderedSet EventNames { get; } = new();
    public CxxUnorderedSet Transformers { get; } = new();

    public static FilterDetails Of(Expr condition, IReadOnlySet<string> knownMacros, IReadOnlySet<string> knownLists)
    {
        var details = new FilterDetails(knownMacros, knownLists);
        details.Walk(condition);
        return details;
    }

    public override bool VisitList(ListExpr e)
    {
        if (_expectList)
        {
            foreach (var item in e.Values.Where(_knownLists.Contains)) Lists.Add(item);
        }
        if (_expectEventName)
        {
            foreach (var item in e.Values.Where(v => !_knownLists.Contains(v))) EventNames.Add(item);
        }
        return true;
    }

    public override bool VisitBinaryCheck(BinaryCheckExpr e)
    {
        _lastField = "";
        _expectEventName = false;
        _expectList = false;
        e.Left.Accept(this);
        if (_lastField.Length == 0) throw NoField("binary");
        Operators.Add(e.Operator);
        _expectList = true;
        _expectEventName = _lastField is "evt.type" or "evt.asynctype";
        e.Right.Accept(this);
        _expectEventName = false;
        _expectList = false;
        return true;
    }

    public override bool VisitUnaryCheck(UnaryCheckExpr e)
    {
        _lastField = "";
        e.Left.Accept(this);
        if (_lastField.Length == 0) throw NoField("unary");
        Fields.Add(_lastField);
        Operators.Add(e.Operator);
        return true;
    }

    public override bool VisitIdentifier(IdentifierExpr e)
    {
        if (_knownMacros.Contains(e.Name)) Macros.Add(e.Name);
        return true;
    }

    public override bool VisitValue(ValueExpr e)
    {
        if (_expectEventName) EventNames.Add(e.Value);
        return true;
    }

    public override bool VisitField(FieldExpr e)
    {
        // Unlike the canonical text, the argument is neither escaped nor kept when empty.
        _lastField = string.IsNullOrEmpty(e.Argument) ? e.Name : e.Name + "[" + e.Argument + "]";
        Fields.Add(_lastField);
        return true;
    }

    public override bool VisitTransformer(TransformerExpr e)
    {
        Transformers.Add(e.Name);
        return base.VisitTransformer(e);
    }

    /// <summary>Upstream throws this (a runtime error) for a check without a field; the grammar makes it unreachable.</summary>
    private static FatalError NoField(string kind) =>
        new($"can't find field info in {kind} check expression", FatalErrorStyle.RuntimeError);
}
