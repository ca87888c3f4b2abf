using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Parsing;

/// <summary>Checks, their operators and right-hand sides, fields and transformers.</summary>
public sealed partial class ConditionParser
{
    private Expr ParseCheckTail(Expr left, SourcePosition pos)
    {
        using var guard = Enter();
        LexBlank();
        if (LexOperator(Operators.Unary)) return new UnaryCheckExpr(left, _lastToken, pos);

        LexBlank();
        string op;
        Expr right;
        if (LexOperator(Operators.Numeric))
        {
            op = _lastToken;
            right = ParseNumberOrTransformer();
        }
        else if (LexOperator(Operators.String))
        {
            op = _lastToken;
            // Word operators consumed their blank already; symbols may still be followed by one.
            var hadBlank = char.IsAsciiLetter(op[0]) || LexBlank();
            var saved = Save();
            if (hadBlank && LexOperator(Operators.Modifiers) && ListValueFollows() && !BooleanKeywordFollows())
            {
                op = op + " " + _lastToken;
                right = ParseListValue();
            }
            else
            {
                // Not a modifier after all: "proc.name = oneof" compares with the word "oneof".
                Restore(saved);
                right = ParseStringOrTransformer(allowTransformer: true);
            }
        }
        else if (LexOperator(Operators.List))
        {
            op = _lastToken;
            right = ParseListValueOrTransformer();
        }
        else
        {
            throw Error("expected a valid check operator: one of " + Operators.Quoted(Operators.All));
        }
        return new BinaryCheckExpr(left, op, right, pos);
    }

    private Expr ParseNumberOrTransformer()
    {
        using var guard = Enter();
        LexBlank();
        var pos = Position;
        if (TryParseRhsTransformer() is { } transformer) return transformer;
        if (LexHexNumber() || LexNumber()) return new ValueExpr(_lastToken, pos);
        throw Error("expected a number value or a field with a valid transformer: "
                    + Operators.Quoted(Operators.TransformersWithVal));
    }

    private Expr ParseStringOrTransformer(bool allowTransformer)
    {
        using var guard = Enter();
        LexBlank();
        var pos = Position;
        if (allowTransformer && TryParseRhsTransformer() is { } transformer) return transformer;
        if (LexQuotedString() || LexBareString()) return new ValueExpr(_lastToken, pos);
        if (!allowTransformer) throw Error("expected a string value");
        throw Error("expected a string value or a field with a valid transformer: "
                    + Operators.Quoted(Operators.TransformersWithVal));
    }

    private Expr ParseListValue()
    {
        using var guard = Enter();
        LexBlank();
        var pos = Position;
        if (TryParseListLiteral() is { } list) return list;
        if (LexIdentifier()) return new ValueExpr(_lastToken, pos);
        throw Error("expected a list or an identifier");
    }

    private Expr ParseListValueOrTransformer()
    {
        using var guard = Enter();
        LexBlank();
        var pos = Position;
        if (TryParseListLiteral() is { } list) return list;
        if (TryParseRhsTransformer() is { } transformer) return transformer;
        // A bare identifier after 'in' is a value: usually a list name that was not substituted.
        if (LexIdentifier()) return new ValueExpr(_lastToken, pos);
        throw Error("expected a list, an identifier, or a field with a valid transformer: "
                    + Operators.Quoted(Operators.TransformersWithVal));
    }

    private ListExpr? TryParseListLiteral()
    {
        var pos = Position;
        if (!LexLiteral("(")) return null;
        var values = new List<string>();
        LexBlank();
        // Upstream tries the first element and treats any failure as "the list is empty", so
        // e.g. a bad escape in the first element silently yields an empty list. We keep that.
        Expr? first = null;
        try
        {
            first = ParseStringOrTransformer(allowTransformer: false);
        }
        catch (ConditionSyntaxException)
        {
        }
        if (first is ValueExpr head)
        {
            values.Add(head.Value);
            LexBlank();
            while (LexLiteral(","))
            {
                values.Add(((ValueExpr)ParseStringOrTransformer(allowTransformer: false)).Value);
                LexBlank();
            }
        }
        if (!LexLiteral(")")) throw Error("expected a ')' token");
        return new ListExpr(values, pos);
    }

