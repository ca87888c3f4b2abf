using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary>How <c>plugins</c> entries reach the plugins shipped with Peregrine.</summary>
public sealed class BundledPluginsConfigTests
{
    private static string InstallManaged(ConfigTestDirectory dir, string name, string assembly) =>
        Path.Combine(dir.Root, dir.Write($"bundled/{name}/{assembly}.dll", "not really an assembly"));

    [Fact]
    public void A_bundled_plugin_needs_only_its_name()
    {
        using var dir = new ConfigTestDirectory();
        var json = InstallManaged(dir, "json", "Peregrine.Plugins.Json");
        var plugin = Assert.Single(ConfigAssert.Clean(dir.LoadYaml("plugins:\n  - name: json\n")).Plugins);
        Assert.Equal(json, plugin.LibraryPath);
        Assert.Equal("", plugin.RawLibraryPath);
    }

    [Fact]
    public void A_name_that_is_not_bundled_still_needs_a_library_path()
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("plugins:\n  - name: container\n"));
        Assert.Equal("falco.yaml:2:5: plugins[0]: could not load plugins config: a plugin entry needs a 'library_path'",
            ConfigAssert.Render(error, dir));
    }

    [Fact]
    public void A_bundled_name_that_is_not_installed_still_needs_a_library_path()
    {
        using var dir = new ConfigTestDirectory();
        Assert.Single(dir.LoadYaml("plugins:\n  - name: json\n").Errors);
    }

    [Theory]
    [InlineData("cloudtrail", "Peregrine.Plugins.CloudTrail")]
    [InlineData("k8saudit", "Peregrine.Plugins.K8sAudit")]
    [InlineData("json", "Peregrine.Plugins.Json")]
    public void Falco_stock_library_names_fall_back_to_the_bundled_plugin_when_not_installed(string name, string assembly)
    {
        using var dir = new ConfigTestDirectory();
        var bundled = InstallManaged(dir, name, assembly);
        var yaml = $"plugins_dir: {dir.Root}/falco-plugins\nplugins:\n  - name: {name}\n    library_path: lib{name}.so\n";
        var plugin = Assert.Single(ConfigAssert.Clean(dir.LoadYaml(yaml)).Plugins);
        Assert.Equal(bundled, plugin.LibraryPath);
        Assert.Equal($"lib{name}.so", plugin.RawLibraryPath);
    }

    [Fact]
    public void An_installed_library_wins_over_the_bundled_one()
    {
        using var dir = new ConfigTestDirectory();
        InstallManaged(dir, "json", "Peregrine.Plugins.Json");
        var installed = Path.Combine(dir.Root, dir.Write("falco-plugins/libjson.so", "a real library would be here"));
        var yaml = $"plugins_dir: {dir.Root}/falco-plugins\nplugins:\n  - name: json\n    library_path: libjson.so\n";
        Assert.Equal(installed, Assert.Single(ConfigAssert.Clean(dir.LoadYaml(yaml)).Plugins).LibraryPath);
    }

    [Fact]
    public void Other_missing_libraries_are_kept_as_written_for_the_loader_to_report()
    {
        using var dir = new ConfigTestDirectory();
        InstallManaged(dir, "json", "Peregrine.Plugins.Json");
        var plugin = Assert.Single(ConfigAssert.Clean(dir.LoadYaml("plugins:\n  - name: json\n    library_path: /nowhere/libother.so\n")).Plugins);
        Assert.Equal("/nowhere/libother.so", plugin.LibraryPath);
    }

    [Fact]
    public void A_host_that_loads_assemblies_takes_the_assembly_first()
    {
        using var dir = new ConfigTestDirectory();
        var managed = InstallManaged(dir, "json", "Peregrine.Plugins.Json");
        var native = Path.Combine(dir.Root, dir.Write("bundled/json/libjson.so", "a NativeAOT build"));
        var bundled = new BundledPlugins(Path.Combine(dir.Root, "bundled"), canLoadAssemblies: true);
        Assert.Equal(managed, bundled.FindByName("json"));
        File.Delete(managed);
        Assert.Equal(native, bundled.FindByName("json"));
    }

    [Fact]
    public void A_native_host_takes_only_the_native_library()
    {
        using var dir = new ConfigTestDirectory();
        InstallManaged(dir, "json", "Peregrine.Plugins.Json");
        var bundled = new BundledPlugins(Path.Combine(dir.Root, "bundled"), canLoadAssemblies: false);
        Assert.Null(bundled.FindByName("json"));
        var native = Path.Combine(dir.Root, dir.Write("bundled/json/libjson.so", "a NativeAOT build"));
        Assert.Equal(native, bundled.FindByName("json"));
    }

    [Fact]
    public void Only_the_shipped_plugins_are_bundled()
    {
        Assert.Equal(["json", "cloudtrail", "k8saudit"], BundledPlugins.Names);
    }
}
