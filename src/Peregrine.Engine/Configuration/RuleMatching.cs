namespace Peregrine.Engine.Configuration;

/// <summary><c>rule_matching</c>: whether an event stops at the first matching rule or runs every rule.</summary>
public enum RuleMatching
{
    First,
    All,
}
