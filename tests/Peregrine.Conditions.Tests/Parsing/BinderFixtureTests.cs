using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Parsing;
using Peregrine.Conditions.Tests.Support;

namespace Peregrine.Conditions.Tests.Parsing;

/// <summary>
/// Golden cases for binding against <see cref="TestCatalog"/>: a condition binds (<c>=&gt; ok</c>,
/// with its exact warnings as <c>~&gt; message @ offset:line:column</c> lines), or fails with
/// Falco's message at the position of the failing check.
/// </summary>
public sealed class BinderFixtureTests
{
    public static TheoryData<FixtureCase> Cases() => new(FixtureCase.Load("Binding"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Binds_as_Falco_does(FixtureCase fixture)
    {
        var parsed = ConditionParser.Parse(fixture.Input);
        Assert.True(parsed.Succeeded, $"binder fixtures must parse: {parsed.Error}");
        var result = new ConditionBinder(TestCatalog.Instance, new FieldSlotTable()).Bind(parsed.Expr);
        if (fixture.Expected is not null)
        {
            Assert.Equal("ok", fixture.Expected);
            Assert.True(result.Succeeded, $"expected success, got: {result.Error}");
            var warnings = result.Warnings.Select(w => $"{w.Message} @ {w.Position.Offset}:{w.Position.Line}:{w.Position.Column}");
            Assert.Equal(fixture.Notes, warnings);
        }
        else
        {
            Assert.False(result.Succeeded, "expected a binding error");
            Assert.Equal(fixture.Error, result.Error.Message);
            if (fixture.Position is not null)
            {
                var p = result.Error.Position;
                Assert.Equal(fixture.Position, $"{p.Offset}:{p.Line}:{p.Column}");
            }
        }
    }
}
