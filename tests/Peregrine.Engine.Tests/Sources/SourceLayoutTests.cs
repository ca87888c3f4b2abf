using Peregrine.Engine.Fields;
using Peregrine.Engine.Sources;
using Peregrine.TestSupport;

namespace Peregrine.Engine.Tests.Sources;

public class SourceLayoutTests
{
    private static PluginSpec Spec(string path, string name = "p") => new(name, path);

    private static FatalError Fails(params PluginSpec[] specs)
    {
        return Assert.Throws<FatalError>(() =>
        {
            using var registry = PluginRegistry.Load(specs);
            SourceLayout.Build(registry);
        });
    }

    private static string ExtractorOf(string name, string fieldsJson, string sources) => ShapePlugin.Build(
        $"SHAPE_NAME:={name}", $"SHAPE_FIELDS:={fieldsJson}", "SHAPE_EXTRACT", $"SHAPE_EXTRACT_SOURCES:={sources}");

    [Fact]
    public void A_plugin_source_gets_the_generic_fields_then_each_extractor_in_load_order()
    {
        using var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter"), Spec(NativeFixtures.Extractor, "extractor")]);
        var source = Assert.Single(SourceLayout.Build(registry));

        Assert.Equal("counter", source.Name);
        Assert.Equal("counter", source.Input.Name);
        Assert.Equal(["counter", "extractor"], source.Members.Select(m => m.Name));
        var names = source.Catalog.Fields.Select(f => f.Name).ToList();
        Assert.Equal(GenericEventFields.All.Select(f => f.Name), names.Take(18));
        Assert.True(names.IndexOf("counter.value") < names.IndexOf("ex.str"));
        Assert.IsType<GenericField>(source.Catalog.Find("evt.num")!.Owner);
        var owner = Assert.IsType<PluginFieldOwner>(source.Catalog.Find("ex.str")!.Owner);
        Assert.Equal("extractor", owner.Plugin.Name);
    }

    [Fact]
    public void The_syscall_source_is_never_a_plugin_source()
    {
        using var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter")]);
        Assert.Equal(["counter"], registry.PluginSources);
    }

    [Fact]
    public void An_extractor_field_already_offered_by_an_earlier_plugin_is_an_overlap()
    {
        var clash = ExtractorOf("clash", """[{"type":"uint64","name":"counter.value","desc":"d"}]""", """["counter"]""");
        var error = Fails(Spec(NativeFixtures.Counter, "counter"), Spec(clash, "clash"));
        Assert.Equal("Plugin 'clash' supports extraction of field 'counter.value' that is overlapping for source 'counter'", error.Message);
        Assert.Equal(FatalErrorStyle.Error, error.Style);
    }

    [Fact]
    public void An_extractor_field_named_like_a_generic_field_is_an_overlap()
    {
        var clash = ExtractorOf("clash", """[{"type":"uint64","name":"evt.num","desc":"d"}]""", """["counter"]""");
        var error = Fails(Spec(NativeFixtures.Counter, "counter"), Spec(clash, "clash"));
        Assert.Equal("Plugin 'clash' supports extraction of field 'evt.num' that is overlapping for source 'counter'", error.Message);
    }

    [Fact]
    public void Overlaps_only_matter_within_one_source()
    {
        var elsewhere = ExtractorOf("elsewhere", """[{"type":"uint64","name":"counter.value","desc":"d"}]""", """["other"]""");
        var other = ShapePlugin.Build("SHAPE_NAME:=othersrc", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=7", "SHAPE_EVENT_SOURCE:=other");
        using var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter"), Spec(other, "othersrc"), Spec(elsewhere, "elsewhere")]);
        var sources = SourceLayout.Build(registry);
        Assert.Equal(["counter", "other"], sources.Select(s => s.Name));
        Assert.Equal(["othersrc", "elsewhere"], sources[1].Members.Select(m => m.Name));
    }

    [Fact]
    public void An_extractor_compatible_with_no_loaded_source_is_unused()
    {
        var lonely = ExtractorOf("lonely", """[{"type":"string","name":"lonely.f","desc":"d"}]""", """["nowhere"]""");
        var error = Fails(Spec(NativeFixtures.Counter, "counter"), Spec(lonely, "lonely"));
        Assert.Equal("Plugin 'lonely' is loaded but unused as not compatible with any known event source", error.Message);
    }

    [Fact]
    public void An_extractor_alone_could_only_serve_syscall_events_and_says_so()
    {
        var error = Fails(Spec(NativeFixtures.Extractor, "extractor"));
        Assert.StartsWith("Plugin 'extractor' is loaded but unused as not compatible with any known event source", error.Message);
    }

    [Fact]
    public void Two_plugins_with_the_same_name_cannot_both_register()
    {
        var error = Fails(Spec(NativeFixtures.Counter, "a"), Spec(NativeFixtures.Counter, "b"));
        Assert.Equal($"cannot register plugin {NativeFixtures.Counter} in inspector: found another plugin with name counter. Aborting.", error.Message);
        Assert.Equal(FatalErrorStyle.RuntimeError, error.Style);
        Assert.Equal($"Runtime error: {error.Message}. Exiting.", error.StderrLine);
    }

    [Fact]
    public void Two_sourcing_plugins_with_the_same_id_cannot_both_register()
    {
        var twin = ShapePlugin.Build("SHAPE_NAME:=twin", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=999", "SHAPE_EVENT_SOURCE:=twin");
        var error = Fails(Spec(NativeFixtures.Counter, "counter"), Spec(twin, "twin"));
        Assert.Equal($"cannot register plugin {twin} in inspector: found another plugin with ID 999. Aborting.", error.Message);
    }

    [Fact]
    public void Only_the_first_sourcing_plugin_of_a_source_serves_it()
    {
        var second = ShapePlugin.Build("SHAPE_NAME:=second", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=5", "SHAPE_EVENT_SOURCE:=counter");
        using var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter"), Spec(second, "second")]);
        var source = Assert.Single(SourceLayout.Build(registry));
        Assert.Equal("counter", source.Input.Name);
        Assert.Equal(["counter", "second"], source.Members.Select(m => m.Name));
    }

    [Fact]
    public void A_library_that_fails_to_load_is_a_runtime_error_naming_it()
    {
        var error = Fails(Spec("/nonexistent/libnothing.so"));
        Assert.StartsWith("cannot load plugin /nonexistent/libnothing.so: ", error.Message);
        Assert.Equal(FatalErrorStyle.RuntimeError, error.Style);
    }

    [Fact]
    public void Static_fields_follow_the_generic_fields_and_plugins_may_not_reuse_them()
    {
        var statics = new Dictionary<string, string> { ["zone"] = "eu", ["env"] = "prod" };
        using (var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter")]))
        {
            var names = Assert.Single(SourceLayout.Build(registry, statics)).Catalog.Fields.Select(f => f.Name).ToList();
            Assert.Equal(["static.env", "static.zone", "counter.value"], names.Skip(18).Take(3));
        }
        var clash = ExtractorOf("clash", """[{"type":"string","name":"static.env","desc":"d"}]""", """["counter"]""");
        var error = Assert.Throws<FatalError>(() =>
        {
            using var registry = PluginRegistry.Load([Spec(NativeFixtures.Counter, "counter"), Spec(clash, "clash")]);
            SourceLayout.Build(registry, statics);
        });
        Assert.Equal("Plugin 'clash' supports extraction of field 'static.env' that is overlapping for source 'counter'", error.Message);
    }
}
