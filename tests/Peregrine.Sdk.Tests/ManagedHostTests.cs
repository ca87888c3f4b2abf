using Peregrine.Plugins.Abi;
using Peregrine.Sdk.Testing;

namespace Peregrine.Sdk.Tests;

/// <summary>
/// The managed host's checks and failure handling: a plugin's exceptions become the failures and
/// error texts a native plugin would produce, and nothing escapes to the engine.
/// </summary>
public sealed class ManagedHostTests
{
    private static IPlugin Start(Fault fault)
    {
        Misbehaving.Next = fault;
        var library = PluginLoader.LoadManaged<Misbehaving>();
        return library.Initialize(null);
    }

    [Fact]
    public void An_exception_in_init_is_an_init_failure_with_its_message()
    {
        Misbehaving.Next = Fault.Init;
        using var library = PluginLoader.LoadManaged<Misbehaving>("/plugins/Bad.dll");
        var e = Assert.Throws<PluginLoadException>(() => library.Initialize(null));
        Assert.Equal(PluginLoadStage.Init, e.Stage);
        Assert.Equal("could not initialize plugin: boom in Init", e.FalcoMessage);
        Assert.Equal("cannot load plugin /plugins/Bad.dll: could not initialize plugin: boom in Init", e.Message);
    }

    [Fact]
    public void An_exception_in_list_open_params_is_reported_as_for_native_plugins()
    {
        using var plugin = Start(Fault.ListOpenParams);
        var e = Assert.Throws<PluginException>(() => plugin.ListOpenParams());
        Assert.Equal("error in plugin misbehaving: list_open_params has error boom in ListOpenParams", e.Message);
    }

    [Fact]
    public void An_exception_in_open_is_the_open_error()
    {
        using var plugin = Start(Fault.Open);
        var e = Assert.Throws<PluginException>(() => plugin.Open(""));
        Assert.Equal("boom in Open", e.Message);
    }

    [Fact]
    public void An_exception_in_next_batch_is_a_failure_with_the_last_error_and_the_stream_stays_failed()
    {
        using var plugin = Start(Fault.SecondBatch);
        using var stream = plugin.Open("");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.Equal(1, batch.Count);
        Assert.Equal(1000ul, batch[0].Timestamp);
        Assert.Equal(4242u, batch[0].PluginId);
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
        Assert.Equal("boom in SecondBatch", stream.LastError);
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
        Assert.Equal("boom in SecondBatch", stream.LastError);
    }

