using System.Text;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The markdown layout of one field class (libsinsp's <c>as_markdown</c>, the format of Falco's
/// published field reference): a heading, the description, the sources, then a table of the
/// visible fields with list types written <c>LIST(type)</c>.
/// </summary>
internal static class FieldClassMarkdown
{
    /// <summary>The class markdown; empty for a class with no fields at all, as libsinsp returns.</summary>
    public static string Format(FieldClass fieldClass, IEnumerable<string> eventSources)
    {
        if (fieldClass.Fields.Count == 0) return "";
        var output = new StringBuilder();
        output.Append("## Field Class: ").Append(fieldClass.Name).Append("\n\n");
        if (fieldClass.Description.Length > 0) output.Append(fieldClass.Description).Append("\n\n");
        var sources = eventSources.ToList();
        if (sources.Count > 0)
        {
            output.Append("Event Sources: ");
            foreach (var source in sources) output.Append(source).Append(' ');
            output.Append("\n\n");
        }
        output.Append("Name | Type | Description\n");
        output.Append(":----|:-----|:-----------\n");
        foreach (var field in fieldClass.Fields.Where(f => !f.IsHidden))
        {
            var type = field.IsList ? "LIST(" + field.DataType + ")" : field.DataType;
            output.Append('`').Append(field.Name).Append("` | ").Append(type).Append(" | ").Append(field.Description).Append('\n');
        }
        return output.ToString();
    }
}
