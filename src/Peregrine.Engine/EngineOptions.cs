using Peregrine.Engine.Configuration;
using Peregrine.Engine.Events;
using Peregrine.Engine.Processing;
using Peregrine.Rules;
using Peregrine.Rules.Compiling;

namespace Peregrine.Engine;

/// <summary>What the detection engine needs from the configuration, with Falco's defaults.</summary>
public sealed record EngineOptions
{
    /// <summary><c>priority</c>: rules below it are not loaded.</summary>
    public Priority MinimumPriority { get; init; } = Priority.Debug;

    /// <summary><c>rule_matching</c>.</summary>
    public RuleMatching RuleMatching { get; init; } = RuleMatching.First;

    /// <summary>The <c>json_*</c> and <c>time_format_iso_8601</c> keys.</summary>
    public AlertFormatOptions Alerts { get; init; } = new();

    /// <summary><c>append_output</c> entries.</summary>
    public IReadOnlyList<ExtraOutput> ExtraOutputs { get; init; } = [];

    /// <summary>
    /// <c>append_output</c> entries with <c>suggested_output: true</c> (only their match is used):
    /// matching rules get <c>name=%name</c> for every field a plugin suggests for outputs.
    /// </summary>
    public IReadOnlyList<ExtraOutput> SuggestedOutputs { get; init; } = [];

    /// <summary><c>static_fields</c>: constant <c>static.*</c> fields offered by every source.</summary>
    public IReadOnlyDictionary<string, string> StaticFields { get; init; } = new Dictionary<string, string>();

    /// <summary>The host name of alerts and <c>evt.hostname</c>.</summary>
    public string Hostname { get; init; } = "";

    /// <summary>
    /// <c>plugins_hostinfo</c>: Falco opens plugin sources with host information (the default);
    /// without it the machine info is zeroed and <c>evt.hostname</c> is the empty string.
    /// </summary>
    public bool PluginsHostInfo { get; init; } = true;

    /// <summary>How local times are rendered (the machine's zone by default).</summary>
    public EventTimeText Time { get; init; } = EventTimeText.ForLocalZone();
}
