using Peregrine.Rules.Loading;

namespace Peregrine.Rules.Collecting;

/// <summary>
/// Every list, macro and rule definition carries two counters of the collector's define/append/
/// replace sequence: <see cref="Index"/> from its first definition (its place in evaluation
/// order) and <see cref="Visibility"/> from its latest change (what it may refer to).
/// </summary>
public abstract class Definition(LoadContext context, string name)
{
    public LoadContext Context { get; set; } = context;
    public string Name { get; set; } = name;
    public int Index { get; set; }
    public int Visibility { get; set; }
}

/// <summary>A <c>- list:</c> item: raw item texts, as written.</summary>
public sealed class ListDefinition(LoadContext context, string name) : Definition(context, name)
{
    public List<string> Items { get; set; } = [];
}

/// <summary>A <c>- macro:</c> item: its condition text (appends are concatenated to it).</summary>
public sealed class MacroDefinition(LoadContext context, string name) : Definition(context, name)
{
    public string Condition { get; set; } = "";
    public LoadContext ConditionContext { get; set; } = context;
}

/// <summary>
/// One of an exception's <c>fields</c>, <c>comps</c> or <c>values</c>: a scalar or a (nested)
/// sequence, since each may be written either way.
/// </summary>
public sealed class ExceptionEntry
{
    public bool IsList { get; set; }
    public string Item { get; set; } = "";
    public List<ExceptionEntry> Items { get; } = [];

    /// <summary>A non-empty scalar or a non-empty sequence.</summary>
    public bool IsValid => (IsList && Items.Count > 0) || (!IsList && Item.Length > 0);

    public static ExceptionEntry Scalar(string item) => new() { Item = item };
}

/// <summary>An item of a rule's <c>exceptions</c>.</summary>
public sealed class ExceptionDefinition(LoadContext context, string name)
{
    public LoadContext Context { get; } = context;
    public string Name { get; } = name;
    public ExceptionEntry Fields { get; set; } = new();
    public ExceptionEntry Comps { get; set; } = new();
    public List<ExceptionEntry> Values { get; } = [];
}

/// <summary>A rule as collected: every property after appends and overrides.</summary>
public sealed class RuleDefinition(LoadContext context, string name) : Definition(context, name)
{
    public LoadContext ConditionContext { get; set; } = context;
    public LoadContext OutputContext { get; set; } = context;
    public string Condition { get; set; } = "";
    public string Output { get; set; } = "";
    public string Description { get; set; } = "";
    public string Source { get; set; } = "";
    public Priority Priority { get; set; } = Priority.Debug;
    public SortedSet<string> Tags { get; set; } = new(StringComparer.Ordinal);
    public List<ExceptionDefinition> Exceptions { get; set; } = [];
    public bool Enabled { get; set; } = true;
    public bool Capture { get; set; }
    public uint CaptureDuration { get; set; }
    public bool WarnEventTypes { get; set; } = true;
    public bool SkipIfUnknownFilter { get; set; }

    /// <summary>The source is not loaded: the rule is kept so later changes apply, but never compiled.</summary>
    public bool UnknownSource { get; set; }
}

/// <summary>An append or a selective replace of some rule properties (override, or legacy append).</summary>
public sealed class RuleUpdate(LoadContext context, string name)
{
    public LoadContext Context { get; } = context;
    public string Name { get; } = name;
    public string Source { get; set; } = "";
    public string? Condition { get; set; }
    public string? Output { get; set; }
    public string? Description { get; set; }
    public SortedSet<string>? Tags { get; set; }
    public List<ExceptionDefinition>? Exceptions { get; set; }
    public Priority? Priority { get; set; }
    public bool? Enabled { get; set; }
    public bool? Capture { get; set; }
    public uint? CaptureDuration { get; set; }
    public bool? WarnEventTypes { get; set; }
    public bool? SkipIfUnknownFilter { get; set; }

    public bool HasAnyValue => Condition is not null || Output is not null || Description is not null || Tags is not null
                               || Exceptions is not null || Priority is not null || Enabled is not null || Capture is not null
                               || CaptureDuration is not null || WarnEventTypes is not null || SkipIfUnknownFilter is not null;
}

/// <summary>One entry of a <c>required_plugin_versions</c> group.</summary>
public sealed record PluginRequirement(string Name, string Version);