    /// <summary><c>val(field)</c> or a transformer, when one starts at the cursor; null otherwise.</summary>
    private Expr? TryParseRhsTransformer()
    {
        using var guard = Enter();
        LexBlank();
        var pos = Position;
        if (LexLiteral(Operators.Val + "("))
        {
            LexBlank();
            var fieldPos = Position;
            if (!LexFieldName()) throw Error("expected a field within '" + Operators.Val + "' transformer");
            var field = ParseFieldRemainder(_lastToken, fieldPos);
            LexBlank();
            if (!LexLiteral(")")) throw Error("expected a ')' token closing the transformer");
            return new TransformerExpr(Operators.Val, [field], ParseOptionalFieldArgument(), pos);
        }
        if (LexTransformerName())
        {
            LexBlank();
            return ParseTransformerRemainder(TransformerName(), pos);
        }
        return null;
    }

    private FieldExpr ParseFieldRemainder(string name, SourcePosition pos)
    {
        using var guard = Enter();
        return new FieldExpr(name, ParseOptionalFieldArgument(), pos);
    }

    private string? ParseOptionalFieldArgument()
    {
        if (!LexLiteral("[")) return null;
        if (!LexQuotedString() && !LexFieldArgumentBareString())
            throw Error("expected a valid field argument: a quoted string or a bare string");
        var argument = _lastToken;
        if (!LexLiteral("]")) throw Error("expected a ']' token");
        return argument;
    }

    /// <summary>The arguments and closing parenthesis of a transformer whose name was just read.</summary>
    private TransformerExpr ParseTransformerRemainder(string name, SourcePosition pos)
    {
        using var guard = Enter();
        LexBlank();
        var arguments = new List<Expr>();
        do
        {
            arguments.Add(ParseTransformerArgument(Position));
            LexBlank();
        } while (LexLiteral(","));
        LexBlank();
        if (!LexLiteral(")")) throw Error("expected a ')' token closing the transformer");
        return new TransformerExpr(name, arguments, ParseOptionalFieldArgument(), pos);
    }

    private Expr ParseTransformerArgument(SourcePosition pos)
    {
        using var guard = Enter();
        LexBlank();
        if (LexHexNumber() || LexNumber()) return new ValueExpr(_lastToken, pos);
        if (LexQuotedString()) return new ValueExpr(_lastToken, pos);
        if (LexLiteral("(")) return ParseTransformerList(pos);
        if (LexTransformerName()) return ParseTransformerRemainder(TransformerName(), pos);
        if (LexFieldName()) return ParseFieldRemainder(_lastToken, pos);
        throw Error("expected field transformer argument: field, transformer, quoted string, number, or transformer list");
    }

    /// <summary>A <c>( ... )</c> argument list of a transformer, after its opening parenthesis.</summary>
    private TransformerListExpr ParseTransformerList(SourcePosition pos)
    {
        var items = new List<Expr>();
        LexBlank();
        if (LexLiteral(")")) return new TransformerListExpr(items, pos);
        items.Add(ParseTransformerListItem(pos));
        LexBlank();
        while (LexLiteral(","))
        {
            LexBlank();
            items.Add(ParseTransformerListItem(pos));
            LexBlank();
        }
        if (!LexLiteral(")")) throw Error("expected ')'");
        return new TransformerListExpr(items, pos);
    }

    private Expr ParseTransformerListItem(SourcePosition pos)
    {
        if (LexFieldName()) return ParseFieldRemainder(_lastToken, pos);
        if (LexTransformerName())
        {
            LexBlank();
            return ParseTransformerRemainder(TransformerName(), pos);
        }
        if (LexQuotedString()) return new ValueExpr(_lastToken, pos);
        if (LexHexNumber() || LexNumber()) return new ValueExpr(_lastToken, pos);
        throw Error("expected transformer list argument: field, transformer, quoted string, or number");
    }
}
