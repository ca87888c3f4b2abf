using System.Text;
using Peregrine.Rules.Collecting;
using Peregrine.Rules.Loading;

namespace Peregrine.Rules.Compiling;

/// <summary>
/// Turns a rule's exceptions into condition text, as Falco 0.38+ does: the original condition in
/// parentheses, then <c> and not (...)</c> per exception that has values. Values are inserted as
/// raw text (quoted only when they contain a blank), so they may hold list names or transformers.
/// </summary>
public static class ExceptionConditions
{
    public static string Build(string condition, IReadOnlyList<ExceptionDefinition> exceptions, ISet<string> exceptionFields)
    {
        var result = new StringBuilder("(").Append(condition).Append(')');
        foreach (var exception in exceptions)
        {
            var clause = exception.Fields.IsList ? TupleClause(exception, exceptionFields) : SingleFieldClause(exception, exceptionFields);
            if (clause.Length > 0) result.Append(" and not ").Append(clause);
        }
        return result.ToString();
    }

    private static string SingleFieldClause(ExceptionDefinition exception, ISet<string> exceptionFields)
    {
        var clause = new StringBuilder();
        foreach (var value in exception.Values)
        {
            RuleLoadException.ThrowIf(value.IsList, LoadErrorCode.Validate, "Expected values array to contain a list of strings", exception.Context);
            clause.Append(clause.Length == 0 ? $"({exception.Fields.Item} {exception.Comps.Item} (" : ", ");
            exceptionFields.Add(exception.Fields.Item);
            clause.Append(ListExpansion.Quote(value.Item));
        }
        if (clause.Length > 0) clause.Append("))");
        return clause.ToString();
    }

    private static string TupleClause(ExceptionDefinition exception, ISet<string> exceptionFields)
    {
        var clause = new StringBuilder("(");
        foreach (var tuple in exception.Values)
        {
            RuleLoadException.ThrowIf(exception.Fields.Items.Count != tuple.Items.Count, LoadErrorCode.Validate,
                "Fields and values lists must have equal length", exception.Context);
            if (clause.Length > 1) clause.Append(" or ");
            clause.Append('(');
            for (var k = 0; k < exception.Fields.Items.Count; k++)
            {
                if (k > 0) clause.Append(" and ");
                var field = exception.Fields.Items[k].Item;
                var comp = exception.Comps.Items[k].Item;
                var value = tuple.Items[k];
                string text;
                if (value.IsList)
                {
                    text = "(" + string.Join(", ", value.Items.Select(v => ListExpansion.Quote(v.Item))) + ")";
                }
                else if (IsListOperator(comp))
                {
                    text = value.Item.StartsWith('(') ? value.Item : "(" + value.Item + ")";
                }
                else
                {
                    text = ListExpansion.Quote(value.Item);
                }
                clause.Append(' ').Append(field).Append(' ').Append(comp).Append(' ').Append(text);
                exceptionFields.Add(field);
            }
            clause.Append(')');
        }
        clause.Append(')');
        return clause.Length == 2 ? "" : clause.ToString();
    }

    private static bool IsListOperator(string comp) =>
        comp is "in" or "intersects" or "pmatch" || RulesCollector.IsOperatorWithModifier(comp);
}
