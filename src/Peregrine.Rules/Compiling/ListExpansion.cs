using System.Text;
using Peregrine.Rules.Collecting;

namespace Peregrine.Rules.Compiling;

/// <summary>A list ready for substitution: its items after one level of list references.</summary>
public sealed class CompiledList(string name, IReadOnlyList<string> items)
{
    public string Name { get; } = name;
    public IReadOnlyList<string> Items { get; } = items;
    public bool Used { get; set; }
}

/// <summary>
/// Lists are not part of the grammar: their names are replaced in condition text before
/// parsing, exactly as Falco does it. The substitution is textual and blind to quotes, looks for
/// the name between delimiters (blank, parentheses, comma, '='), runs once per list in definition
/// order, quotes an item only when it contains a blank and does not start with a quote, and drops
/// a neighbouring comma when the list is empty. Do not "improve" it: rules depend on its quirks.
/// </summary>
public static class ListExpansion
{
    private const string Blanks = " \t\n\r";
    private const string Delimiters = " \t\n\r(),=";

    /// <summary>Expands list-in-list references one level deep: only lists defined before the latest change.</summary>
    public static List<CompiledList> Compile(IReadOnlyList<ListDefinition> lists, Func<string, ListDefinition?> find)
    {
        var compiled = new List<CompiledList>();
        var usedByLists = new List<string>();
        foreach (var list in lists)
        {
            var items = new List<string>();
            foreach (var item in list.Items)
            {
                var referenced = find(item);
                if (referenced is not null && referenced.Index < list.Visibility)
                {
                    usedByLists.Add(referenced.Name);
                    items.AddRange(referenced.Items);
                }
                else
                {
                    items.Add(item);
                }
            }
            compiled.Add(new CompiledList(list.Name, items));
        }
        foreach (var name in usedByLists) compiled.First(l => l.Name == name).Used = true;
        return compiled;
    }

    /// <summary>Substitutes every list into <paramref name="condition"/>, marking the ones that were used.</summary>
    public static string Substitute(string condition, IReadOnlyList<CompiledList> lists)
    {
        foreach (var list in lists)
        {
            if (SubstituteOne(ref condition, list)) list.Used = true;
        }
        return condition;
    }

    /// <summary>Quotes an item containing a blank, unless it already starts with a quote. Nothing is escaped.</summary>
    public static string Quote(string item) =>
        item.Contains(' ') && !item.StartsWith('"') && !item.StartsWith('\'') ? "\"" + item + "\"" : item;

    private static bool SubstituteOne(ref string condition, CompiledList list)
    {
        var name = list.Name;
        var used = false;
        var start = condition.IndexOf(name, StringComparison.Ordinal);
        while (start >= 0)
        {
            var end = start + name.Length;
            if ((start == 0 || Delimiters.Contains(condition[start - 1]))
                && (end >= condition.Length || Delimiters.Contains(condition[end])))
            {
                while (start > 0 && Blanks.Contains(condition[start - 1])) start--;
                while (end < condition.Length && Blanks.Contains(condition[end])) end++;

                var replacement = new StringBuilder();
                foreach (var item in list.Items)
                {
                    if (replacement.Length > 0) replacement.Append(", ");
                    replacement.Append(Quote(item));
                }
                var sub = replacement.ToString();
                if (sub.Length == 0)
                {
                    if (start > 0 && condition[start - 1] == ',') start--;
                    else if (end < condition.Length && condition[end] == ',') end++;
                }

                var rebuilt = new StringBuilder();
                if (start > 0) rebuilt.Append(condition, 0, start).Append(' ');
                rebuilt.Append(sub).Append(' ');
                if (end <= condition.Length) rebuilt.Append(condition, end, condition.Length - end);
                condition = rebuilt.ToString();
                start += sub.Length + 1;
                used = true;
            }
            start = start + 1 < condition.Length ? condition.IndexOf(name, start + 1, StringComparison.Ordinal) : -1;
        }
        return used;
    }
}
