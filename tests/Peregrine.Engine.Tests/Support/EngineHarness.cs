using Peregrine.Engine.Events;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Processing;
using Peregrine.Engine.Sources;
using Peregrine.TestSupport;

namespace Peregrine.Engine.Tests.Support;

/// <summary>Builds an engine over the C fixture plugins, loads rules text and runs every source.</summary>
internal static class EngineHarness
{
    public static PluginSpec Counter(string openParams = "count=10", string initConfig = "") =>
        new("counter", NativeFixtures.Counter, initConfig, openParams);

    public static PluginSpec Extractor() => new("extractor", NativeFixtures.Extractor);

    public static EngineOptions Options(AlertFormatOptions? alerts = null, RuleMatching matching = RuleMatching.First) => new()
    {
        Alerts = alerts ?? new AlertFormatOptions(),
        RuleMatching = matching,
        Hostname = "testhost",
        Time = new EventTimeText(TimeSpan.Zero),
    };

    public static DetectionEngine Create(EngineOptions options, params PluginSpec[] plugins) => DetectionEngine.Create(plugins, options);

    /// <summary>Loads <paramref name="rules"/> (must load without error) and runs every source to its end.</summary>
    public static (RunSummary Summary, CollectingSink Alerts) Run(DetectionEngine engine, string rules)
    {
        var result = engine.LoadRules("rules.yaml", rules);
        Assert.True(result.Successful, string.Join("\n", result.Errors.Select(e => e.Message)));
        var sink = new CollectingSink();
        var summary = engine.Run(engine.Sources.Select(s => s.Name).ToList(), sink, CancellationToken.None);
        Assert.Null(summary.Error);
        return (summary, sink);
    }
}
