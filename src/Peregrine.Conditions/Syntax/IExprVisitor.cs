namespace Peregrine.Conditions.Syntax;

/// <summary>Double dispatch over the node kinds of <see cref="Expr"/>.</summary>
public interface IExprVisitor<out T>
{
    T VisitAnd(AndExpr e);
    T VisitOr(OrExpr e);
    T VisitNot(NotExpr e);
    T VisitIdentifier(IdentifierExpr e);
    T VisitValue(ValueExpr e);
    T VisitList(ListExpr e);
    T VisitField(FieldExpr e);
    T VisitTransformer(TransformerExpr e);
    T VisitTransformerList(TransformerListExpr e);
    T VisitUnaryCheck(UnaryCheckExpr e);
    T VisitBinaryCheck(BinaryCheckExpr e);
}
