using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests.Support;

/// <summary>falco.yaml texts for the end-to-end tests, over the C fixture plugins.</summary>
internal static class FalcoYaml
{
    /// <summary>A <c>plugins:</c> entry.</summary>
    public static string Plugin(string name, string libraryPath, string openParams = "", string initConfig = "") => $"""
          - name: {name}
            library_path: {libraryPath}
            init_config: "{initConfig.Replace("\"", "\\\"")}"
            open_params: "{openParams}"

        """;

    public static string Counter(string openParams = "count=10") => Plugin("counter", NativeFixtures.Counter, openParams);

    public static string Extractor() => Plugin("extractor", NativeFixtures.Extractor);

    /// <summary>A complete configuration: the given plugin entries, rules files, and extra top-level YAML.</summary>
    public static string Config(IEnumerable<string> plugins, IEnumerable<string> rulesFiles, string extra = "") =>
        "plugins:\n" + string.Concat(plugins) + "rules_files:\n" + string.Concat(rulesFiles.Select(f => $"  - {f}\n"))
        + "stdout_output:\n  enabled: true\nlog_stderr: false\nlog_syslog: false\n" + extra;

    /// <summary>One rule of the counter source.</summary>
    public static string Rule(string name, string condition, string output, string priority = "WARNING", string source = "counter", string tags = "[]") => $"""
        - rule: {name}
          desc: {name} description
          condition: {condition}
          output: "{output}"
          priority: {priority}
          source: {source}
          tags: {tags}

        """;
}
