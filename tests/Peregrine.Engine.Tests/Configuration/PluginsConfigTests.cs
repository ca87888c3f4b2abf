using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary><c>plugins</c>, <c>load_plugins</c>, <c>plugins_dir</c> and the <c>init_config</c> JSON text.</summary>
public sealed class PluginsConfigTests
{
    private const string ThreePlugins = """
        plugins:
          - name: a
            library_path: liba.so
          - name: b
            library_path: libb.so
          - name: c
            library_path: libc.so
        """;

    private static FalcoConfiguration Load(string yaml, params string[] overrides)
    {
        using var dir = new ConfigTestDirectory();
        return ConfigAssert.Clean(dir.LoadYaml(yaml, overrides));
    }

    [Fact]
    public void Without_load_plugins_every_entry_loads_in_file_order()
    {
        var config = Load(ThreePlugins);
        Assert.Null(config.LoadPlugins);
        Assert.Equal(["a", "b", "c"], config.Plugins.Select(p => p.Name));
    }

    [Fact]
    public void Load_plugins_selects_in_its_own_order()
    {
        var config = Load(ThreePlugins + "\nload_plugins: [c, a]\n");
        Assert.Equal(["c", "a"], config.LoadPlugins!);
        Assert.Equal(["c", "a"], config.Plugins.Select(p => p.Name));
        Assert.Equal(["a", "b", "c"], config.PluginDefinitions.Select(p => p.Name));
    }

    [Theory]
    [InlineData("load_plugins: []\n")]
    [InlineData("load_plugins:\n")]
    public void Empty_or_null_load_plugins_loads_nothing(string loadPlugins)
    {
        var config = Load(ThreePlugins + "\n" + loadPlugins);
        Assert.Empty(config.Plugins);
        Assert.NotNull(config.LoadPlugins);
    }

    [Fact]
    public void Load_plugins_as_a_single_name()
    {
        Assert.Equal(["b"], Load(ThreePlugins + "\nload_plugins: b\n").Plugins.Select(p => p.Name));
    }

    [Fact]
    public void Every_name_without_an_entry_is_an_error()
    {
        using var dir = new ConfigTestDirectory();
        var result = dir.LoadYaml(ThreePlugins + "\nload_plugins: [a, k8saudit, json]\n");
        Assert.Null(result.Configuration);
        Assert.Equal(
            [
                "falco.yaml:8:19: load_plugins[1]: Cannot load plugin 'k8saudit': plugin config not found for given name",
                "falco.yaml:8:29: load_plugins[2]: Cannot load plugin 'json': plugin config not found for given name",
            ],
            result.Errors.Select(e => ConfigAssert.Render(e, dir)));
    }

    [Fact]
    public void Duplicate_names_select_the_first_entry()
    {
        var config = Load("plugins:\n  - {name: a, library_path: /first.so}\n  - {name: a, library_path: /second.so}\nload_plugins: [a]\n");
        Assert.Equal("/first.so", Assert.Single(config.Plugins).LibraryPath);
    }

    [Theory]
    [InlineData("libjson.so", "/usr/share/falco/plugins/libjson.so")]
    [InlineData("./libjson.so", "/usr/share/falco/plugins/libjson.so")]
    [InlineData("sub/libjson.so", "/usr/share/falco/plugins/sub/libjson.so")]
    [InlineData("sub/../libjson.so", "/usr/share/falco/plugins/libjson.so")]
    [InlineData("sub//x/./libjson.so", "/usr/share/falco/plugins/sub/x/libjson.so")]
    [InlineData("/opt/libjson.so", "/opt/libjson.so")]
    [InlineData("/opt/../x/./libjson.so", "/opt/../x/./libjson.so")]
    [InlineData("", "")]
    public void Relative_library_path_resolves_against_the_plugins_directory(string raw, string expected)
    {
        var plugin = Assert.Single(Load($"plugins:\n  - name: p\n    library_path: '{raw}'\n").Plugins);
        Assert.Equal(expected, plugin.LibraryPath);
        Assert.Equal(raw, plugin.RawLibraryPath);
    }

    [Theory]
    [InlineData("/opt/peregrine/plugins", "/opt/peregrine/plugins/libjson.so")]
    [InlineData("/opt/peregrine/plugins/", "/opt/peregrine/plugins/libjson.so")]
    [InlineData("plugins", "plugins/libjson.so")]
    public void Plugins_dir_moves_the_resolution(string directory, string expected)
    {
        var config = Load($"plugins_dir: {directory}\nplugins:\n  - name: p\n    library_path: libjson.so\n");
        Assert.Equal(directory, config.PluginsDirectory);
        Assert.Equal(expected, config.Plugins[0].LibraryPath);
    }

