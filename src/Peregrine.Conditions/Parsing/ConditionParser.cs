using System.Runtime.CompilerServices;
using System.Text;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Parsing;

/// <summary>
/// Hand-written recursive-descent parser for Falco's condition language (libs 0.25 / Falco 0.44),
/// working on the UTF-8 bytes of the text so that positions are counted exactly as libsinsp
/// counts them. There is no separate tokenizer: each production lexes what it expects at the
/// cursor, as upstream does, which is what gives the grammar its blank rules.
///
/// <code>
/// Condition     ::= OrExpr
/// OrExpr        ::= AndExpr ( 'or' ( Blank AndExpr | '(' Condition ')' ) )*
/// AndExpr       ::= NotExpr ( 'and' ( Blank NotExpr | '(' Condition ')' ) )*
/// NotExpr       ::= ( 'not' Space+ )* ( 'not(' Condition ')' | Check )
/// Check         ::= '(' Condition ')'
///                 | Field CheckTail | Transformer CheckTail
///                 | Identifier                                  -- a macro reference
/// CheckTail     ::= 'exists'
///                 | NumOp ( Number | RhsTransformer )
///                 | StrOp ( RhsTransformer | QuotedStr | BareStr )
///                 | StrOp Modifier Blank ( ListValue )          -- e.g. "startswith oneof (a, b)"
///                 | ListOp ( ListValue | RhsTransformer )
/// ListValue     ::= '(' ( StrValue ( ',' StrValue )* )? ')' | Identifier
/// Field         ::= FieldName ( '[' ( QuotedStr | ArgBareStr ) ']' )?
/// Transformer   ::= TName '(' TArg ( ',' TArg )* ')' ( '[' FieldArg ']' )?
/// TArg          ::= Number | QuotedStr | '(' ( TListArg ( ',' TListArg )* )? ')' | Transformer | Field
/// TListArg      ::= Field | Transformer | QuotedStr | Number
/// RhsTransformer::= 'val(' Field ')' ( '[' FieldArg ']' )? | Transformer
/// NumOp         ::= '&lt;=' | '&lt;' | '&gt;=' | '&gt;'
/// StrOp         ::= '==' | '=' | '!=' | ( 'glob' | 'iglob' | 'contains' | 'icontains' | 'bcontains'
///                   | 'startswith' | 'bstartswith' | 'endswith' | 'regex' ) Blank
/// ListOp        ::= 'intersects' | 'in' | 'pmatch'
/// Modifier      ::= 'oneof' | 'anyof' | 'allof'
/// TName         ::= 'tolower' | 'toupper' | 'b64' | 'basename' | 'len' | 'join' | 'concat' | 'getopt'
///
/// Identifier    ::= [a-zA-Z]+[a-zA-Z0-9_]*
/// FieldName     ::= Identifier ( '.' Identifier )+
/// ArgBareStr    ::= [^][&quot;' \t\n\v\f\r]+
/// Number        ::= 0[xX][0-9a-fA-F]+ | [+-]?[0-9]+\.?[0-9]*([eE][+-][0-9]+)?
/// QuotedStr     ::= "..." | '...'       -- ends at a delimiter not preceded by a backslash
/// BareStr       ::= [^()&quot;' \t\n\v\f\r=,]+
/// Blank         ::= ( ' ' | '\t' | '\b' | '\r' | '\n' )+
/// </code>
/// </summary>
public sealed partial class ConditionParser
{
    /// <summary>The recursion limit Falco sets for rules files.</summary>
    public const int DefaultMaxDepth = 1000;

    private readonly byte[] _in;
    private readonly int _maxDepth;
    private int _idx;
    private int _line = 1;
    private int _col = 1;
    private int _depth;
    private string _lastToken = "";

    private ConditionParser(byte[] input, int maxDepth)
    {
        _in = input;
        _maxDepth = maxDepth;
    }

    /// <summary>Parses a whole condition. Trailing text that is not part of it is an error.</summary>
    public static ParseResult Parse(string condition, int maxDepth = DefaultMaxDepth)
    {
        var parser = new ConditionParser(Encoding.UTF8.GetBytes(condition), maxDepth);
        try
        {
            return new ParseResult(parser.ParseWhole(), null);
        }
        catch (ConditionSyntaxException e)
        {
            return new ParseResult(null, new ConditionError(e.Message, e.Position));
        }
    }

    /// <summary>
    /// Parses a field or a transformer expression at the start of <paramref name="utf8"/> and
    /// reports how many bytes it used; the rest is left alone. Output format strings use this to
    /// find where a <c>%</c> token ends.
    /// </summary>
    public static (Expr? Expr, int Consumed, ConditionError? Error) ParseFieldOrTransformer(ReadOnlySpan<byte> utf8)
    {
        var parser = new ConditionParser(utf8.ToArray(), DefaultMaxDepth);
        try
        {
            var expr = parser.ParseFieldOrTransformerAtCursor();
            return (expr, parser._idx, null);
        }
        catch (ConditionSyntaxException e)
        {
            return (null, parser._idx, new ConditionError(e.Message, e.Position));
        }
    }

    private SourcePosition Position => new(_idx, _line, _col);

    private ConditionSyntaxException Error(string message) => new(message, Position);

    private Expr ParseWhole()
    {
        if (_in.Length == 0) throw Error("filter input string is empty");
        var result = ParseOr();
        if (_idx != _in.Length)
            throw Error("unexpected token after '" + _lastToken + "', expecting 'or', 'and'");
        return result;
    }

    private Expr ParseFieldOrTransformerAtCursor()
    {
        using var guard = Enter();
        var pos = Position;
        if (LexFieldName()) return ParseFieldRemainder(_lastToken, pos);
        if (LexTransformerName())
        {
            LexBlank();
            return ParseTransformerRemainder(TransformerName(), pos);
        }
        // Upstream's message really lacks the closing quote here.
        throw Error("unexpected token after '" + _lastToken);
    }

    /// <summary>
    /// Counts recursion so that hostile input gets a positioned error instead of a stack overflow.
    /// </summary>
    private DepthGuard Enter()
    {
        if (++_depth >= _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            _depth--;
            throw Error("exceeded max depth limit of " + _maxDepth);
        }
        return new DepthGuard(this);
    }

    private readonly ref struct DepthGuard(ConditionParser parser)
    {
        public void Dispose() => parser._depth--;
    }
}
