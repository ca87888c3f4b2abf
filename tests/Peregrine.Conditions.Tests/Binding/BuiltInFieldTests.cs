using Peregrine.Conditions.Binding;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Parsing;

namespace Peregrine.Conditions.Tests.Binding;

/// <summary>
/// Fields of libsinsp's built-in classes (<see cref="FieldDefinition.NameOnlyLookup"/>) are
/// found by the whole text or not at all; plugin fields keep their argument handling.
/// </summary>
public sealed class BuiltInFieldTests
{
    private static readonly FieldCatalog Catalog = new(
    [
        new FieldDefinition("evt.num", FieldType.UInt64) { NameOnlyLookup = true },
        new FieldDefinition("evt.time", FieldType.String) { NameOnlyLookup = true },
        new FieldDefinition("evt.time.s", FieldType.String) { NameOnlyLookup = true },
        new FieldDefinition("evt.hostname", FieldType.String) { NameOnlyLookup = true },
        // A plugin field that a built-in name prefixes: the built-in class claims its text first.
        new FieldDefinition("evt.hostname.short", FieldType.String),
        new FieldDefinition("dt.name", FieldType.String),
        new FieldDefinition("dt.num", FieldType.UInt64),
        new FieldDefinition("dt.env", FieldType.String, Argument: FieldArgument.Key | FieldArgument.Required),
    ]);

    [Theory]
    [InlineData("evt.num")]
    [InlineData("evt.time")]
    [InlineData("evt.time.s")]
    public void A_built_in_field_is_found_by_its_exact_name(string text)
    {
        Assert.True(FieldResolver.TryResolve(Catalog, text, out var reference, out var error), error);
        Assert.Equal(text, reference!.Definition.Name);
        Assert.Null(reference.Argument);
    }

    [Theory]
    [InlineData("evt.time[1]")]
    [InlineData("evt.num[0]")]
    [InlineData("evt.time.s[x]")]
    [InlineData("evt.timex")]
    [InlineData("evt.time.sx")]
    [InlineData("evt.hostname.short")]
    public void Text_a_built_in_field_only_prefixes_is_a_nonexistent_field(string text)
    {
        Assert.False(FieldResolver.TryResolve(Catalog, text, out _, out var error));
        Assert.Equal("filter_check called with nonexistent field " + text, error);
    }

    [Fact]
    public void A_plugin_field_keeps_its_argument_handling()
    {
        Assert.True(FieldResolver.TryResolve(Catalog, "dt.env[HOME]", out var reference, out _));
        Assert.Equal("HOME", reference!.ArgumentKey);
        Assert.False(FieldResolver.TryResolve(Catalog, "dt.num[0]", out _, out var error));
        Assert.Equal("filter 'dt.num[0]': dt.num does not allow nor require an argument but one is provided: 0", error);
    }

    [Fact]
    public void A_condition_with_an_argument_on_a_built_in_field_fails_to_bind()
    {
        var result = Bind("evt.time[1] = a");
        Assert.False(result.Succeeded);
        Assert.Equal("filter_check called with nonexistent field evt.time[1]", result.Error.Message);
    }

    [Theory]
    [InlineData("dt.name = evt.time", true)]
    [InlineData("dt.name = evt.time[1]", false)]
    public void Only_a_whole_built_in_name_is_hinted_as_a_misused_field(string condition, bool hinted)
    {
        var result = Bind(condition);
        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(hinted, result.Warnings.Any(w => w.Message.Contains("may be a valid field misused", StringComparison.Ordinal)));
    }

    private static BindResult Bind(string condition)
    {
        var parsed = ConditionParser.Parse(condition);
        Assert.True(parsed.Succeeded);
        return new ConditionBinder(Catalog, new FieldSlotTable()).Bind(parsed.Expr);
    }
}
