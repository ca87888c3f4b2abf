namespace Peregrine.Conditions.Syntax;

/// <summary>
/// Base for passes that produce a new tree from an old one (macro substitution, for example).
/// Every method rebuilds its node only when a child changed, so untouched subtrees are shared.
/// </summary>
public abstract class ExprRewriter : IExprVisitor<Expr>
{
    public Expr Rewrite(Expr e) => e.Accept(this);

    public virtual Expr VisitAnd(AndExpr e)
    {
        var children = RewriteAll(e.Children);
        return ReferenceEquals(children, e.Children) ? e : new AndExpr(children, e.Position);
    }

    public virtual Expr VisitOr(OrExpr e)
    {
        var children = RewriteAll(e.Children);
        return ReferenceEquals(children, e.Children) ? e : new OrExpr(children, e.Position);
    }

    public virtual Expr VisitNot(NotExpr e)
    {
        var child = e.Child.Accept(this);
        return ReferenceEquals(child, e.Child) ? e : new NotExpr(child, e.Position);
    }

    public virtual Expr VisitIdentifier(IdentifierExpr e) => e;
    public virtual Expr VisitValue(ValueExpr e) => e;
    public virtual Expr VisitList(ListExpr e) => e;
    public virtual Expr VisitField(FieldExpr e) => e;

    public virtual Expr VisitTransformer(TransformerExpr e)
    {
        var args = RewriteAll(e.Arguments);
        return ReferenceEquals(args, e.Arguments) ? e : new TransformerExpr(e.Name, args, e.Argument, e.Position);
    }

    public virtual Expr VisitTransformerList(TransformerListExpr e)
    {
        var items = RewriteAll(e.Items);
        return ReferenceEquals(items, e.Items) ? e : new TransformerListExpr(items, e.Position);
    }

    public virtual Expr VisitUnaryCheck(UnaryCheckExpr e)
    {
        var left = e.Left.Accept(this);
        return ReferenceEquals(left, e.Left) ? e : new UnaryCheckExpr(left, e.Operator, e.Position);
    }

    public virtual Expr VisitBinaryCheck(BinaryCheckExpr e)
    {
        var left = e.Left.Accept(this);
        var right = e.Right.Accept(this);
        return ReferenceEquals(left, e.Left) && ReferenceEquals(right, e.Right)
            ? e
            : new BinaryCheckExpr(left, e.Operator, right, e.Position);
    }

    private IReadOnlyList<Expr> RewriteAll(IReadOnlyList<Expr> items)
    {
        Expr[]? changed = null;
        for (var i = 0; i < items.Count; i++)
        {
            var rewritten = items[i].Accept(this);
            if (changed is null && !ReferenceEquals(rewritten, items[i]))
            {
                changed = new Expr[items.Count];
                for (var j = 0; j < i; j++) changed[j] = items[j];
            }
            if (changed is not null) changed[i] = rewritten;
        }
        return changed ?? items;
    }
}
