using Peregrine.Plugins.Tests.Support;

namespace Peregrine.Plugins.Tests.Loading;

/// <summary>
/// Every load-time rejection, with the exact text: <c>cannot load plugin &lt;path&gt;: &lt;Falco's reason&gt;</c>.
/// </summary>
public class LoadFailureTests
{
    [Fact]
    public void Missing_library_reports_dlerror()
    {
        var path = Path.Combine(Path.GetTempPath(), "peregrine-no-such-plugin", "libnothing.so");
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: can't load plugin dynamic library: {path}: cannot open shared object file: No such file or directory", error.Message);
        Assert.Equal(error.Message, error.FalcoMessage);
        Assert.Equal(PluginLoadStage.OpenLibrary, error.Stage);
        Assert.Equal(path, error.LibraryPath);
    }

    [Fact]
    public void Unresolvable_symbol_fails_at_load_because_binding_is_immediate()
    {
        var path = Shape.Build(["SHAPE_UNDEFINED_SYMBOL", .. Shape.Extraction]);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: can't load plugin dynamic library: {path}: undefined symbol: peregrine_symbol_that_does_not_exist", error.Message);
    }

    [Fact]
    public void Not_a_shared_library()
    {
        var path = Path.Combine(Path.GetTempPath(), $"peregrine-not-elf-{Guid.NewGuid():N}.so");
        File.WriteAllText(path, new string('x', 4096)); // long enough for the loader to read a whole ELF header
        try
        {
            var error = Shape.LoadFails(path);
            Assert.StartsWith($"cannot load plugin {path}: can't load plugin dynamic library: {path}: ", error.Message);
            Assert.Contains("invalid ELF header", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_required_api_version_symbol()
    {
        var path = Shape.Build(["SHAPE_OMIT_GET_REQUIRED_API_VERSION", .. Shape.Extraction]);
        Assert.Equal($"cannot load plugin {path}: plugin_get_required_api_version symbol not implemented", Shape.LoadFails(path).Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("3.x.0")]
    [InlineData("3.0")]
    [InlineData("")]
    [InlineData(" .1.2")]
    public void Malformed_required_api_version(string version)
    {
        var path = Shape.Build(["SHAPE_API_VERSION:=" + version, .. Shape.Extraction]);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: plugin provided an invalid required API version: '{version}'", error.Message);
        Assert.Equal(PluginLoadStage.ApiVersion, error.Stage);
    }

    [Fact]
    public void Null_required_api_version_reads_as_empty()
    {
        var path = Shape.Build(["SHAPE_NULL_API_VERSION", .. Shape.Extraction]);
        Assert.Equal($"cannot load plugin {path}: plugin provided an invalid required API version: ''", Shape.LoadFails(path).Message);
    }

    [Theory]
    [InlineData("4.0.0", "3.12.0", "major versions disagree")]
    [InlineData("1.0.0", "3.12.0", "major versions disagree")]
    [InlineData("0.3.0", "3.12.0", "major versions disagree")]
    [InlineData("3.13.0", "3.12.0", "framework's minor is less than the requested one")]
    [InlineData("3.12.1", "3.12.0", "framework's patch is less than the requested one")]
    [InlineData("2.1.0", "2.0.0", "framework's minor is less than the requested one")]
    [InlineData("2.0.7", "2.0.0", "framework's patch is less than the requested one")]
    public void Incompatible_api_version(string required, string framework, string reason)
    {
        var path = Shape.Build(["SHAPE_API_VERSION:=" + required, .. Shape.Extraction]);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: plugin required API version '{required}' not compatible with the framework's API version '{framework}': {reason}", error.Message);
        Assert.Equal(PluginLoadStage.ApiVersion, error.Stage);
    }

    [Theory]
    [InlineData("3.0.0", PluginAbiVersion.V3)]
    [InlineData("3.11.9", PluginAbiVersion.V3)]
    [InlineData("3.12.0", PluginAbiVersion.V3)]
    [InlineData("3.0.0-rc1", PluginAbiVersion.V3)]
    [InlineData(" 3. 1.0trailing", PluginAbiVersion.V3)]
    [InlineData("2.0.0", PluginAbiVersion.V2)]
    public void Compatible_api_versions_load(string required, PluginAbiVersion abi)
    {
        var path = Shape.Build(["SHAPE_API_VERSION:=" + required, .. Shape.Extraction]);
        using var library = PluginLoader.Load(path);
        Assert.Equal(abi, library.Descriptor.Abi);
        Assert.Equal(required, library.Descriptor.RequiredApiVersion);
    }

    [Theory]
    [InlineData("GET_VERSION", "get_version")]
    [InlineData("GET_NAME", "get_name")]
    [InlineData("GET_DESCRIPTION", "get_description")]
    [InlineData("GET_CONTACT", "get_contact")]
    [InlineData("INIT", "init")]
    [InlineData("DESTROY", "destroy")]
    [InlineData("GET_LAST_ERROR", "get_last_error")]
    public void Missing_required_symbol(string omitted, string reported)
    {
        var path = Shape.Build(["SHAPE_OMIT_" + omitted, .. Shape.Extraction]);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: required symbol not implemented: '{reported}'", error.Message);
        Assert.Equal(PluginLoadStage.RequiredSymbols, error.Stage);
    }

    [Fact]
    public void Required_symbols_are_checked_in_libs_order()
    {
        var path = Shape.Build(["SHAPE_OMIT_GET_LAST_ERROR", "SHAPE_OMIT_GET_CONTACT", "SHAPE_OMIT_GET_NAME", .. Shape.Extraction]);
        Assert.Equal($"cannot load plugin {path}: required symbol not implemented: 'get_name'", Shape.LoadFails(path).Message);
    }

    [Fact]
    public void Api_version_is_checked_before_required_symbols()
    {
        var path = Shape.Build(["SHAPE_API_VERSION:=9.0.0", "SHAPE_OMIT_GET_NAME", .. Shape.Extraction]);
        Assert.Equal(PluginLoadStage.ApiVersion, Shape.LoadFails(path).Stage);
    }

    [Fact]
    public void Legacy_plugins_use_the_current_wording_for_missing_symbols()
    {
        var path = Shape.Build(["SHAPE_API_VERSION:=2.0.0", "SHAPE_OMIT_DESTROY", .. Shape.Extraction]);
        Assert.Equal($"cannot load plugin {path}: required symbol not implemented: 'destroy'", Shape.LoadFails(path).Message);
    }

    [Theory]
    [InlineData("1.x")]
    [InlineData("v1.0.0")]
    [InlineData("")]
    public void Invalid_plugin_version(string version)
    {
        var path = Shape.Build(["SHAPE_VERSION:=" + version, .. Shape.Extraction]);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: plugin provided an invalid version string: '{version}'", error.Message);
        Assert.Equal(PluginLoadStage.PluginInfo, error.Stage);
        Assert.Equal("shape", error.PluginName);
    }

    public static TheoryData<string[], string> BrokenCapabilities() => new()
    {
        { ["SHAPE_OPEN"], "must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)" },
        { ["SHAPE_OPEN", "SHAPE_CLOSE"], "must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)" },
        { ["SHAPE_NEXT_BATCH"], "must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)" },
        { ["SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=7"], "must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)" },
        { ["SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_EVENT_SOURCE:=x"], "must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)" },
        { ["SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=0", "SHAPE_EVENT_SOURCE:=x"], "must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)" },
        { ["SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=7", "SHAPE_EVENT_SOURCE:="], "must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)" },
        { ["SHAPE_EXTRACT"], "must implement both 'plugin_get_fields' and 'plugin_extract_fields' (field extraction)" },
        { ["SHAPE_ASYNC_HANDLER"], "must implement both 'plugin_get_async_events' and 'plugin_set_async_event_handler' (async events)" },
        { ["SHAPE_CAPTURE_OPEN"], "must implement both 'plugin_capture_open' and 'plugin_capture_close' (capture listening)" },
        {
            ["SHAPE_CLOSE", "SHAPE_EXTRACT", "SHAPE_ASYNC_HANDLER", "SHAPE_CAPTURE_OPEN", "SHAPE_PARSE"],
            "must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing), "
            + "must implement both 'plugin_get_fields' and 'plugin_extract_fields' (field extraction), "
            + "must implement both 'plugin_get_async_events' and 'plugin_set_async_event_handler' (async events), "
            + "must implement both 'plugin_capture_open' and 'plugin_capture_close' (capture listening)"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenCapabilities))]
    public void Broken_capabilities(string[] defines, string reasons)
    {
        var path = Shape.Build(defines);
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: broken plugin capabilities: {reasons}", error.Message);
        Assert.Equal(PluginLoadStage.Capabilities, error.Stage);
    }

    public static TheoryData<string[]> WithoutCapability() => new()
    {
        Array.Empty<string>(),
        new[] { "SHAPE_FIELDS:=[]" }, // get_fields alone is ignored
        new[] { "SHAPE_ASYNC_EVENTS:=[\"e\"]" }, // get_async_events alone is ignored
        new[] { "SHAPE_CAPTURE_CLOSE" }, // capture_close alone is ignored
        new[] { "SHAPE_ID=3", "SHAPE_EVENT_SOURCE:=x" }, // no open/close/next_batch
    };

    [Theory]
    [MemberData(nameof(WithoutCapability))]
    public void No_capability(string[] defines)
    {
        var path = Shape.Build(defines);
        Assert.Equal($"cannot load plugin {path}: plugin does not implement any capability", Shape.LoadFails(path).Message);
    }

    [Fact]
    public void Legacy_plugin_without_capability()
    {
        // 2.0 sourcing needs get_id and get_event_source too; without them nothing remains.
        var path = Shape.Build("SHAPE_API_VERSION:=2.0.0", "SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH");
        Assert.Equal($"cannot load plugin {path}: plugin does not implement any capability", Shape.LoadFails(path).Message);
    }

    [Fact]
    public void Reserved_syscall_source()
    {
        var path = Shape.Build("SHAPE_OPEN", "SHAPE_CLOSE", "SHAPE_NEXT_BATCH", "SHAPE_ID=77", "SHAPE_EVENT_SOURCE:=syscall");
        var error = Shape.LoadFails(path);
        Assert.Equal($"cannot load plugin {path}: plugin can't implement the reserved event source 'syscall'", error.Message);
        Assert.Equal(PluginLoadStage.Capabilities, error.Stage);
    }

    public static TheoryData<string[], string, string> SourceListErrors() => new()
    {
        { [.. Shape.Extraction, "SHAPE_EXTRACT_SOURCES:={}"], "'get_extract_event_sources' did not return a json array", "extract" },
        { [.. Shape.Extraction, "SHAPE_EXTRACT_SOURCES:=[\"a\",{}]"], "'get_extract_event_sources' did not return a json array", "extract" },
        { [.. Shape.Extraction, "SHAPE_EXTRACT_SOURCES:=not json"], "'get_extract_event_sources' did not return a json array", "extract" },
        { ["SHAPE_PARSE", "SHAPE_PARSE_SOURCES:=[[\"x\"]]"], "'get_parse_event_sources' did not return a json array", "parse" },
        { ["SHAPE_ASYNC_HANDLER", "SHAPE_ASYNC_EVENTS:="], "'get_async_events' did not return a json array but it should", "async" },
        { ["SHAPE_ASYNC_HANDLER", "SHAPE_ASYNC_EVENTS:={\"a\":1}"], "'get_async_events' did not return a json array", "async" },
        { ["SHAPE_ASYNC_HANDLER", "SHAPE_ASYNC_EVENTS:=[\"e\"]", "SHAPE_ASYNC_SOURCES:=3"], "'get_async_event_sources' did not return a json array", "async" },
    };

    [Theory]
    [MemberData(nameof(SourceListErrors))]
    public void Invalid_source_lists(string[] defines, string reason, string kind)
    {
        _ = kind;
        var path = Shape.Build(defines);
        var error = Shape.LoadFails(path);
        Assert.Equal($"error in plugin shape: {reason}", error.FalcoMessage);
        Assert.Equal($"cannot load plugin {path}: error in plugin shape: {reason}", error.Message);
        Assert.Equal(PluginLoadStage.EventSources, error.Stage);
    }

    [Fact]
    public void TryLoad_returns_the_error_instead_of_throwing()
    {
        var path = Shape.Build();
        Assert.False(PluginLoader.TryLoad(path, out var library, out var error));
        Assert.Null(library);
        Assert.Equal($"cannot load plugin {path}: plugin does not implement any capability", error.Message);
        Assert.True(PluginLoader.TryLoad(Shape.Build(Shape.Extraction), out library, out error));
        Assert.Null(error);
        library.Dispose();
    }
}
