using System.Text;
using System.Text.RegularExpressions;
using Peregrine.Conditions.Evaluation.Matching;

namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary><c>glob</c> and <c>iglob</c>.</summary>
internal sealed class GlobCheck(int slot, GlobPattern pattern) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && pattern.IsMatch(value);
    }
}

/// <summary><c>pmatch</c>: path-prefix match against a set of paths.</summary>
internal sealed class PathMatchCheck(int slot, PathPrefixSet paths) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && paths.IsMatch(value);
    }
}

/// <summary><c>regex</c>: a full match, on a linear-time engine.</summary>
internal sealed class RegexCheck(int slot, Regex regex) : ConditionNode
{
    public override bool Evaluate(FieldCache fields)
    {
        return fields.TryGetBytes(slot, out var value) && RegexText.IsMatch(regex, fields, value);
    }
}

/// <summary>Runs a .NET regex on UTF-8 bytes by decoding into the cache's scratch buffer.</summary>
internal static class RegexText
{
    public static bool IsMatch(Regex regex, FieldCache fields, ReadOnlySpan<byte> utf8)
    {
        var buffer = fields.CharScratch(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        var length = Encoding.UTF8.GetChars(utf8, buffer);
        return regex.IsMatch(buffer.AsSpan(0, length));
    }
}
