using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Syntax;
using Peregrine.Rules.Outputs;

namespace Peregrine.Rules.Compiling;

/// <summary>A rule ready to run: its compiled condition and output, and its descriptive properties.</summary>
public sealed class CompiledRule
{
    public required string Name { get; init; }
    public required string Source { get; init; }
    public required string Description { get; init; }
    public required Priority Priority { get; init; }
    public required IReadOnlySet<string> Tags { get; init; }

    /// <summary>Enabled as defined in the rules files (before any selection from the configuration).</summary>
    public required bool Enabled { get; init; }

    /// <summary>The condition after exceptions, list substitution and macro expansion.</summary>
    public required Expr ConditionTree { get; init; }

    public required CompiledCondition Condition { get; init; }

    /// <summary>The output as written (plus any configured extra output).</summary>
    public required string OutputText { get; init; }

    public required OutputFormat Output { get; init; }

    /// <summary>Extra <c>output_fields</c> from <c>append_output</c>: key and compiled format, raw or text.</summary>
    public required IReadOnlyList<ExtraOutputField> ExtraFields { get; init; }

    public required IReadOnlySet<string> ExceptionFields { get; init; }
    public required bool Capture { get; init; }
    public required uint CaptureDuration { get; init; }

    /// <summary>Position in evaluation order (first-definition order across all files).</summary>
    public required int Order { get; init; }
}

/// <summary>An extra output field: rendered as text, or as the typed value of one field (raw).</summary>
public sealed record ExtraOutputField(string Key, OutputFormat Format, bool Raw);
