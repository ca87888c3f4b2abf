using System.Text;

namespace Peregrine.Engine.Configuration.Tree;

/// <summary>One step of an override key: a mapping key, or a bracketed index (<c>[]</c> has empty text).</summary>
internal readonly record struct OverrideStep(bool IsIndex, string Text)
{
    public override string ToString() => IsIndex ? $"[{Text}]" : Text;
}

/// <summary>
/// Splits the key of a <c>-o key=value</c> option as Falco 0.44's yaml_helper does:
/// <code>
/// Key     := NodeKey ('.' NodeKey)*
/// NodeKey := (Char | EscSeq)+ ('[' index? ']')*
/// Char    := any character except '\', '.', '['
/// EscSeq  := '\' ('.' | '[' | ']' | '\')
/// </code>
/// with Falco's messages and positions ("Parsing error: expected '.' character at pos 3").
/// As in Falco, a second bracket right after the first (<c>a[0][1]</c>) is rejected, and the
/// text between brackets is read later with <c>stoi</c> rules (<see cref="ParseIndex"/>).
/// </summary>
internal static class OverridePath
{
    /// <exception cref="ConfigLoadException">Malformed key.</exception>
    public static IReadOnlyList<OverrideStep> Parse(string key, ConfigLocation location)
    {
        var steps = new List<OverrideStep>();
        var nodeKey = new StringBuilder();
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '\\')
            {
                if (i + 1 >= key.Length) throw Error(key, $"Parsing error: trailing backslash at pos {i}", location);
                var next = key[i + 1];
                if (next is not ('.' or '[' or ']' or '\\'))
                    throw Error(key, $"Parsing error: invalid escape sequence '\\{next}' at pos {i}", location);
                nodeKey.Append(next);
                i++;
                if (i == key.Length - 1) Shift(steps, nodeKey);
                continue;
            }

            var shift = c is '.' or '[' || i == key.Length - 1;
            if (c is not ('.' or '['))
            {
                if (i > 0 && nodeKey.Length == 0 && key[i - 1] != '.')
                    throw Error(key, $"Parsing error: expected '.' character at pos {i - 1}", location);
                nodeKey.Append(c);
            }
            if (shift)
            {
                if (nodeKey.Length == 0) throw Error(key, $"Parsing error: unexpected character at pos {i}", location);
                Shift(steps, nodeKey);
            }
            if (c == '[')
            {
                var close = key.IndexOf(']', i);
                // Falco's index scan wraps around and never ends when ']' is missing; Peregrine reports it.
                if (close < 0) throw Error(key, $"Parsing error: missing ']' for the '[' at pos {i}", location);
                steps.Add(new OverrideStep(true, key.Substring(i + 1, close - i - 1)));
                i = close;
                if (i < key.Length - 1 && key[i + 1] == '.') i++;
            }
        }
        return steps;
    }

    /// <summary>
    /// Reads an index as C++ <c>std::stoi</c> does: leading blanks, an optional sign, at least
    /// one digit, and anything after the digits ignored (<c>[1x]</c> is index 1).
    /// </summary>
    public static bool ParseIndex(string text, out int index)
    {
        index = 0;
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-') negative = text[i++] == '-';
        var digitsStart = i;
        long value = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            value = value * 10 + (text[i++] - '0');
            if (value > (long)int.MaxValue + 1) return false;
        }
        if (i == digitsStart) return false;
        value = negative ? -value : value;
        if (value is < int.MinValue or > int.MaxValue) return false;
        index = (int)value;
        return true;
    }

    public static ConfigLoadException Error(string key, string message, ConfigLocation location) =>
        new(ConfigDiagnosticCode.InvalidOverride, "", $"Config error at key \"{key}\": {message}", location);

    private static void Shift(List<OverrideStep> steps, StringBuilder nodeKey)
    {
        steps.Add(new OverrideStep(false, nodeKey.ToString()));
        nodeKey.Clear();
    }
}
