using Peregrine.Conditions.Syntax;

namespace Peregrine.Rules.Compiling;

/// <summary>A macro after list substitution, parsing and macro expansion.</summary>
public sealed class CompiledMacro(string name, Expr condition)
{
    public string Name { get; } = name;
    public Expr Condition { get; set; } = condition;
    public bool Used { get; set; }
}

/// <summary>Everything one compilation produced, for every source.</summary>
public sealed class CompileOutput(IReadOnlyList<CompiledList> lists, IReadOnlyList<CompiledMacro> macros, IReadOnlyList<CompiledRule> rules)
{
    public IReadOnlyList<CompiledList> Lists { get; } = lists;
    public IReadOnlyList<CompiledMacro> Macros { get; } = macros;

    /// <summary>Compiled rules in evaluation order (rules of unknown sources are not here).</summary>
    public IReadOnlyList<CompiledRule> Rules { get; } = rules;
}
