using Peregrine.Engine.Configuration;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary><c>rules_files</c>, the deprecated <c>rules_file</c>, and expanding them to files.</summary>
public sealed class RulesFilesConfigTests
{
    [Fact]
    public void Rules_files_keeps_order_and_only_existing_paths()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("b.yaml", "");
        dir.Write("a.yaml", "");
        dir.Mkdir("rules.d");
        var config = ConfigAssert.Clean(dir.LoadYaml("rules_files:\n  - b.yaml\n  - missing.yaml\n  - rules.d\n  - a.yaml\n"));
        Assert.Equal(["b.yaml", "missing.yaml", "rules.d", "a.yaml"], config.ConfiguredRulesFiles);
        Assert.Equal(["b.yaml", "rules.d", "a.yaml"], config.RulesFiles);
    }

    [Fact]
    public void Rules_files_may_be_a_single_path()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("only.yaml", "");
        Assert.Equal(["only.yaml"], ConfigAssert.Clean(dir.LoadYaml("rules_files: only.yaml\n")).RulesFiles);
    }

    [Fact]
    public void Deprecated_rules_file_works_with_Falco_warning()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("r.yaml", "");
        var result = dir.LoadYaml("rules_file:\n  - r.yaml\n");
        Assert.Equal(["r.yaml"], ConfigAssert.Succeeded(result).RulesFiles);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ConfigDiagnosticCode.DeprecatedKey, warning.Code);
        Assert.Equal("falco.yaml:1:1: rules_file: Using deprecated config key 'rules_file' (singular form). Please use new 'rules_files' config key (plural form).",
            ConfigAssert.Render(warning, dir));
    }

    [Fact]
    public void Both_keys_is_an_error_even_when_one_comes_from_an_option()
    {
        using var dir = new ConfigTestDirectory();
        var error = ConfigAssert.SingleError(dir.LoadYaml("rules_files: [a.yaml]\n", "rules_file=b.yaml"));
        Assert.Equal("-o rules_file=b.yaml: rules_file: both 'rules_files' and 'rules_file' keys set", error.ToString());
    }

    [Fact]
    public void Expand_lists_directories_sorted_and_keeps_only_yaml_names()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("rules.d/20-b.yaml", "");
        dir.Write("rules.d/10-a.yml", "");
        dir.Write("rules.d/notes.txt", "");
        dir.Write("rules.d/30-c.yaml.bak", "");
        dir.Write("rules.d/nested/40-d.yaml", "");
        dir.Write("main.yaml", "");
        dir.Write("other.json", "");
        var (files, folders) = RulesFilePaths.Expand(["main.yaml", "rules.d", "other.json", "absent.yaml", "rules.d/"], dir.Root);
        Assert.Equal(
            ["main.yaml", "rules.d/10-a.yml", "rules.d/20-b.yaml", "absent.yaml", "rules.d/10-a.yml", "rules.d/20-b.yaml"],
            files);
        Assert.Equal(["rules.d", "rules.d/"], folders);
    }

    [Fact]
    public void Expand_follows_Falco_wildcard_quirk_for_yaml_earlier_in_the_path()
    {
        using var dir = new ConfigTestDirectory();
        dir.Write("rules.yaml.d/x.yaml", "");
        var (files, _) = RulesFilePaths.Expand(["rules.yaml.d"], dir.Root);
        Assert.Empty(files);
    }

    [Theory]
    [InlineData("*.yaml", "a.yaml", true)]
    [InlineData("*.yaml", "a.yaml.yaml", false)]
    [InlineData("*.yaml", "a.yml", false)]
    [InlineData("*", "anything", true)]
    [InlineData("a*c", "abc", true)]
    [InlineData("a*c", "ab", false)]
    [InlineData("abc", "abc", true)]
    public void Falco_wildcard(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Peregrine.Rules.Rulesets.FalcoWildcard.Matches(pattern, text));
}
