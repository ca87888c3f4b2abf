using System.Text;

namespace Peregrine.Rules.Loading;

/// <summary>Falco's text renderings of a load result (the summary line and the verbose report).</summary>
public static class LoadResultText
{
    /// <summary><c>file: Ok</c>, <c>file: Invalid</c> plus the codes of errors and warnings.</summary>
    public static string Summary(LoadResult result)
    {
        var sb = new StringBuilder();
        Header(sb, result);
        if (result.SchemaStatus.Count > 0 && !result.SchemaValid)
            sb.Append('\n').Append($" {result.SchemaStatus.Count} schema warnings: [").AppendJoin(' ', result.SchemaStatus).Append(']');
        if (result.Errors.Count > 0)
        {
            sb.Append('\n').Append($" {result.Errors.Count} errors: [")
              .AppendJoin(' ', result.Errors.Select(e => $"{e.Code.Code()} ({e.Code.Text()})")).Append(']');
        }
        if (result.Warnings.Count > 0)
        {
            sb.Append('\n').Append($" {result.Warnings.Count} warnings: [")
              .AppendJoin(' ', result.Warnings.Select(w => $"{w.Code.Code()} ({w.ShortText})")).Append(']');
        }
        return sb.ToString();
    }

    /// <summary>The full report: every error and warning with its location chain, snippet and message.</summary>
    public static string Verbose(LoadResult result, IReadOnlyDictionary<string, string> contents)
    {
        var sb = new StringBuilder();
        Header(sb, result);
        if (result.SchemaStatus.Count > 0 && !result.SchemaValid)
        {
            sb.Append('\n').Append(result.SchemaStatus.Count).Append(" Schema warnings:\n");
            foreach (var status in result.SchemaStatus) sb.Append("------\n").Append(status).Append('\n');
            sb.Append("------\n");
        }
        if (result.Errors.Count > 0)
        {
            sb.Append('\n').Append(result.Errors.Count).Append(" Errors:\n");
            foreach (var error in result.Errors)
            {
                Locations(sb, error.Context);
                sb.Append("------\n").Append(Snippet.For(error.Context, contents)).Append("------\n");
                sb.Append($"{error.Code.Code()} ({error.Code.Text()}): {error.Message}\n");
            }
        }
        if (result.Warnings.Count > 0)
        {
            sb.Append('\n').Append(result.Warnings.Count).Append(" Warnings:\n");
            foreach (var warning in result.Warnings)
            {
                Locations(sb, warning.Context);
                sb.Append("------\n").Append(Snippet.For(warning.Context, contents)).Append("------\n");
                sb.Append($"{warning.Code.Code()} ({warning.ShortText}): {warning.Message}\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>The location chain, one line each: <c>In rule 'x': (file:line:col)</c>.</summary>
    public static void Locations(StringBuilder sb, LoadContext context)
    {
        var first = true;
        foreach (var location in context.Locations)
        {
            sb.Append(first ? "In " : "    ");
            first = false;
            sb.Append(location.ItemType.Text());
            if (location.ItemName.Length > 0) sb.Append(" '").Append(location.ItemName).Append('\'');
            sb.Append(": (").Append(location.Name).Append(':').Append(location.Position.Line).Append(':')
              .Append(location.Position.Column).Append(")\n");
        }
    }

    private static void Header(StringBuilder sb, LoadResult result)
    {
        if (result.Name.Length > 0) sb.Append(result.Name).Append(": ");
        sb.Append(result.Successful ? "Ok" : "Invalid");
        if (result.Successful && result.Warnings.Count > 0) sb.Append(", with warnings");
    }
}
