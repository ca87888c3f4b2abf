using Peregrine.Rules.Rulesets;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Rulesets;

/// <summary>Rule order, enabled state, minimum priority and selection by name, wildcard and tag.</summary>
public sealed class RulesetTests
{
    private const string Rules = """
        - rule: Alpha shell
          desc: d
          condition: dt.name = a
          output: o
          priority: WARNING
          source: test
          tags: [shell, process]
        - rule: Beta network
          desc: d
          condition: dt.name = b
          output: o
          priority: DEBUG
          source: test
          tags: [network]
        - rule: Gamma shell
          desc: d
          condition: dt.name = c
          output: o
          priority: CRITICAL
          source: test
          enabled: false
          tags: [shell]
        - rule: Alpha shell
          desc: redefined, keeps its place
          condition: dt.name = a2
          output: o
          priority: WARNING
          source: test
          tags: [shell, process]
        """;

    private static Ruleset Load(Priority minimum = Priority.Debug)
    {
        var loader = new RulesLoader(TestSources.Create(), minimumPriority: minimum);
        var result = loader.Load("rules.yaml", Rules);
        Assert.True(result.Successful, Peregrine.Rules.Loading.LoadResultText.Verbose(result, loader.Contents));
        return loader.RulesetFor("test");
    }

    private static string[] Enabled(Ruleset ruleset) => ruleset.EnabledRules.Select(r => r.Name).ToArray();

    [Fact]
    public void Keeps_first_definition_order_and_enabled_flags()
    {
        var ruleset = Load();
        Assert.Equal(["Alpha shell", "Beta network", "Gamma shell"], ruleset.Rules.Select(r => r.Name));
        Assert.Equal(["Alpha shell", "Beta network"], Enabled(ruleset));
        Assert.Equal("redefined, keeps its place", ruleset.Rules[0].Description);
    }

    [Fact]
    public void Rules_below_the_minimum_priority_are_never_enabled()
    {
        var ruleset = Load(Priority.Warning);
        Assert.Equal(["Alpha shell"], Enabled(ruleset));
        ruleset.SetByName("*", enabled: true);
        Assert.Equal(["Alpha shell", "Gamma shell"], Enabled(ruleset));
    }

    [Theory]
    [InlineData("Gamma shell", true, new[] { "Alpha shell", "Beta network", "Gamma shell" })]
    [InlineData("*shell", true, new[] { "Alpha shell", "Beta network", "Gamma shell" })]
    [InlineData("Alpha*", false, new[] { "Beta network" })]
    [InlineData("*", false, new string[0])]
    [InlineData("*net*", false, new[] { "Alpha shell" })]
    [InlineData("alpha shell", false, new[] { "Alpha shell", "Beta network" })] // names are case-sensitive
    public void Selects_by_name_with_wildcards(string pattern, bool enable, string[] expected)
    {
        var ruleset = Load();
        ruleset.SetByName(pattern, enable);
        Assert.Equal(expected, Enabled(ruleset));
    }

    [Fact]
    public void Selects_by_tag_and_applies_selections_in_order()
    {
        var ruleset = Load();
        ruleset.SetByTags(new HashSet<string> { "shell" }, false);
        Assert.Equal(["Beta network"], Enabled(ruleset));
        ruleset.SetByTags(new HashSet<string> { "process", "nothing" }, true);
        Assert.Equal(["Alpha shell", "Beta network"], Enabled(ruleset));
    }

    [Theory]
    [InlineData("a*c", "abc", true)]
    [InlineData("a*c", "abcd", false)]
    [InlineData("*b*", "abc", true)]
    [InlineData("**", "anything", true)]
    [InlineData("abc", "abc", true)]
    [InlineData("ab", "abc", false)]
    [InlineData("*c", "abcc", false)] // greedy to the first 'c', as upstream's matcher
    public void Wildcard_matcher_behaves_like_upstream(string pattern, string name, bool expected) =>
        Assert.Equal(expected, FalcoWildcard.Matches(pattern, name));
}
