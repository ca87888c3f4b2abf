using System.Text.Json;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests.K8sAudit;

/// <summary>
/// Each of Falco's 47 sample Kubernetes audit events, read from its file by the bundled k8saudit
/// plugin through the real program, raises exactly the alerts that the upstream rules (0.4.0, as
/// shipped with Falco 0.33, and current) define for it: <see cref="K8sAuditSampleExpectations"/>
/// lists every file with the rules it triggers and how often, derived from the rules themselves.
/// </summary>
public sealed class K8sAuditSampleTests
{
    private const string SampleDirectory = "events/k8s_audit";

    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var version in new[] { "k8saudit-0.4.0", "current" })
        {
            foreach (var file in SampleFiles()) data.Add(version, file);
        }
        return data;
    }

    [Fact]
    public void Every_sample_file_has_expectations_for_both_rules_versions()
    {
        var files = SampleFiles();
        Assert.Equal(47, files.Count);
        Assert.Equal(files, K8sAuditSampleExpectations.V040.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(files, K8sAuditSampleExpectations.Current.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_raises_the_alerts_its_rules_define(string rulesVersion, string sampleFile)
    {
        var expected = (rulesVersion == "current" ? K8sAuditSampleExpectations.Current : K8sAuditSampleExpectations.V040)[sampleFile];
        using var workspace = new Workspace();
        var config = workspace.Write("falco.yaml", $"""
            plugins:
              - name: k8saudit
                open_params: {RepositoryPaths.Reference(SampleDirectory + "/" + sampleFile)}
              - name: json
            load_plugins: [k8saudit, json]
            rules_files: [{RepositoryPaths.Reference($"rules/{rulesVersion}/k8s_audit_rules.yaml")}]
            json_output: true
            stdout_output:
              enabled: true
            log_stderr: true
            """);

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        var actual = AlertedRules(result.Stdout);
        Assert.True(
            expected.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(actual.OrderBy(p => p.Key, StringComparer.Ordinal)),
            $"{sampleFile} with {rulesVersion}: expected [{Describe(expected)}], got [{Describe(actual)}]\n{result}");
    }

    private static List<string> SampleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Reference(SampleDirectory), "*.json")
            .Select(Path.GetFileName).Select(f => f!).Order(StringComparer.Ordinal).ToList();

    /// <summary>Rule name → number of alerts, from the JSON alert lines (the summary lines are skipped).</summary>
    private static Dictionary<string, int> AlertedRules(string stdout)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n'))
        {
            if (!line.StartsWith('{')) continue;
            using var alert = JsonDocument.Parse(line);
            var rule = alert.RootElement.GetProperty("rule").GetString()!;
            counts[rule] = counts.GetValueOrDefault(rule) + 1;
        }
        return counts;
    }

    private static string Describe(IEnumerable<KeyValuePair<string, int>> counts) =>
        string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
}
