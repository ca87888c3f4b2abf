using System.Text.Json;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;
using Peregrine.Engine;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Sources;

namespace Peregrine.Cli.Tests.BundledPlugins;

/// <summary>
/// The upstream rules files load with the bundled plugins exactly as with Falco's: no error and no
/// warning, every field of every condition, exception and output known to the real plugins.
/// </summary>
public sealed class UpstreamRulesTests
{
    [Theory]
    [InlineData("current/aws_cloudtrail_rules.yaml", "cloudtrail")]
    [InlineData("cloudtrail-0.6.0/aws_cloudtrail_rules.yaml", "cloudtrail")]
    [InlineData("current/k8s_audit_rules.yaml", "k8saudit")]
    [InlineData("k8saudit-0.4.0/k8s_audit_rules.yaml", "k8saudit")]
    public void Validates_with_no_error_and_no_warning(string rulesFile, string plugin)
    {
        using var workspace = new Workspace();
        // Only names: the bundled plugins need no library_path.
        var config = workspace.Write("falco.yaml", $"plugins:\n  - name: {plugin}\n  - name: json\nload_plugins: [{plugin}, json]\njson_output: true\n");

        var result = PeregrineProcess.Run("-c", config, "-V", RepositoryPaths.Reference("rules/" + rulesFile));

        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var load = Assert.Single(json.RootElement.GetProperty("falco_load_results").EnumerateArray());
        Assert.True(load.GetProperty("successful").GetBoolean(), result.Stdout);
        Assert.Empty(load.GetProperty("errors").EnumerateArray());
        Assert.Empty(load.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void Gke_overrides_load_cleanly_after_the_current_rules_and_ask_for_the_gke_plugin()
    {
        using var engine = DetectionEngine.Create(
            [Bundled("k8saudit"), Bundled("json")], new EngineOptions());

        foreach (var file in new[] { "current/k8s_audit_rules.yaml", "current/k8s_audit_rules_gke.yaml" })
        {
            var path = RepositoryPaths.Reference("rules/" + file);
            var result = engine.LoadRules(path, File.ReadAllText(path));
            Assert.True(result.Successful, string.Join("\n", result.Errors));
            Assert.Empty(result.Warnings);
        }

        // The overrides file requires k8saudit-gke with no alternative: Falco refuses it with the
        // k8saudit plugin too, so the requirement check names it.
        Assert.Contains("k8saudit-gke", engine.CheckPluginRequirements());
    }

    private static PluginSpec Bundled(string name) =>
        new(name, Engine.Configuration.BundledPlugins.Default.FindByName(name) ?? throw new InvalidOperationException($"bundled plugin {name} is not built beside the tests"));
}
