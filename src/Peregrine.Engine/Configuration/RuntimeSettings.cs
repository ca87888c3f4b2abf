using Peregrine.Engine.Outputs;
using Peregrine.Engine.Processing;
using Peregrine.Engine.Sources;
using Peregrine.Rules.Compiling;

namespace Peregrine.Engine.Configuration;

/// <summary>Turns a loaded <see cref="FalcoConfiguration"/> into what each runtime part takes.</summary>
public static class RuntimeSettings
{
    /// <summary>The plugins to load, in <c>load_plugins</c> order (all of <c>plugins</c> when it is absent).</summary>
    public static IReadOnlyList<PluginSpec> Plugins(FalcoConfiguration config) =>
        config.Plugins.Select(p => new PluginSpec(p.Name, p.LibraryPath, p.InitConfig, p.OpenParams)).ToList();

    /// <param name="config">The configuration.</param>
    /// <param name="hostname">The resolved host name.</param>
    /// <param name="printAdditional">The deprecated <c>-p</c> text, appended to every rule output as Falco does (its container/kubernetes shortcuts do nothing).</param>
    public static EngineOptions Engine(FalcoConfiguration config, string hostname, string? printAdditional = null)
    {
        var extra = new List<ExtraOutput>();
        var suggested = new List<ExtraOutput>();
        foreach (var entry in config.AppendOutput)
        {
            extra.Add(entry.ToExtraOutput());
            if (entry.SuggestedOutput) suggested.Add(new ExtraOutput(entry.Source, entry.Tags, entry.Rule, null, []));
        }
        if (!string.IsNullOrEmpty(printAdditional) && printAdditional is not ("c" or "container" or "k" or "kubernetes"))
            extra.Add(new ExtraOutput(null, new HashSet<string>(), null, printAdditional, []));

        return new EngineOptions
        {
            MinimumPriority = config.MinimumPriority,
            RuleMatching = config.RuleMatching,
            Alerts = new AlertFormatOptions
            {
                JsonOutput = config.JsonOutput,
                IncludeOutput = config.JsonIncludeOutputProperty,
                IncludeTags = config.JsonIncludeTagsProperty,
                IncludeMessage = config.JsonIncludeMessageProperty,
                IncludeOutputFields = config.JsonIncludeOutputFieldsProperty,
                TimeFormatIso8601 = config.TimeFormatIso8601,
            },
            ExtraOutputs = extra,
            SuggestedOutputs = suggested,
            StaticFields = config.StaticFields,
            Hostname = hostname,
            PluginsHostInfo = config.PluginsHostInfo,
        };
    }

    public static OutputsOptions Outputs(FalcoConfiguration config, string hostname) => new()
    {
        JsonOutput = config.JsonOutput,
        BufferedOutputs = config.BufferedOutputs,
        QueueCapacity = (int)Math.Min(config.OutputsQueue.Capacity, int.MaxValue),
        OutputTimeout = TimeSpan.FromMilliseconds(config.OutputTimeout),
        Hostname = hostname,
        Stdout = new StdoutOutputOptions { Enabled = config.StdoutOutputEnabled },
        Syslog = new SyslogOutputOptions { Enabled = config.SyslogOutputEnabled },
        File = config.FileOutput,
        Program = config.ProgramOutput,
        Http = config.HttpOutput,
    };
}