    [Fact]
    public void Plugins_dir_can_be_set_by_an_option_or_by_the_host()
    {
        Assert.Equal("/x/libjson.so", Load("plugins:\n  - name: p\n    library_path: libjson.so\n", "plugins_dir=/x").Plugins[0].LibraryPath);

        using var dir = new ConfigTestDirectory();
        dir.Write("falco.yaml", "plugins:\n  - name: p\n    library_path: libjson.so\n");
        var result = ConfigurationLoader.Load(Path.Combine(dir.Root, "falco.yaml"), [], dir.Options with { DefaultPluginsDirectory = "/usr/lib/peregrine/plugins/" });
        Assert.Equal("/usr/lib/peregrine/plugins/libjson.so", ConfigAssert.Clean(result).Plugins[0].LibraryPath);
    }

    [Theory]
    [InlineData("init_config: '{\"a\": 1}'", "{\"a\": 1}")]
    [InlineData("init_config: plain text", "plain text")]
    [InlineData("init_config: ''", "")]
    [InlineData("init_config:", "")]
    [InlineData("init_config: ~", "")]
    [InlineData("init_config: 42", "42")]
    [InlineData("init_config: {b: 1, a: 2}", "{\"a\":2,\"b\":1}")]
    [InlineData("init_config: {}", "null")]
    [InlineData("init_config: {a: {}, b: [], c: ~, d: ''}", "{\"a\":null,\"b\":null,\"c\":null,\"d\":\"\"}")]
    [InlineData("init_config: [1, x, {k: v}]", "[1,\"x\",{\"k\":\"v\"}]")]
    [InlineData("init_config: {a: 1, a: 2}", "{\"a\":2}")]
    public void Init_config_text(string line, string expected)
    {
        var plugin = Load($"plugins:\n  - name: p\n    library_path: /p.so\n    {line}\n").Plugins[0];
        Assert.Equal(expected, plugin.InitConfig);
        Assert.Equal(expected.Length > 0, plugin.HasInitConfig);
    }

    [Theory]
    [InlineData("'1'", "1")]
    [InlineData("-7", "-7")]
    [InlineData("0x1F", "31")]
    [InlineData("010", "8")]
    [InlineData("08", "8.0")]
    [InlineData("2147483648", "2147483648.0")]
    [InlineData("1.5", "1.5")]
    [InlineData(".1", "0.1")]
    [InlineData("1e3", "1000.0")]
    [InlineData("1e20", "1e+20")]
    [InlineData("1.5e-7", "1.5e-07")]
    [InlineData("0.0001", "0.0001")]
    [InlineData("0.00001", "1e-05")]
    [InlineData("123456789012345", "123456789012345.0")]
    [InlineData("1234567890123456", "1.234567890123456e+15")]
    [InlineData(".inf", "null")]
    [InlineData("-0.0", "-0.0")]
    [InlineData("true", "true")]
    [InlineData("Off", "false")]
    [InlineData("y", "true")]
    [InlineData("tRUE", "\"tRUE\"")]
    [InlineData("\"quote\\\" back\\\\ tab\\t nl\\n bell\\a é\"", "\"quote\\\" back\\\\ tab\\t nl\\n bell\\u0007 é\"")]
    public void Init_config_scalars_are_typed_as_Falco_types_them(string yaml, string json)
    {
        var plugin = Load($"plugins:\n  - name: p\n    library_path: /p.so\n    init_config:\n      k: {yaml}\n").Plugins[0];
        Assert.Equal("{\"k\":" + json + "}", plugin.InitConfig);
    }

    [Fact]
    public void Keys_sort_by_bytes()
    {
        var plugin = Load("plugins:\n  - name: p\n    library_path: /p.so\n    init_config: {b: 1, B: 2, é: 3, a: 4, _: 5}\n").Plugins[0];
        Assert.Equal("{\"B\":2,\"_\":5,\"a\":4,\"b\":1,\"é\":3}", plugin.InitConfig);
    }

    [Fact]
    public void Open_params_are_trimmed()
    {
        Assert.Equal("x y", Load("plugins:\n  - name: p\n    library_path: /p.so\n    open_params: \"\\t x y \\n\"\n").Plugins[0].OpenParams);
    }

    [Fact]
    public void Entry_location_is_kept_for_later_messages()
    {
        using var dir = new ConfigTestDirectory();
        var plugin = ConfigAssert.Clean(dir.LoadYaml(ThreePlugins)).Plugins[1];
        Assert.Equal((4, 5), (plugin.Location.Line, plugin.Location.Column));
    }
}
