using System.Text;
using System.Text.Json.Nodes;
using Peregrine.Engine.Sources;

namespace Peregrine.Engine.Listing;

/// <summary>
/// <c>--list [source]</c>: the fields rules may use, class by class, as Falco prints them. A class
/// offered by several sources (<c>evt</c>, or an extractor serving more than one source) is printed
/// once, where it first appears, with every source that has it. Peregrine has no syscall source,
/// so its listing is Falco's minus the syscall classes (and <c>syscall</c> is missing from the
/// sources of the shared <c>evt</c> class when nothing is filtered).
/// </summary>
public static class FieldListing
{
    /// <summary>Falco's error for a source it does not know.</summary>
    public const string InvalidSourceMessage = "Value for --list must be a valid source type";

    /// <summary>
    /// The error for <c>--list syscall</c>. Falco would list libsinsp's syscall fields; Peregrine
    /// reads only plugin events and has no such catalog, so it refuses the source with Falco's
    /// message and says why.
    /// </summary>
    public const string SyscallSourceMessage =
        InvalidSourceMessage + " (Peregrine has no syscall source: it reads events from plugins only, so it has no syscall fields to list)";

    /// <summary>Null when <paramref name="source"/> can be listed (empty means every source), else the error to print.</summary>
    public static string? CheckSource(IReadOnlyList<PluginSource> sources, string source)
    {
        if (source.Length == 0 || sources.Any(s => s.Name == source)) return null;
        return source == PluginRegistry.SyscallSource ? SyscallSourceMessage : InvalidSourceMessage;
    }

    /// <summary>
    /// Everything <c>--list</c> prints on stdout for <paramref name="source"/> (empty: every source).
    /// The source must have passed <see cref="CheckSource"/>.
    /// </summary>
    public static string Render(IReadOnlyList<PluginSource> sources, string source, FieldListOptions options)
    {
        // Each class once, where it first appears, with every selected source that offers it.
        var classes = new List<(FieldClass Class, IReadOnlyCollection<string> Sources)>();
        var sourcesOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var listed in sources.Where(s => source.Length == 0 || s.Name == source))
        {
            foreach (var fieldClass in FieldClass.Of(listed))
            {
                if (!sourcesOf.TryGetValue(fieldClass.Key, out var set))
                {
                    sourcesOf[fieldClass.Key] = set = new SortedSet<string>(NlohmannJson.ByteOrder);
                    classes.Add((fieldClass, set));
                }
                set.Add(listed.Name);
            }
        }

        return options.Format == FieldListFormat.Json ? Json(classes, options.NamesOnly) : Text(classes, options);
    }

    private static string Text(List<(FieldClass Class, IReadOnlyCollection<string> Sources)> classes, FieldListOptions options)
    {
        var output = new StringBuilder();
        foreach (var (fieldClass, sources) in classes)
        {
            if (options.NamesOnly)
            {
                foreach (var field in fieldClass.Fields.Where(f => !f.IsHidden)) output.Append(field.Name).Append('\n');
                continue;
            }
            output.Append(options.Format == FieldListFormat.Markdown
                ? FieldClassMarkdown.Format(fieldClass, sources)
                : FieldClassText.Format(fieldClass, sources, options.Verbose));
            output.Append('\n');
        }
        return output.ToString();
    }

    /// <summary>One document at the end, <c>fieldclasses</c> or <c>fieldnames</c>, indented by 2; nothing when there is nothing to list.</summary>
    private static string Json(List<(FieldClass Class, IReadOnlyCollection<string> Sources)> classes, bool namesOnly)
    {
        var root = new JsonObject();
        var items = new JsonArray();
        foreach (var (fieldClass, sources) in classes)
        {
            if (namesOnly)
            {
                foreach (var field in fieldClass.Fields.Where(f => !f.IsHidden)) items.Add((JsonNode)JsonValue.Create(field.Name));
            }
            else if (FieldClassJson.Build(fieldClass, sources) is { } json)
            {
                items.Add((JsonNode?)json);
            }
        }
        if (items.Count == 0) return "";
        root[namesOnly ? "fieldnames" : "fieldclasses"] = items;
        return NlohmannJson.Dump(root, 2) + "\n";
    }
}
