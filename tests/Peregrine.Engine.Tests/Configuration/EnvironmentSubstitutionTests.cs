using Peregrine.Engine.Configuration;
using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Tests.Configuration;

/// <summary><c>${VAR}</c> in configuration values, as Falco's yaml_helper substitutes it.</summary>
public sealed class EnvironmentSubstitutionTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["ENV_VAR"] = "envVarValue",
        ["ENV_VAR_EMBEDDED"] = "${ENV_VAR}",
        ["ENV_VAR_EMPTY"] = "",
        ["SELF"] = "x${SELF}",
    };

    private static string Substitute(string text) =>
        EnvironmentSubstitution.Substitute(text, name => Variables.GetValueOrDefault(name), new ConfigLocation("t", 1, 1));

    [Theory]
    [InlineData("my_string", "my_string")]
    [InlineData("${ENV_VAR}", "envVarValue")]
    [InlineData("$ENV_VAR", "$ENV_VAR")]
    [InlineData("$${ENV_VAR}", "${ENV_VAR}")]
    [InlineData("$$ENV_VAR", "$$ENV_VAR")]
    [InlineData("$${ENV_VAR}$${ENV_VAR}", "${ENV_VAR}${ENV_VAR}")]
    [InlineData("$${${ENV_VAR}}", "${envVarValue}")]
    [InlineData("$${ENV_VAR}${ENV_VAR}", "${ENV_VAR}envVarValue")]
    [InlineData("${UNSET_XX_X_X_VAR}", "")]
    [InlineData(" ${ENV_VAR}", " envVarValue")]
    [InlineData("${ENV_VAR} ", "envVarValue ")]
    [InlineData("${ENV_VAR}/foo", "envVarValue/foo")]
    [InlineData("/foo/${ENV_VAR}/", "/foo/envVarValue/")]
    [InlineData("/${ENV_VAR}/${ENV_VAR}${ENV_VAR}/foo", "/envVarValue/envVarValueenvVarValue/foo")]
    [InlineData("${ENV_VAR_EMBEDDED}/foo", "envVarValue/foo")]
    [InlineData("${ENV_VAR_EMPTY}", "")]
    [InlineData("${}", "")]
    [InlineData("${ENV_VAR", "${ENV_VAR")]
    [InlineData("a$${ENV_VAR", "a$${ENV_VAR")]
    [InlineData("cost: 5$ then ${ENV_VAR}", "cost: 5$ then ${ENV_VAR}")]
    [InlineData("$", "$")]
    public void Substitutes_as_Falco_does(string text, string expected) => Assert.Equal(expected, Substitute(text));

    [Fact]
    public void A_self_referencing_variable_is_an_error_instead_of_a_hang()
    {
        var e = Assert.Throws<ConfigLoadException>(() => Substitute("${SELF}"));
        Assert.Contains("does not terminate", e.Message);
    }

    [Fact]
    public void Values_of_a_configuration_file_are_substituted_and_then_typed()
    {
        using var dir = new ConfigTestDirectory();
        dir.Environment["JSON"] = "true";
        dir.Environment["TIMEOUT"] = "12";
        dir.Environment["LIB"] = "/opt/lib";
        dir.Environment["URL"] = "http://sidekick:2801";
        dir.Environment["KEY"] = "json_output";
        var config = ConfigAssert.Succeeded(dir.LoadYaml("""
            json_output: ${JSON}
            output_timeout: "${TIMEOUT}"
            http_output:
              url: '${URL}/alerts'
              user_agent: $${URL}
            plugins:
              - name: k8saudit
                library_path: ${LIB}/libk8saudit.so
                open_params: ${TIMEOUT}
                init_config:
                  ${KEY}: ${JSON}
            static_fields:
              home: ${UNSET_VARIABLE}
            """));
        Assert.True(config.JsonOutput);
        Assert.Equal(12u, config.OutputTimeout);
        Assert.Equal("http://sidekick:2801/alerts", config.HttpOutput.Url);
        Assert.Equal("${URL}", config.HttpOutput.UserAgent);
        Assert.Equal("/opt/lib/libk8saudit.so", config.PluginDefinitions[0].LibraryPath);
        Assert.Equal("12", config.PluginDefinitions[0].OpenParams);
        // Keys are never substituted.
        Assert.Equal("""{"${KEY}":true}""", config.PluginDefinitions[0].InitConfig);
        Assert.Equal("", config.StaticFields["home"]);
    }

    [Fact]
    public void Command_line_options_are_not_substituted()
    {
        using var dir = new ConfigTestDirectory();
        dir.Environment["URL"] = "http://x";
        var config = ConfigAssert.Clean(dir.LoadYaml("", "http_output.url=${URL}"));
        Assert.Equal("${URL}", config.HttpOutput.Url);
    }

    [Fact]
    public void Substitution_error_is_a_located_load_error()
    {
        using var dir = new ConfigTestDirectory();
        dir.Environment["LOOP"] = "${LOOP}";
        var error = ConfigAssert.SingleError(dir.LoadYaml("json_output: true\nhttp_output:\n  url: ${LOOP}\n"));
        Assert.Equal("falco.yaml:3:8: environment variable expansion of '${LOOP}' does not terminate (a variable refers to itself?)", ConfigAssert.Render(error, dir));
    }
}
