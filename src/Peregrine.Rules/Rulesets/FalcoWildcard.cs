namespace Peregrine.Rules.Rulesets;

/// <summary>
/// Falco's wildcard matcher (<c>falco::utils::matches_wildcard</c>), used for rule-name selectors
/// and for picking <c>*.yaml</c> files in rules directories: '*' matches any run of characters,
/// nothing else is special. Each literal part binds to its first occurrence, as upstream's matcher
/// does, which is why some texts that a glob would match do not match here.
/// </summary>
public static class FalcoWildcard
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