    [Fact]
    public void Events_returned_with_a_timeout_come_first_then_the_timeout()
    {
        using var plugin = Start(Fault.TimeoutWithEvents);
        using var stream = plugin.Open("");
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out var batch));
        Assert.Equal(1, batch.Count);
        Assert.Equal(PluginBatchStatus.Timeout, stream.NextBatch(out _));
        Assert.Equal(PluginBatchStatus.Success, stream.NextBatch(out batch));
        Assert.Equal(2ul, batch.FirstNumber);
    }

    [Fact]
    public void Success_without_events_is_the_native_error()
    {
        using var plugin = Start(Fault.EmptySuccess);
        using var stream = plugin.Open("");
        Assert.Equal(PluginBatchStatus.Failure, stream.NextBatch(out _));
        Assert.Equal("unexpected 0 size event returned by plugin misbehaving", stream.LastError);
    }

    [Theory]
    [InlineData(Fault.Extract, "boom in Extract")]
    [InlineData(Fault.WrongValueType, "field bad.value is of type uint64; a string value was written")]
    public void An_exception_in_extraction_fails_the_extraction(Fault fault, string error)
    {
        using var started = Start(fault);
        using var stream = started.Open("");
        stream.NextBatch(out var batch);
        var sink = new RecordingSink();
        Assert.False(started.Extract(batch[0], [new PluginFieldRequest(0)], sink));
        Assert.Equal(error, LastError(started));
    }

    [Fact]
    public void A_list_shorter_than_announced_fails_the_extraction()
    {
        using var plugin = Start(Fault.ShortList);
        using var stream = plugin.Open("");
        stream.NextBatch(out var batch);
        Assert.False(plugin.Extract(batch[0], [new PluginFieldRequest(1)], new RecordingSink()));
        Assert.Equal("field bad.list: BeginList(2) but 1 values written", LastError(plugin));
    }

    [Fact]
    public void An_exception_in_event_to_string_falls_back_to_the_default_rendering()
    {
        using var plugin = Start(Fault.EventToString);
        using var stream = plugin.Open("");
        stream.NextBatch(out var batch);
        Assert.Equal("datalen=1 data=x", plugin.EventToString(batch[0]));
    }

    [Fact]
    public void A_request_for_an_unknown_field_is_a_caller_bug()
    {
        using var plugin = Start(Fault.None);
        using var stream = plugin.Open("");
        stream.NextBatch(out var batch);
        var evt = batch[0];
        Assert.Throws<ArgumentOutOfRangeException>(() => plugin.Extract(evt, [new PluginFieldRequest(5)], new RecordingSink()));
    }

    [Fact]
    public void Disposing_the_plugin_closes_open_streams()
    {
        var plugin = Start(Fault.None);
        var stream = plugin.Open("");
        plugin.Dispose();
        Assert.Throws<ObjectDisposedException>(() => stream.NextBatch(out _));
        stream.Dispose();
    }

    [Theory]
    [InlineData(typeof(BadVersion), PluginLoadStage.PluginInfo, "cannot load plugin L: plugin provided an invalid version string: '1.x'")]
    [InlineData(typeof(OldApi), PluginLoadStage.ApiVersion, "cannot load plugin L: plugin required API version '2.0.0' not compatible with the framework's API version '3.12.0': major versions disagree")]
    [InlineData(typeof(FutureApi), PluginLoadStage.ApiVersion, "cannot load plugin L: plugin required API version '3.99.0' not compatible with the framework's API version '3.12.0': framework's minor is less than the requested one")]
    [InlineData(typeof(NoDescription), PluginLoadStage.Fields, "error in plugin nodesc: field JSON entry has no desc")]
    [InlineData(typeof(RequiredWithoutKind), PluginLoadStage.Fields, "error in plugin reqarg: field d.f arg has isRequired true, but none of isKey nor isIndex is true")]
    [InlineData(typeof(NoCapability), PluginLoadStage.Capabilities, "cannot load plugin L: plugin does not implement any capability")]
    [InlineData(typeof(SyscallSource), PluginLoadStage.Capabilities, "cannot load plugin L: plugin can't implement the reserved event source 'syscall'")]
    public void Plugin_descriptions_get_the_native_checks_and_messages(Type type, PluginLoadStage stage, string message)
    {
        var e = Assert.Throws<PluginLoadException>(() => Load(type));
        Assert.Equal(stage, e.Stage);
        Assert.Equal(message, e.FalcoMessage);
    }

    [Fact]
    public void Extract_sources_are_declared_in_the_info()
    {
        using var library = PluginLoader.LoadManaged<ExtractOnly>();
        Assert.Equal(PluginCapabilities.Extraction, library.Descriptor.Capabilities);
        Assert.Equal(["aws_cloudtrail", "dummy"], library.Descriptor.ExtractEventSources.Order());
        using var plugin = library.Initialize(null);
        Assert.Equal([PluginEventLayout.PluginEventType], plugin.ExtractEventTypes.Codes);
        Assert.Empty(plugin.ListOpenParams());
        var e = Assert.Throws<PluginException>(() => plugin.Open(""));
        Assert.Equal("plugin extractonly has not event sourcing capabilities and cannot be used as input.", e.Message);
    }

    [Fact]
    public void A_typed_config_is_bound_and_a_missing_required_member_is_rejected()
    {
        using var library = PluginLoader.LoadManaged<ConfiguredPlugin>();
        var e = Assert.Throws<PluginLoadException>(() => library.Initialize("{}"));
        Assert.Equal(PluginLoadStage.InitConfig, e.Stage);
        Assert.Equal("error in plugin configured init config: In <root>, Missing required property 'Name'.", e.FalcoMessage);

        using var host = PluginTestHost.Create<ConfiguredPlugin>("""{"Name": "alpha"}""");
        Assert.Equal("configured", host.Descriptor.Name);
    }

    private static string LastError(IPlugin plugin) => ((Peregrine.Plugins.Managed.ManagedPlugin)plugin).LastError;

    private static IPluginLibrary Load(Type type) => type.Name switch
    {
        nameof(BadVersion) => PluginLoader.LoadManaged<BadVersion>("L"),
        nameof(OldApi) => PluginLoader.LoadManaged<OldApi>("L"),
        nameof(FutureApi) => PluginLoader.LoadManaged<FutureApi>("L"),
        nameof(NoDescription) => PluginLoader.LoadManaged<NoDescription>("L"),
        nameof(RequiredWithoutKind) => PluginLoader.LoadManaged<RequiredWithoutKind>("L"),
        nameof(NoCapability) => PluginLoader.LoadManaged<NoCapability>("L"),
        nameof(SyscallSource) => PluginLoader.LoadManaged<SyscallSource>("L"),
        _ => throw new ArgumentException(type.Name),
    };
}
