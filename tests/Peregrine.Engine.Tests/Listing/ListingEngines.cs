using Peregrine.Engine.Events;
using Peregrine.Engine.Sources;
using Peregrine.Rules.Compiling;
using Peregrine.TestSupport;

namespace Peregrine.Engine.Tests.Listing;

/// <summary>Engines over the fixture plugins for the listing tests.</summary>
internal static class ListingEngines
{
    public static PluginSpec Counter => new("counter", NativeFixtures.Counter);
    public static PluginSpec Extractor => new("extractor", NativeFixtures.Extractor);

    /// <summary>A second source, "other", served by a shape plugin named "othersrc" (the extractor also serves it).</summary>
    public static PluginSpec Other => new("othersrc", ShapePlugin.Build(
        "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=5", "SHAPE_EVENT_SOURCE:=other", "SHAPE_NAME:=othersrc"));

    public static DetectionEngine Create(params PluginSpec[] plugins) => Create(new EngineOptions(), plugins);

    public static DetectionEngine Create(EngineOptions options, params PluginSpec[] plugins) =>
        DetectionEngine.Create(plugins, options with { Hostname = "testhost", Time = new EventTimeText(TimeSpan.Zero) });

    public static EngineOptions WithExtraOutputs(params ExtraOutput[] extras) => new() { ExtraOutputs = extras };

    /// <summary>Joins lines with '\n' and ends with one, so expected texts show every trailing space.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}
