using Peregrine.Rules.Loading;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Loading;

/// <summary>
/// List and macro names are checked with a full match. These names cannot be written in a
/// <c>.cases</c> file, whose locations print the name on one line.
/// </summary>
public sealed class ItemNameTests
{
    private static IEnumerable<LoadWarningCode> Warnings(string rules)
    {
        var loader = new RulesLoader(TestSources.Create());
        var result = loader.Load("rules.yaml", rules);
        Assert.True(result.Successful, LoadResultText.Verbose(result, loader.Contents));
        return result.Warnings.Select(w => w.Code);
    }

    [Theory]
    [InlineData("m\\n")]
    [InlineData("m\\r\\n")]
    public void A_macro_name_ending_in_a_line_break_is_invalid(string name) =>
        Assert.Contains(LoadWarningCode.InvalidMacroName, Warnings($"- macro: \"{name}\"\n  condition: dt.name = a\n"));

    [Theory]
    [InlineData("l\\n")]
    [InlineData("l\\r\\n")]
    public void A_list_name_ending_in_a_line_break_is_invalid(string name) =>
        Assert.Contains(LoadWarningCode.InvalidListName, Warnings($"- list: \"{name}\"\n  items: [a]\n"));

    [Fact]
    public void Valid_names_are_not_warned_about()
    {
        var warnings = Warnings("- macro: m\n  condition: dt.name = a\n- list: l\n  items: [a]\n").ToArray();
        Assert.DoesNotContain(LoadWarningCode.InvalidMacroName, warnings);
        Assert.DoesNotContain(LoadWarningCode.InvalidListName, warnings);
    }
}
