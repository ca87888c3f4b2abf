using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Parsing;

/// <summary>The boolean layer of the grammar: or, and, not and parentheses.</summary>
public sealed partial class ConditionParser
{
    private Expr ParseOr()
    {
        using var guard = Enter();
        var pos = Position;
        LexBlank();
        var children = new List<Expr> { ParseAnd() };
        LexBlank();
        while (LexLiteral("or"))
        {
            // 'or' is matched as a prefix, so "a oregon" fails here rather than reading "oregon".
            if (LexBlank()) children.Add(ParseAnd());
            else if (LexLiteral("(")) children.Add(ParseEmbeddedRemainder());
            else throw Error("expected blank or '(' after 'or'");
            LexBlank();
        }
        return children.Count > 1 ? new OrExpr(children, pos) : children[0];
    }

    private Expr ParseAnd()
    {
        using var guard = Enter();
        var pos = Position;
        LexBlank();
        var children = new List<Expr> { ParseNot() };
        LexBlank();
        while (LexLiteral("and"))
        {
            if (LexBlank()) children.Add(ParseNot());
            else if (LexLiteral("(")) children.Add(ParseEmbeddedRemainder());
            else throw Error("expected blank or '(' after 'and'");
            LexBlank();
        }
        return children.Count > 1 ? new AndExpr(children, pos) : children[0];
    }

    private Expr ParseNot()
    {
        using var guard = Enter();
        var pos = Position;
        var negated = false;
        LexBlank();
        // "not" needs trailing white space (or a parenthesis), so "notx" stays an identifier.
        while (LexNotFollowedBySpace()) negated = !negated;
        Expr child;
        if (LexLiteral("not("))
        {
            negated = !negated;
            child = ParseEmbeddedRemainder();
        }
        else
        {
            child = ParseCheck();
        }
        return negated ? new NotExpr(child, pos) : child;
    }

    /// <summary>The rest of a parenthesised condition, after its opening parenthesis.</summary>
    private Expr ParseEmbeddedRemainder()
    {
        using var guard = Enter();
        LexBlank();
        var child = ParseOr();
        LexBlank();
        if (!LexLiteral(")")) throw Error("expected a ')' token");
        return child;
    }

    private Expr ParseCheck()
    {
        using var guard = Enter();
        var pos = Position;
        LexBlank();
        if (LexLiteral("(")) return ParseEmbeddedRemainder();
        if (LexFieldName())
        {
            var field = ParseFieldRemainder(_lastToken, pos);
            return ParseCheckTail(field, pos);
        }
        if (LexTransformerName())
        {
            LexBlank();
            var transformer = ParseTransformerRemainder(TransformerName(), pos);
            return ParseCheckTail(transformer, pos);
        }
        if (LexIdentifier()) return new IdentifierExpr(_lastToken, pos);
        throw Error("expected a '(' token, a field check, or an identifier");
    }
}
