namespace Peregrine.Rules.Rulesets;

/// <summary>
/// Falco's rule-name wildcard matcher: '*' matches any run of characters, nothing else is
/// special. It is greedy towards the first occurrence of each literal part, as upstream's
/// matcher is.
/// </summary>
public static class RuleSelector
{
    public static bool Matches(string pattern, string name)
    {
        var star = pattern.IndexOf('*');
        if (star < 0) return pattern == name;
        if (star == 0)
        {
            var next = pattern.AsSpan().IndexOfAnyExcept('*');
            if (next < 0) return true;
            var rest = pattern[next..];
            var nextStar = rest.IndexOf('*');
            var literal = nextStar < 0 ? rest : rest[..nextStar];
            var at = name.IndexOf(literal, StringComparison.Ordinal);
            if (at < 0) return false;
            return Matches(rest[literal.Length..], name[(at + literal.Length)..]);
        }
        if (name.Length < star || pattern[..star] != name[..star]) return false;
        return Matches(pattern[star..], name[star..]);
    }
}
