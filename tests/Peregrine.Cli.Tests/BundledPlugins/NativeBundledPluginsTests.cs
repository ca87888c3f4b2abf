using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests.BundledPlugins;

/// <summary>
/// The bundled plugins published with NativeAOT (plugins/publish-native.sh) are Falco plugin
/// libraries: loaded through the native host (dlopen and the plugin C ABI, as Falco loads them)
/// under Falco's stock file names, they give the same alerts as the in-process assemblies.
/// </summary>
public sealed class NativeBundledPluginsTests(NativeBundledPluginsTests.PublishedPlugins published)
    : IClassFixture<NativeBundledPluginsTests.PublishedPlugins>
{
    [Fact]
    public void The_cloudtrail_example_runs_on_the_native_libraries()
    {
        var result = PeregrineProcess.Run(
            ["-c", "falco.yaml", "-o", $"plugins_dir={published.Directory}", "-o", "log_level=info"],
            null, TimeSpan.FromMinutes(2), RepositoryPaths.Examples("cloudtrail"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Loaded plugin 'cloudtrail@0.17.1' from file {published.Directory}/libcloudtrail.so", result.Stderr);
        Assert.Contains($"Loaded plugin 'json@0.7.4' from file {published.Directory}/libjson.so", result.Stderr);
        Assert.Contains("Events detected: 20\n", result.Stdout);
    }

    [Theory]
    [InlineData("create_nginx_pod_privileged.json", "Create Privileged Pod", 1)]
    [InlineData("create_configmap_sensitive_values.json", "Create/Modify Configmap With Private Credentials", 6)]
    public void A_k8s_sample_alerts_through_the_native_libraries(string sample, string rule, int count)
    {
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", $"""
            plugins:
              - name: k8saudit
                library_path: {published.Directory}/libk8saudit.so
                open_params: {RepositoryPaths.Reference("events/k8s_audit/" + sample)}
              - name: json
                library_path: {published.Directory}/libjson.so
            rules_files: [{RepositoryPaths.Reference("rules/current/k8s_audit_rules.yaml")}]
            stdout_output:
              enabled: true
            """);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Events detected: {count}\n", result.Stdout);
        Assert.Contains($"   {rule}: {count}\n", result.Stdout);
    }

    /// <summary>Runs plugins/publish-native.sh once for the class, into a temporary folder.</summary>
    public sealed class PublishedPlugins : IDisposable
    {
        public PublishedPlugins()
        {
            NestedBuild.Run("bash", [Path.Combine(RepositoryPaths.Root, "plugins", "publish-native.sh"), Directory], "publish-native.sh");
        }

        public string Directory { get; } = Path.Combine(Path.GetTempPath(), "peregrine-native-plugins-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // A library may still be mapped by an exiting child; the temp folder is cleaned up eventually.
            }
        }
    }
}
