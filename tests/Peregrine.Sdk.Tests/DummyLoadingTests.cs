using System.Buffers.Binary;
using Peregrine.Plugins.Abi;

namespace Peregrine.Sdk.Tests;

/// <summary>The example plugin, loaded from its assembly through <see cref="PluginLoader.Load"/> as the engine does.</summary>
public sealed class DummyLoadingTests
{
    private static readonly string DummyPath = Path.Combine(AppContext.BaseDirectory, "Dummy.dll");

    [Fact]
    public void Descriptor_describes_the_plugin_as_a_native_one_would()
    {
        using var library = PluginLoader.Load(DummyPath);
        var d = library.Descriptor;
        Assert.Equal("dummy", d.Name);
        Assert.Equal("0.1.0", d.VersionText);
        Assert.Equal(new PluginVersion(0, 1, 0), d.Version);
        Assert.Equal("3.0.0", d.RequiredApiVersion);
        Assert.Equal(PluginCapabilities.Sourcing | PluginCapabilities.Extraction, d.Capabilities);
        Assert.Equal(999u, d.Id);
        Assert.Equal("dummy", d.EventSource);
        Assert.Equal("dummy", d.SourceName!.Value);
        Assert.Equal(DummyPath, d.Location);
        Assert.Equal(["dummy"], d.ExtractEventSources);
        Assert.Equal(PluginInitSchemaType.Json, d.InitSchema.Type);
        Assert.Contains("\"jitter\"", d.InitSchema.Text, StringComparison.Ordinal);

        Assert.Equal(["dummy.value", "dummy.strvalue", "dummy.divisible", "dummy.digits"], d.Fields.Select(f => f.Name));
        var value = d.FindField("dummy.value")!;
        Assert.Equal(PluginFieldType.UInt64, value.Type);
        Assert.Equal("Value", value.Display);
        Assert.True(value.AddOutput);
        var divisible = d.FindField("dummy.divisible")!;
        Assert.True(divisible.ArgIsRequired && divisible.ArgIsIndex && !divisible.ArgIsKey);
        var digits = d.FindField("dummy.digits")!;
        Assert.True(digits.IsList);
        Assert.True(digits.IsHidden);
    }

    [Fact]
    public void Events_are_libscap_plugin_events_with_the_plugin_id()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize("""{"jitter": 0}""");
        using var stream = plugin.Open("5");
        Assert.Equal("dummy", stream.Source.Value);

        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.Equal(5, batch.Count);
        Assert.Equal(1ul, batch.FirstNumber);
        var expected = 0ul;
        foreach (var evt in batch)
        {
            Assert.True(evt.IsPluginEvent);
            Assert.Equal(PluginEventLayout.PluginEventType, evt.Type);
            Assert.Equal(999u, evt.PluginId);
            Assert.Equal(PluginEventLayout.NoThread, evt.ThreadId);
            Assert.NotEqual(PluginEventLayout.TimestampNow, evt.Timestamp);
            Assert.Equal((uint)(PluginEventLayout.PayloadOffset + 8), evt.Length);
            Assert.Equal(expected++, BinaryPrimitives.ReadUInt64LittleEndian(evt.Payload));
        }

