namespace Peregrine.Conditions.Syntax;

/// <summary>
/// A node of a parsed condition: what the user wrote, with its position. Nodes are immutable;
/// macro substitution and other passes build new trees instead of editing old ones.
/// </summary>
public abstract class Expr(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    public abstract T Accept<T>(IExprVisitor<T> visitor);

    /// <summary>The canonical text Falco prints for this tree (see <see cref="CanonicalPrinter"/>).</summary>
    public override string ToString() => CanonicalPrinter.Print(this);
}

/// <summary><c>a and b and c</c>: one node for a whole chain.</summary>
public sealed class AndExpr(IReadOnlyList<Expr> children, SourcePosition position) : Expr(position)
{
    public IReadOnlyList<Expr> Children { get; } = children;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitAnd(this);
}

/// <summary><c>a or b or c</c>: one node for a whole chain.</summary>
public sealed class OrExpr(IReadOnlyList<Expr> children, SourcePosition position) : Expr(position)
{
    public IReadOnlyList<Expr> Children { get; } = children;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitOr(this);
}

/// <summary><c>not x</c>. An even run of <c>not</c> produces no node at all.</summary>
public sealed class NotExpr(Expr child, SourcePosition position) : Expr(position)
{
    public Expr Child { get; } = child;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitNot(this);
}

/// <summary>A bare identifier in boolean position: a macro reference.</summary>
public sealed class IdentifierExpr(string name, SourcePosition position) : Expr(position)
{
    public string Name { get; } = name;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitIdentifier(this);
}

/// <summary>A constant on the right-hand side, already unescaped if it was quoted.</summary>
public sealed class ValueExpr(string value, SourcePosition position) : Expr(position)
{
    public string Value { get; } = value;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitValue(this);
}

/// <summary>A list literal <c>(a, b, c)</c> of constants.</summary>
public sealed class ListExpr(IReadOnlyList<string> values, SourcePosition position) : Expr(position)
{
    public IReadOnlyList<string> Values { get; } = values;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitList(this);
}

/// <summary>A field reference such as <c>proc.name</c> or <c>json.value[/a/b]</c>.</summary>
public sealed class FieldExpr(string name, string? argument, SourcePosition position) : Expr(position)
{
    public string Name { get; } = name;

    /// <summary>The text inside the brackets (unquoted), or null when there are no brackets.</summary>
    public string? Argument { get; } = argument;

    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitField(this);
}

/// <summary>
/// A transformer call such as <c>tolower(proc.name)</c>, <c>join(",", (a.b, c.d))</c>, or the
/// identity <c>val(field)</c> that marks a right-hand side as a field instead of a string.
/// </summary>
public sealed class TransformerExpr(string name, IReadOnlyList<Expr> arguments, string? argument, SourcePosition position)
    : Expr(position)
{
    public string Name { get; } = name;
    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    /// <summary>An optional <c>[arg]</c> written after the closing parenthesis (0.44 grammar).</summary>
    public string? Argument { get; } = argument;

    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitTransformer(this);
}

/// <summary>A parenthesised list inside transformer arguments, e.g. the second argument of <c>join</c>.</summary>
public sealed class TransformerListExpr(IReadOnlyList<Expr> items, SourcePosition position) : Expr(position)
{
    public IReadOnlyList<Expr> Items { get; } = items;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitTransformerList(this);
}

/// <summary>A check with no right-hand side: <c>field exists</c>.</summary>
public sealed class UnaryCheckExpr(Expr left, string op, SourcePosition position) : Expr(position)
{
    public Expr Left { get; } = left;
    public string Operator { get; } = op;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitUnaryCheck(this);
}

/// <summary>
/// A comparison <c>left op right</c>. <see cref="Operator"/> is the operator as Falco prints it,
/// including a modifier when present (<c>startswith oneof</c>).
/// </summary>
public sealed class BinaryCheckExpr(Expr left, string op, Expr right, SourcePosition position) : Expr(position)
{
    public Expr Left { get; } = left;
    public string Operator { get; } = op;
    public Expr Right { get; } = right;
    public override T Accept<T>(IExprVisitor<T> visitor) => visitor.VisitBinaryCheck(this);
}
