using System.Text;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The terminal layout of one field class (libsinsp's <c>as_string</c>): a rule, the class header
/// with labels in a 30-column left block, then one entry per visible field whose description is
/// word-wrapped to 120 columns. Verbose mode prefixes each description with the field's type.
/// </summary>
internal static class FieldClassText
{
    private const int Block = 30;
    private const int Width = 120;

    /// <summary>The class text; empty for a class with no fields at all, as libsinsp returns.</summary>
    public static string Format(FieldClass fieldClass, IEnumerable<string> eventSources, bool verbose)
    {
        if (fieldClass.Fields.Count == 0) return "";
        var output = new StringBuilder();
        output.Append("-------------------------------\n");
        output.Append(TextColumns.Pad("Field Class:", Block)).Append(fieldClass.Name);
        if (fieldClass.ShortDescription.Length > 0) output.Append(" (").Append(fieldClass.ShortDescription).Append(')');
        output.Append('\n');
        if (fieldClass.Description.Length > 0)
        {
            output.Append(TextColumns.Pad("Description:", Block));
            TextColumns.Wrap(output, fieldClass.Description, Block, Width);
            output.Append('\n');
        }
        var sources = eventSources.ToList();
        if (sources.Count > 0)
        {
            output.Append(TextColumns.Pad("Event Sources:", Block));
            foreach (var source in sources) output.Append(source).Append(' ');
            output.Append('\n');
        }
        output.Append('\n');

        foreach (var field in fieldClass.Fields.Where(f => !f.IsHidden))
        {
            // A name too long for the left block gets a line of its own.
            if (Encoding.UTF8.GetByteCount(field.Name) > Block) output.Append(field.Name).Append('\n').Append(' ', Block);
            else output.Append(TextColumns.Pad(field.Name, Block));

            var description = field.Description;
            if (field.Tags.Count > 0) description = "(" + string.Join(",", field.Tags) + ") " + description;
            if (verbose) description = "(Type: " + field.DataType + ") " + description;
            TextColumns.Wrap(output, description, Block, Width);
            output.Append('\n');
        }
        return output.ToString();
    }
}
