using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Tests.Support;

namespace Peregrine.Conditions.Tests.Parsing;

/// <summary>
/// Golden cases for the parser and the canonical printer: each condition either prints back as
/// the expected canonical text, or fails with Falco's message at the expected position.
/// </summary>
public sealed class ParserFixtureTests
{
    public static TheoryData<FixtureCase> Cases() => new(FixtureCase.Load("Parsing"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parses_as_Falco_does(FixtureCase fixture)
    {
        var result = ConditionParser.Parse(fixture.Input);
        if (fixture.Expected is not null)
        {
            Assert.True(result.Succeeded, $"expected success, got: {result.Error}");
            Assert.Equal(fixture.Expected, result.Expr.ToString());
            // The canonical text is itself a valid condition that prints back unchanged, except
            // for the cases collected in canonical_not_reparseable.cases, where Falco's printer
            // does not quote or escape enough to be read back.
            if (Path.GetFileNameWithoutExtension(fixture.File) == "canonical_not_reparseable") return;
            var reparsed = ConditionParser.Parse(fixture.Expected);
            Assert.True(reparsed.Succeeded, $"canonical text does not parse: {reparsed.Error}");
            Assert.Equal(fixture.Expected, reparsed.Expr.ToString());
        }
        else
        {
            Assert.False(result.Succeeded, $"expected failure, got: {result.Expr}");
            Assert.Equal(fixture.Error, result.Error.Message);
            if (fixture.Position is not null)
            {
                var p = result.Error.Position;
                Assert.Equal(fixture.Position, $"{p.Offset}:{p.Line}:{p.Column}");
            }
        }
    }

    [Fact]
    public void Every_fixture_file_has_cases()
    {
        var files = FixtureCase.Load("Parsing").GroupBy(c => c.File).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.NotEmpty(f));
    }
}
