using Peregrine.Rules.Loading;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Loading;

/// <summary>The text and JSON (<c>falco -V</c>) renderings of load results, byte for byte.</summary>
public sealed class LoadResultRenderingTests
{
    private const string Rules =
        "- macro: unused_m\n" +
        "  condition: dt.name = x\n" +
        "- rule: r1\n" +
        "  desc: d\n" +
        "  condition: dt.name = bash and dt.nobody = 1\n" +
        "  output: x\n" +
        "  priority: INFO\n" +
        "  source: test\n";

    private static (LoadResult, IReadOnlyDictionary<string, string>) Load(string content)
    {
        var loader = new RulesLoader(TestSources.Create());
        return (loader.Load("rules.yaml", content), loader.Contents);
    }

    [Fact]
    public void Renders_an_error_as_falco_V_json()
    {
        var (result, contents) = Load(Rules);
        const string snippet = "dt.name = bash and dt.nobody = 1\\n                               ^\\n";
        Assert.Equal(
            "{\"falco_load_results\":[{\"errors\":[{\"code\":\"LOAD_ERR_COMPILE_CONDITION\",\"codedesc\":\"Error compiling condition\"," +
            "\"context\":{\"locations\":[" +
            "{\"item_name\":\"\",\"item_type\":\"rules content\",\"position\":{\"column\":0,\"line\":0,\"name\":\"rules.yaml\",\"offset\":0}}," +
            "{\"item_name\":\"r1\",\"item_type\":\"rule\",\"position\":{\"column\":2,\"line\":2,\"name\":\"rules.yaml\",\"offset\":45}}," +
            "{\"item_name\":\"\",\"item_type\":\"rule condition\",\"position\":{\"column\":13,\"line\":4,\"name\":\"rules.yaml\",\"offset\":77}}," +
            "{\"item_name\":\"\",\"item_type\":\"condition expression\",\"position\":{\"column\":33,\"line\":5,\"name\":\"\\\"dt.name = bash an...\\\"\",\"offset\":96}}]," +
            $"\"snippet\":\"{snippet}\"}},\"message\":\"filter_check called with nonexistent field dt.nobody\"}}]," +
            "\"name\":\"rules.yaml\",\"schema_valid\":true,\"schema_warnings\":[],\"successful\":false,\"warnings\":[]}]}",
            LoadResultJson.Results([result], contents));
    }

    [Fact]
    public void Renders_an_error_as_the_verbose_text_report()
    {
        var (result, contents) = Load(Rules);
        Assert.Equal(
            "rules.yaml: Invalid\n" +
            "1 Errors:\n" +
            "In rules content: (rules.yaml:0:0)\n" +
            "    rule 'r1': (rules.yaml:2:2)\n" +
            "    rule condition: (rules.yaml:4:13)\n" +
            "    condition expression: (\"dt.name = bash an...\":5:33)\n" +
            "------\n" +
            "dt.name = bash and dt.nobody = 1\n" +
            "                               ^\n" +
            "------\n" +
            "LOAD_ERR_COMPILE_CONDITION (Error compiling condition): filter_check called with nonexistent field dt.nobody\n",
            LoadResultText.Verbose(result, contents));
        Assert.Equal("rules.yaml: Invalid\n 1 errors: [LOAD_ERR_COMPILE_CONDITION (Error compiling condition)]", LoadResultText.Summary(result));
    }

    [Fact]
    public void Renders_warnings_with_their_long_descriptions_and_file_snippets()
    {
        var (result, contents) = Load("- macro: unused_m\n  condition: dt.name = x\n");
        Assert.True(result.Successful);
        Assert.Equal(
            "{\"falco_load_results\":[{\"errors\":[],\"name\":\"rules.yaml\",\"schema_valid\":true,\"schema_warnings\":[],\"successful\":true," +
            "\"warnings\":[{\"code\":\"LOAD_UNUSED_MACRO\",\"codedesc\":\"A macro is defined in the rules content but is not used by any other macro or rule.\"," +
            "\"context\":{\"locations\":[" +
            "{\"item_name\":\"\",\"item_type\":\"rules content\",\"position\":{\"column\":0,\"line\":0,\"name\":\"rules.yaml\",\"offset\":0}}," +
            "{\"item_name\":\"unused_m\",\"item_type\":\"macro\",\"position\":{\"column\":2,\"line\":0,\"name\":\"rules.yaml\",\"offset\":2}}]," +
            "\"snippet\":\"- macro: unused_m\\n  ^\\n\"},\"message\":\"Macro not referred to by any other rule/macro\"}]}]}",
            LoadResultJson.Results([result], contents));
        Assert.Equal("rules.yaml: Ok, with warnings\n 1 warnings: [LOAD_UNUSED_MACRO (Unused macro)]", LoadResultText.Summary(result));
    }

    [Fact]
    public void Reports_schema_warnings_without_failing_the_load()
    {
        var (result, contents) = Load("- list: l\n  items: [a]\n  priority: debug\n- macro: m\n  condition: dt.name in (l)\n  override: {}\n");
        Assert.True(result.Successful);
        Assert.False(result.SchemaValid);
        Assert.Equal(
            [
                "failed for <root>[0][priority]: Failed to match against any enum values.",
                "failed for <root>[0]: Failed to validate against schema associated with property name 'priority'.",
                "failed for <root>: Failed to validate item #0 in array.",
                "failed for <root>[1][override]: Object should have no fewer than 1 properties.",
                "failed for <root>[1]: Failed to validate against schema associated with property name 'override'.",
                "failed for <root>: Failed to validate item #1 in array.",
            ],
            result.SchemaStatus);
        Assert.Contains("\"schema_valid\":false", LoadResultJson.Results([result], contents));
    }

    [Fact]
    public void A_yaml_syntax_error_is_a_parse_error_at_its_position()
    {
        var (result, _) = Load("- rule: x\n  bad: : :\n");
        var error = Assert.Single(result.Errors);
        Assert.Equal(LoadErrorCode.YamlParse, error.Code);
        Assert.Equal(ItemType.ValueFor, error.Context.Locations[^1].ItemType);
        Assert.Equal(1, error.Context.Locations[^1].Position.Line);
    }
}
