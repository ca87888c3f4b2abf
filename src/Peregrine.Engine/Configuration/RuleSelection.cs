namespace Peregrine.Engine.Configuration;

public enum RuleSelectionOperation
{
    Enable,
    Disable,
}

/// <summary>
/// One entry of the <c>rules:</c> list. The entries apply in order, after every rules file is
/// loaded, and take precedence over the files' <c>enabled</c> flags. As in Falco, an entry with
/// both a <see cref="Rule"/> and a <see cref="Tag"/> applies both selections one after the other
/// (by name, then by tag); it does not select their intersection.
/// </summary>
/// <param name="Rule">A rule name in which <c>*</c> matches any text (Falco's <c>enable_rule_wildcard</c>), or null.</param>
/// <param name="Tag">An exact tag, or null.</param>
public sealed record RuleSelection(RuleSelectionOperation Operation, string? Rule, string? Tag, ConfigLocation Location);
