using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Evaluation.Checks;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Syntax;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// Turns a parsed condition (macros already substituted) into runnable nodes for one event
/// source: resolves every field against the source's catalog, gives each field and transformer
/// a slot in the source's <see cref="FieldSlotTable"/>, parses constants to the field's type and
/// picks a specialised node per check. Errors carry libsinsp's message and the position of the
/// check being bound, as Falco reports them.
/// </summary>
public sealed partial class ConditionBinder(IFieldCatalog catalog, FieldSlotTable slots)
{
    private readonly List<ConditionError> _warnings = [];
    private readonly List<FieldReference> _fieldsUsed = [];
    private SourcePosition _position = SourcePosition.Start;

    public IFieldCatalog Catalog => catalog;

    public FieldSlotTable Slots => slots;

    /// <summary>Binds a whole condition.</summary>
    public BindResult Bind(Expr condition)
    {
        _warnings.Clear();
        _fieldsUsed.Clear();
        try
        {
            var root = BindBoolean(condition);
            return new BindResult(new CompiledCondition(root, _fieldsUsed.DistinctBy(f => f.Text).ToArray()), null, _warnings.ToArray());
        }
        catch (BindingException e)
        {
            return new BindResult(null, new ConditionError(e.Message, _position), []);
        }
    }

    /// <summary>
    /// Binds a field or transformer expression on its own (an output format token). The error,
    /// if any, is Falco's message.
    /// </summary>
    public (BoundOperand? Operand, string? Error) BindOperand(Expr expression)
    {
        _fieldsUsed.Clear();
        try
        {
            var operand = expression is TransformerExpr { Name: Parsing.Operators.Val }
                ? throw new BindingException("filter error: unexpected '" + Parsing.Operators.Val + "' transformer")
                : BindValueExpression(expression);
            return (operand with { Fields = _fieldsUsed.DistinctBy(f => f.Text).ToArray() }, null);
        }
        catch (BindingException e)
        {
            return (null, e.Message);
        }
    }

    private ConditionNode BindBoolean(Expr e)
    {
        _position = e.Position;
        switch (e)
        {
            case AndExpr and:
                return LogicNodes.And(and.Children.Select(BindBoolean).ToArray());
            case OrExpr or:
                return LogicNodes.Or(or.Children.Select(BindBoolean).ToArray());
            case NotExpr not:
                return new NotNode(BindBoolean(not.Child));
            case IdentifierExpr identifier:
                throw new BindingException("filter error: unexpected identifier '" + identifier.Name + "'");
            case UnaryCheckExpr unary:
                var operand = BindValueExpression(unary.Left);
                _position = unary.Position;
                CheckOperators.Parse(unary.Operator); // always "exists"
                return new ExistsCheck(operand.Slot);
            case BinaryCheckExpr binary:
                return BindComparison(binary);
            default:
                throw new BindingException("filter error: unexpected expression '" + e + "' in boolean position");
        }
    }

    private ConditionNode BindComparison(BinaryCheckExpr check)
    {
        var left = BindValueExpression(check.Left);
        _position = check.Position;
        var (op, modifier) = CheckOperators.Parse(check.Operator);
        CheckOperators.EnsureComparable(op, modifier is not null, left.Type, left.IsList);

        if (check.Right is TransformerExpr rightExpression)
        {
            var right = BindRightHandField(rightExpression);
            _position = check.Position;
            EnsureFieldComparable(op, left, right);
            return new FieldComparisonCheck(left.Slot, right.Slot, op, left.Type, left.IsList);
        }

        var values = check.Right switch
        {
            ValueExpr value => [value.Value],
            ListExpr list => list.Values,
            _ => throw new BindingException("filter error: unexpected right-hand side '" + check.Right + "'"),
        };
        foreach (var value in values) ConstantHints.Check(catalog, op, value, check.Right.Position, _warnings);
        return BindConstantComparison(left, op, modifier, values);
    }

    /// <summary>The checks libsinsp makes before accepting a field as a right-hand side.</summary>
    private static void EnsureFieldComparable(CheckOperator op, BoundOperand left, BoundOperand right)
    {
        if (op is CheckOperator.PMatch or CheckOperator.Regex)
            throw new BindingException($"operator '{CheckOperators.UpperName(op)}' doesn't support right-hand side fields");
        if (left.Type == FieldType.IpNet)
            throw new BindingException("field type 'IPNET' doesn't support right-hand side fields");
        if (left.Type != right.Type || left.IsList != right.IsList)
        {
            throw new BindingException(
                $"field '{left.FieldName}' has type '{left.Type.FalcoName()}{(left.IsList ? " (list)" : "")}' "
                + $"while the right-hand side field '{right.FieldName}' has incompatible type "
                + $"'{right.Type.FalcoName()}{(right.IsList ? " (list)" : "")}'");
        }
    }
}
