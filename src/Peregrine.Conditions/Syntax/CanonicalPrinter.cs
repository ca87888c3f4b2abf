using System.Text;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Syntax;

/// <summary>
/// Prints a tree in Falco's canonical text (what <c>falco -L</c> reports as
/// <c>condition_compiled</c>): boolean chains in parentheses, checks as <c>lhs op rhs</c>,
/// values escaped and quoted only when needed. Printing a parsed canonical text gives it back.
/// </summary>
public sealed class CanonicalPrinter : IExprVisitor<bool>
{
    private readonly StringBuilder _out = new();

    public static string Print(Expr e)
    {
        var printer = new CanonicalPrinter();
        e.Accept(printer);
        return printer._out.ToString();
    }

    public bool VisitAnd(AndExpr e) => Chain("and", e.Children);
    public bool VisitOr(OrExpr e) => Chain("or", e.Children);

    public bool VisitNot(NotExpr e)
    {
        _out.Append("not ");
        return e.Child.Accept(this);
    }

    public bool VisitIdentifier(IdentifierExpr e)
    {
        _out.Append(e.Name);
        return true;
    }

    public bool VisitValue(ValueExpr e)
    {
        _out.Append(ConditionEscaping.Escape(e.Value));
        return true;
    }

    public bool VisitList(ListExpr e)
    {
        _out.Append('(');
        for (var i = 0; i < e.Values.Count; i++)
        {
            if (i > 0) _out.Append(", ");
            _out.Append(ConditionEscaping.Escape(e.Values[i]));
        }
        _out.Append(')');
        return true;
    }

    public bool VisitField(FieldExpr e)
    {
        _out.Append(e.Name);
        AppendArgument(e.Argument);
        return true;
    }

    public bool VisitTransformer(TransformerExpr e)
    {
        _out.Append(e.Name).Append('(');
        Join(e.Arguments);
        _out.Append(')');
        AppendArgument(e.Argument);
        return true;
    }

    public bool VisitTransformerList(TransformerListExpr e)
    {
        _out.Append('(');
        Join(e.Items);
        _out.Append(')');
        return true;
    }

    public bool VisitUnaryCheck(UnaryCheckExpr e)
    {
        e.Left.Accept(this);
        _out.Append(' ').Append(e.Operator);
        return true;
    }

    public bool VisitBinaryCheck(BinaryCheckExpr e)
    {
        e.Left.Accept(this);
        _out.Append(' ').Append(e.Operator).Append(' ');
        return e.Right.Accept(this);
    }

    /// <summary>The canonical text of a field with its optional argument, e.g. <c>json.value[/a]</c>.</summary>
    public static string FieldText(string name, string? argument)
    {
        if (argument is null) return name;
        return name + "[" + (argument.Length == 0 ? "\"\"" : ConditionEscaping.Escape(argument)) + "]";
    }

    private void AppendArgument(string? argument)
    {
        if (argument is null) return;
        _out.Append('[').Append(argument.Length == 0 ? "\"\"" : ConditionEscaping.Escape(argument)).Append(']');
    }

    private bool Chain(string op, IReadOnlyList<Expr> children)
    {
        _out.Append('(');
        for (var i = 0; i < children.Count; i++)
        {
            if (i > 0) _out.Append(' ').Append(op).Append(' ');
            children[i].Accept(this);
        }
        _out.Append(')');
        return true;
    }

    private void Join(IReadOnlyList<Expr> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0) _out.Append(',');
            items[i].Accept(this);
        }
    }
}
