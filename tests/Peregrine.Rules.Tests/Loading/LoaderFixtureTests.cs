using Peregrine.Rules.Loading;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Loading;

/// <summary>Golden cases: rules content in, Falco's load outcome (errors, warnings, compiled conditions) out.</summary>
public sealed class LoaderFixtureTests
{
    public static TheoryData<RulesFixture> Cases() => new(RulesFixture.Load("Loading"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loads_as_Falco_does(RulesFixture fixture)
    {
        var loader = new RulesLoader(TestSources.Create());
        LoadResult result = null!;
        foreach (var (name, content) in fixture.Files) result = loader.Load(name, content);
        var report = LoadResultText.Verbose(result, loader.Contents);

        if (fixture.Error is null)
        {
            Assert.True(result.Successful, report);
            foreach (var (rule, condition) in fixture.Conditions)
            {
                var compiled = loader.Compiled!.Rules.SingleOrDefault(r => r.Name == rule);
                Assert.True(compiled is not null, $"rule '{rule}' was not compiled\n{report}");
                Assert.Equal(condition, compiled.ConditionTree.ToString());
            }
        }
        else
        {
            Assert.False(result.Successful, "expected an error\n" + report);
            var error = Assert.Single(result.Errors);
            Assert.Equal(fixture.Error, $"{error.Code.Code()}: {error.Message}");
            if (fixture.ErrorLocation is not null) Assert.Equal(fixture.ErrorLocation, Describe(error.Context.Locations[^1]));
        }
        Assert.Equal(fixture.Warnings, result.Warnings.Select(w => $"{w.Code.Code()}: {w.Message} @ {Describe(w.Context.Locations[^1])}"));
    }

    private static string Describe(LoadLocation location) =>
        $"{location.ItemType.Text()}{(location.ItemName.Length > 0 ? $" '{location.ItemName}'" : "")} {location.Position.Line}:{location.Position.Column}";
}
