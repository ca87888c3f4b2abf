using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// Resolves a field name and its bracket argument against a catalog with libsinsp's rules and
/// messages: built-in fields (<see cref="FieldDefinition.NameOnlyLookup"/>) match the whole text
/// or nothing; plugin-style fields check their argument (allowed or required, index or key) on
/// the reconstruction of <c>name[arg]</c> text that upstream re-parses (which is why an argument
/// containing a blank is reported as unbalanced brackets).
/// </summary>
public static class FieldResolver
{
    /// <summary>Resolves or throws a <see cref="BindingException"/> with Falco's message.</summary>
    internal static FieldReference Resolve(IFieldCatalog catalog, string name, string? argument)
    {
        var full = argument is null ? name : name + "[" + argument + "]";
        var definition = catalog.Find(name);
        if (definition is { NameOnlyLookup: true } && argument is null) return new FieldReference(definition, null, FieldReference.NoIndex, null);

        // A built-in field that prefixes the text claims it before any plugin field is tried.
        if (LongestPrefix(catalog, full, nameOnly: true) is not null) throw new BindingException(UnknownFieldMessage + full);

        if (definition is null)
        {
            // Upstream matches the longest known prefix; a prefix field that requires an
            // argument then complains about the missing argument instead of the unknown name.
            var prefix = LongestPrefix(catalog, name, nameOnly: false);
            if (prefix is not null && argument is null && prefix.Argument.HasFlag(FieldArgument.Required))
                throw new BindingException($"filter '{full}': {prefix.Name} requires an argument but none provided");
            throw new BindingException(UnknownFieldMessage + full);
        }

        if (argument is null)
        {
            if (definition.Argument.HasFlag(FieldArgument.Required))
                throw new BindingException($"filter '{name}': {name} requires an argument but none provided");
            return new FieldReference(definition, null, FieldReference.NoIndex, null);
        }

        // Upstream rebuilds "name[arg]", cuts it at the first blank, trims white space and parses
        // the brackets again.
        var blank = full.IndexOf(' ');
        var cut = (blank < 0 ? full : full[..blank]).Trim(' ', '\t', '\n', '\v', '\f', '\r');
        var argStart = name.Length + 1;
        if (argStart >= cut.Length)
            throw new BindingException($"filter '{cut}': {name} terminates with incomplete argument brackets");
        var close = cut.IndexOf(']', argStart);
        if (close < 0)
            throw new BindingException($"filter '{cut}': {name} has unbalanced argument brackets");
        var text = cut[argStart..close];

        if (!definition.AcceptsArgument)
            throw new BindingException($"filter '{cut}': {name} does not allow nor require an argument but one is provided: {text}");

        var index = FieldReference.NoIndex;
        string? key = null;
        var isKey = definition.Argument.HasFlag(FieldArgument.Key);
        if (definition.Argument.HasFlag(FieldArgument.Index))
        {
            var problem = ParseIndex(text, out index);
            // A field that also takes keys silently falls back to the key reading.
            if (problem is not null && !isKey)
                throw new BindingException($"filter {cut} {name}{problem}{text}");
        }
        if (isKey) key = text;

        // Text after the first closing bracket means upstream's exact-match check fails.
        if (close + 1 != full.Length)
            throw new BindingException(UnknownFieldMessage + full);
        return new FieldReference(definition, text, index, key);
    }

    /// <summary>
    /// Whether <paramref name="text"/> (<c>name</c> or <c>name[arg]</c>) names a usable field.
    /// Used for the "field misused as a const string value" hint.
    /// </summary>
    public static bool IsField(IFieldCatalog catalog, string text) => TryResolve(catalog, text, out _, out _);

    /// <summary>
    /// Resolves <c>name</c> or <c>name[arg]</c> text; on failure <paramref name="error"/> is
    /// Falco's message (an unknown name, or an argument the field does not accept).
    /// </summary>
    public static bool TryResolve(IFieldCatalog catalog, string text, out FieldReference? reference, out string? error)
    {
        var open = text.IndexOf('[');
        var name = open < 0 ? text : text[..open];
        string? argument = null;
        if (open >= 0)
        {
            if (!text.EndsWith(']'))
            {
                reference = null;
                error = "filter_check called with nonexistent field " + text;
                return false;
            }
            argument = text[(open + 1)..^1];
        }
        try
        {
            reference = Resolve(catalog, name, argument);
            error = null;
            return true;
        }
        catch (BindingException e)
        {
            reference = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>The prefix of the message for a field name that is not in the catalog.</summary>
    public const string UnknownFieldMessage = "filter_check called with nonexistent field ";

    /// <summary>
    /// The index reading of an argument: digits only, no leading zero, fits 64 bits.
    /// Returns null when valid, else the fragment of upstream's message.
    /// </summary>
    private static string? ParseIndex(string text, out ulong index)
    {
        index = FieldReference.NoIndex;
        string? problem = null;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
            problem = " has an invalid index argument starting with 0: ";
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                problem = " has an invalid index argument not composed only by digits: ";
                break;
            }
        }
        if (problem is not null) return problem;
        if (!ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
        {
            index = FieldReference.NoIndex;
            return " has an invalid index argument not representable on 64 bit: ";
        }
        return null;
    }

    /// <summary>The longest field name that strictly prefixes <paramref name="name"/>, among the built-in fields only if asked.</summary>
    private static FieldDefinition? LongestPrefix(IFieldCatalog catalog, string name, bool nameOnly)
    {
        FieldDefinition? best = null;
        foreach (var field in catalog.Fields)
        {
            if ((!nameOnly || field.NameOnlyLookup)
                && field.Name.Length < name.Length && name.StartsWith(field.Name, StringComparison.Ordinal)
                && (best is null || field.Name.Length > best.Name.Length))
            {
                best = field;
            }
        }
        return best;
    }
}
