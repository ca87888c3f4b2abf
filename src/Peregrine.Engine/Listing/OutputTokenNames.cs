using Peregrine.Conditions.Syntax;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The names libsinsp's output formatter resolves for its tokens (what <c>-L</c> lists as a rule's
/// <c>output_fields</c>): for each token, every field it reads in canonical text, and for a
/// transformer its own canonical text after the fields it reads, where a transformer directly
/// wrapping another replaces it (<c>tolower(toupper(a))</c> gives <c>a</c> and
/// <c>tolower(toupper(a))</c>). Repeated tokens repeat.
/// </summary>
internal sealed class OutputTokenNames : ExprWalker
{
    private readonly List<string> _names = [];
    private bool _lastWasTransformer;

    public static List<string> Of(IEnumerable<Expr> tokens)
    {
        var walker = new OutputTokenNames();
        foreach (var token in tokens)
        {
            // libsinsp uses a fresh visitor per token over one shared list; it leaves this flag
            // uninitialized, which only matters for a transformer whose first argument is no field.
            walker._lastWasTransformer = false;
            walker.Walk(token);
        }
        return walker._names;
    }

    public override bool VisitField(FieldExpr e)
    {
        _names.Add(CanonicalPrinter.Print(e));
        _lastWasTransformer = false;
        return true;
    }

    public override bool VisitTransformer(TransformerExpr e)
    {
        base.VisitTransformer(e);
        if (_lastWasTransformer) _names.RemoveAt(_names.Count - 1);
        _names.Add(CanonicalPrinter.Print(e));
        _lastWasTransformer = true;
        return true;
    }
}