        // Events came with EOF: delivered first, EOF reported by the next call.
        Assert.Equal(PluginBatchStatus.Eof, stream.NextBatch(out var empty));
        Assert.Equal(0, empty.Count);
        Assert.Equal(new PluginProgress(string.Empty, 10000), stream.GetProgress());
    }

    [Fact]
    public void Large_streams_come_in_batches_and_count_on()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize(null);
        using var stream = plugin.Open("1000");
        var total = 0;
        var next = 1ul;
        while (stream.NextBatch(out var batch) == PluginBatchStatus.Success)
        {
            Assert.Equal(next, batch.FirstNumber);
            Assert.InRange(batch.Count, 1, EventBatch.DefaultCapacity);
            next += (ulong)batch.Count;
            total += batch.Count;
        }

        Assert.Equal(1000, total);
    }

    [Fact]
    public void Fields_are_extracted_in_one_call()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize("""{"jitter": 0}""");
        using var stream = plugin.Open("13");
        stream.NextBatch(out var batch);
        var d = plugin.Descriptor;
        Assert.True(PluginFieldArgument.TryCreate(d.FindField("dummy.divisible")!, "4", out var four, out _));
        PluginFieldRequest[] requests =
        [
            new(d.FindField("dummy.value")!.Index),
            new(d.FindField("dummy.strvalue")!.Index),
            new(d.FindField("dummy.divisible")!.Index, four),
            new(d.FindField("dummy.digits")!.Index),
        ];

        var sink = new RecordingSink();
        Assert.True(plugin.Extract(batch[12], requests, sink)); // sample 12
        Assert.Equal(
            [(0, 0, 1, (object)12ul), (1, 0, 1, "12"), (2, 0, 1, true), (3, 0, 2, 1ul), (3, 1, 2, 2ul)],
            sink.Values);
    }

    [Fact]
    public unsafe void Events_of_other_sources_are_not_extracted()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize("""{"jitter": 0}""");
        using var stream = plugin.Open("1");
        stream.NextBatch(out var batch);
        var evt = batch[0];
        var foreign = new PluginEvent(evt.Pointer, 1, EventSourceName.Get("other"));
        var sink = new RecordingSink();
        Assert.False(plugin.Extract(foreign, [new PluginFieldRequest(0)], sink));
        Assert.Empty(sink.Values);
    }

    [Fact]
    public void Event_to_string_uses_the_plugin_rendering()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize("""{"jitter": 0}""");
        using var stream = plugin.Open("4");
        stream.NextBatch(out var batch);
        Assert.Equal("sample=3", plugin.EventToString(batch[3]));
    }

    [Fact]
    public void Open_params_are_listed_and_a_refusal_is_the_plugin_error()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var plugin = library.Initialize("{}");
        Assert.Equal([new PluginOpenParam("10", "Ten samples", ""), new PluginOpenParam("1000000", "A million samples", "")], plugin.ListOpenParams());
        var e = Assert.Throws<PluginException>(() => plugin.Open("many"));
        Assert.Equal("open params must be a number of events, not 'many'", e.Message);
        Assert.Equal("dummy", e.PluginName);
    }

    [Theory]
    [InlineData("""{"jitter": "x"}""", "error in plugin dummy init config: In <root>[jitter], Value type not permitted by 'type' constraint.")]
    [InlineData("""{"jitter": 1, "speed": 2}""", "error in plugin dummy init config: In <root>, Object contains a property that could not be validated using 'properties' or 'additionalProperties' constraints: 'speed'.")]
    [InlineData("not json", "error in plugin dummy: init config is not a valid json")]
    public void A_config_that_breaks_the_schema_is_rejected_before_init(string config, string message)
    {
        using var library = PluginLoader.Load(DummyPath);
        var e = Assert.Throws<PluginLoadException>(() => library.Initialize(config));
        Assert.Equal(PluginLoadStage.InitConfig, e.Stage);
        Assert.Equal(message, e.FalcoMessage);
    }

    [Fact]
    public void The_init_schema_is_generated_from_the_config_type()
    {
        using var library = PluginLoader.Load(DummyPath);
        Assert.Equal(
            """{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"jitter":{"description":"Random spread added to each sample (0 to 1000)","type":"integer"},"seed":{"description":"Seed of the random numbers, for reproducible streams","type":"integer"}},"additionalProperties":false}""",
            library.Descriptor.InitSchema.Text);
    }

    [Fact]
    public void A_config_the_plugin_refuses_is_an_init_failure()
    {
        using var library = PluginLoader.Load(DummyPath);
        var e = Assert.Throws<PluginLoadException>(() => library.Initialize("""{"jitter": 5000}"""));
        Assert.Equal(PluginLoadStage.Init, e.Stage);
        Assert.StartsWith("could not initialize plugin: jitter must be between 0 and 1000, not 5000", e.FalcoMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_without_a_plugin_is_rejected()
    {
        var sdk = Path.Combine(AppContext.BaseDirectory, "Peregrine.Sdk.dll");
        var e = Assert.Throws<PluginLoadException>(() => PluginLoader.Load(sdk));
        Assert.Equal(PluginLoadStage.OpenLibrary, e.Stage);
        Assert.Contains("has no public plugin type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_assembly_is_a_load_error()
    {
        Assert.False(PluginLoader.TryLoad("/nonexistent/Nothing.dll", out _, out var error));
        Assert.Equal(PluginLoadStage.OpenLibrary, error.Stage);
        Assert.StartsWith("cannot load plugin /nonexistent/Nothing.dll: can't load plugin dynamic library: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_initialization_is_an_independent_state()
    {
        using var library = PluginLoader.Load(DummyPath);
        using var a = library.Initialize("""{"jitter": 0}""");
        using var b = library.Initialize("""{"jitter": 0}""");
        using var sa = a.Open("3");
        using var sb = b.Open("2");
        sa.NextBatch(out var ba);
        sb.NextBatch(out var bb);
        Assert.Equal(3, ba.Count);
        Assert.Equal(2, bb.Count);
    }
}
