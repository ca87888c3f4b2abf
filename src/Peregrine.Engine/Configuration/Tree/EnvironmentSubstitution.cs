using System.Text;

namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// Falco's <c>${VAR}</c> substitution in configuration files (yaml_helper's pre-processing):
/// applied to every non-null scalar value of a file right after it is read (never to keys,
/// never to <c>-o</c> options, never to rules files).
/// <list type="bullet">
/// <item><c>${VAR}</c> is replaced by the variable's value, or removed when it is not set.
/// The replacement is scanned again, so a value that itself holds <c>${OTHER}</c> expands too.</item>
/// <item><c>$${VAR}</c> is an escape: one <c>$</c> is dropped and <c>${VAR}</c> stays literal.</item>
/// <item><c>$VAR</c>, a lone <c>$</c>, and anything from a <c>${</c> with no closing <c>}</c> on are left as written.</item>
/// </list>
/// </summary>
internal static class EnvironmentSubstitution
{
    /// <summary>
    /// Falco re-scans a replacement without limit, so a variable holding its own reference loops
    /// forever; Peregrine stops after this many replacements in one value and reports it.
    /// </summary>
    public const int MaxReplacements = 1000;

    public static void Apply(ConfigNode? node, Func<string, string?> lookup)
    {
        switch (node)
        {
            case ConfigScalar { IsNull: false } scalar:
                scalar.Value = Substitute(scalar.Value, lookup, scalar.Location);
                break;
            case ConfigSequence sequence:
                foreach (var item in sequence.Items) Apply(item, lookup);
                break;
            case ConfigMapping mapping:
                foreach (var entry in mapping.Entries) Apply(entry.Value, lookup);
                break;
        }
    }

    /// <exception cref="ConfigLoadException">The expansion does not terminate.</exception>
    public static string Substitute(string text, Func<string, string?> lookup, ConfigLocation location)
    {
        var start = text.IndexOf('$');
        if (start < 0) return text;
        var value = new StringBuilder(text);
        var replacements = 0;
        while (start >= 0)
        {
            if (StartsWith(value, start, "${"))
            {
                var end = IndexOf(value, '}', start);
                if (end < 0) break;
                var name = value.ToString(start + 2, end - start - 2);
                var replacement = Lookup(lookup, name);
                value.Remove(start, end - start + 1);
                if (replacement is not null) value.Insert(start, replacement);
                if (++replacements > MaxReplacements)
                    throw new ConfigLoadException(ConfigDiagnosticCode.InvalidValue, "",
                        $"environment variable expansion of '{text}' does not terminate (a variable refers to itself?)", location);
                // The replacement is scanned again from the same position, as Falco does.
            }
            else if (StartsWith(value, start, "$${"))
            {
                if (IndexOf(value, '}', start) < 0) break;
                value.Remove(start, 1);
                start++;
            }
            else
            {
                start = value.Length;
            }
            start = start < value.Length ? IndexOf(value, '$', start) : -1;
        }
        return value.ToString();
    }

    /// <summary>getenv semantics: an empty or impossible name (<c>=</c>, NUL) is simply not set.</summary>
    private static string? Lookup(Func<string, string?> lookup, string name)
    {
        if (name.Length == 0) return null;
        try
        {
            return lookup(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool StartsWith(StringBuilder value, int start, string prefix)
    {
        if (start + prefix.Length > value.Length) return false;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (value[start + i] != prefix[i]) return false;
        }
        return true;
    }

    private static int IndexOf(StringBuilder value, char c, int start)
    {
        for (var i = start; i < value.Length; i++)
        {
            if (value[i] == c) return i;
        }
        return -1;
    }
}
