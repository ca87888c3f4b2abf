namespace Peregrine.Conditions.Evaluation.Checks;

/// <summary>The comparison operators of the language, without modifiers.</summary>
public enum CheckOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Contains,
    IContains,
    BContains,
    StartsWith,
    BStartsWith,
    EndsWith,
    In,
    Intersects,
    PMatch,
    Exists,
    Glob,
    IGlob,
    Regex,
}
