using Peregrine.Rules.Tests.Support;
using Peregrine.Rules.Versions;

namespace Peregrine.Rules.Tests.Versions;

/// <summary>required_plugin_versions checked against loaded plugins (the matrix of Falco's unit tests).</summary>
public sealed class PluginRequirementTests
{
    private static string? Check(string rules, params (string Name, string Version)[] plugins)
    {
        var loader = new RulesLoader(ReferenceSources.None());
        var result = loader.Load("rules.yaml", rules);
        Assert.True(result.Successful, Peregrine.Rules.Loading.LoadResultText.Verbose(result, loader.Contents));
        return loader.CheckPluginRequirements(plugins.Select(p => new LoadedPlugin(p.Name, p.Version)).ToArray());
    }

    private static string Require(string name, string version, params (string Name, string Version)[] alternatives)
    {
        var text = $"- required_plugin_versions:\n  - name: {name}\n    version: {version}\n";
        if (alternatives.Length > 0)
        {
            text += "    alternatives:\n";
            foreach (var (n, v) in alternatives) text += $"      - name: {n}\n        version: {v}\n";
        }
        return text;
    }

    [Theory]
    [InlineData("0.1.0", "0.1.0")]
    [InlineData("0.1.0", "0.2.0")]
    [InlineData("0.1.0", "0.1.5")]
    [InlineData("1.2.3", "1.3.0")]
    [InlineData("1.2.3", "1.2.3-rc1")] // text after the third number is ignored
    public void Accepts_same_major_and_at_least_the_required_version(string required, string loaded) =>
        Assert.Null(Check(Require("k8saudit", required), ("k8saudit", loaded)));

    [Theory]
    [InlineData("0.2.0", "0.1.0")]
    [InlineData("0.1.0", "1.0.0")] // no special case for 0.x: the major must match
    [InlineData("1.0.0", "2.0.0")]
    [InlineData("1.2.3", "1.2.2")]
    public void Rejects_other_majors_and_older_versions(string required, string loaded) =>
        Assert.Equal($"Plugin 'k8saudit' version '{loaded}' is not compatible with required plugin version '{required}'",
            Check(Require("k8saudit", required), ("k8saudit", loaded)));

    [Fact]
    public void Reports_a_required_plugin_that_is_not_loaded() =>
        Assert.Equal("Plugin requirement not satisfied, must load one of: k8saudit (>= 0.1.0)",
            Check(Require("k8saudit", "0.1.0"), ("json", "0.7.0")));

    [Fact]
    public void Lists_every_alternative_when_none_is_loaded() =>
        Assert.Equal("Plugin requirement not satisfied, must load one of: k8saudit (>= 0.1.0), k8saudit-eks (>= 0.2.0)",
            Check(Require("k8saudit", "0.1.0", ("k8saudit-eks", "0.2.0"))));

    [Fact]
    public void An_alternative_satisfies_the_group() =>
        Assert.Null(Check(Require("k8saudit", "0.1.0", ("k8saudit-eks", "0.2.0")), ("k8saudit-eks", "0.2.1")));

    [Fact]
    public void The_first_loaded_entry_decides_the_group()
    {
        var rules = Require("k8saudit", "0.5.0", ("k8saudit-eks", "0.2.0"));
        Assert.Equal("Plugin 'k8saudit' version '0.1.0' is not compatible with required plugin version '0.5.0'",
            Check(rules, ("k8saudit", "0.1.0"), ("k8saudit-eks", "0.2.0")));
    }

    [Fact]
    public void Every_group_of_every_file_applies_so_the_strictest_wins()
    {
        var loader = new RulesLoader(ReferenceSources.None());
        loader.Load("a.yaml", Require("k8saudit", "0.1.0"));
        loader.Load("b.yaml", Require("k8saudit", "0.2.0"));
        Assert.Equal("Plugin 'k8saudit' version '0.1.0' is not compatible with required plugin version '0.2.0'",
            loader.CheckPluginRequirements([new LoadedPlugin("k8saudit", "0.1.0")]));
        Assert.Null(loader.CheckPluginRequirements([new LoadedPlugin("k8saudit", "0.3.0")]));
    }

    [Fact]
    public void A_plugin_with_an_unparsable_version_fails() =>
        Assert.Equal("Plugin 'k8saudit' has invalid version string 'latest'", Check(Require("k8saudit", "0.1.0"), ("k8saudit", "latest")));

    [Fact]
    public void The_upstream_k8s_rules_need_k8saudit_or_an_alternative_and_json()
    {
        var rules = ReferenceSources.RulesFile("current/k8s_audit_rules.yaml");
        Assert.Null(Check(rules, ("k8saudit", "0.18.0"), ("json", "0.7.0")));
        Assert.Null(Check(rules, ("k8saudit-gke", "0.9.0"), ("json", "0.7.0")));
        Assert.Equal("Plugin 'k8saudit' version '0.17.0' is not compatible with required plugin version '0.18.0'",
            Check(rules, ("k8saudit", "0.17.0"), ("json", "0.7.0")));
        Assert.Equal("Plugin requirement not satisfied, must load one of: json (>= 0.7.0)", Check(rules, ("k8saudit", "0.18.0")));
    }
}
