namespace Peregrine.Conditions.Syntax;

/// <summary>
/// Base for read-only passes over a tree (collecting fields, operators, macro names...).
/// Override the node kinds of interest and call the base method to keep descending.
/// </summary>
public abstract class ExprWalker : IExprVisitor<bool>
{
    public void Walk(Expr e) => e.Accept(this);

    public virtual bool VisitAnd(AndExpr e) => WalkAll(e.Children);
    public virtual bool VisitOr(OrExpr e) => WalkAll(e.Children);
    public virtual bool VisitNot(NotExpr e) => e.Child.Accept(this);
    public virtual bool VisitIdentifier(IdentifierExpr e) => true;
    public virtual bool VisitValue(ValueExpr e) => true;
    public virtual bool VisitList(ListExpr e) => true;
    public virtual bool VisitField(FieldExpr e) => true;
    public virtual bool VisitTransformer(TransformerExpr e) => WalkAll(e.Arguments);
    public virtual bool VisitTransformerList(TransformerListExpr e) => WalkAll(e.Items);
    public virtual bool VisitUnaryCheck(UnaryCheckExpr e) => e.Left.Accept(this);

    public virtual bool VisitBinaryCheck(BinaryCheckExpr e)
    {
        e.Left.Accept(this);
        return e.Right.Accept(this);
    }

    private bool WalkAll(IReadOnlyList<Expr> items)
    {
        foreach (var item in items) item.Accept(this);
        return true;
    }
}
