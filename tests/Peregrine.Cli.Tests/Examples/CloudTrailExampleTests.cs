using System.Text.Json;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests.Examples;

/// <summary>
/// The README's first command: examples/cloudtrail as it ships (its falco.yaml, the upstream rules,
/// the CloudTrail logs under logs/) through the real program. The expected alerts were derived
/// from the rules and the records when the logs were written (examples/cloudtrail/expected-alerts.json).
/// </summary>
public sealed class CloudTrailExampleTests
{
    private static readonly string ExampleDirectory = RepositoryPaths.Examples("cloudtrail");

    [Fact]
    public void Raises_the_expected_alerts_in_time_order()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ExampleDirectory, "expected-alerts.json")));
        var expectedAlerts = expected.RootElement.GetProperty("alerts").EnumerateArray()
            .Select(a => (Rule: a.GetProperty("rule").GetString()!, Priority: JsonPriority(a.GetProperty("priority").GetString()!), Time: a.GetProperty("eventTime").GetString()!))
            .ToList();

        var result = PeregrineProcess.Run(["-c", "falco.yaml", "-o", "json_output=true"], null, TimeSpan.FromMinutes(2), ExampleDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        var alerts = result.Stdout.Split('\n').Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(a => (Rule: a.GetProperty("rule").GetString()!, Priority: a.GetProperty("priority").GetString()!, Time: a.GetProperty("time").GetString()!))
            .ToList();
        Assert.Equal(expectedAlerts.Select(a => (a.Rule, a.Priority)), alerts.Select(a => (a.Rule, a.Priority)));
        // Falco's alert time is the event's: the record's eventTime, with nanoseconds.
        Assert.Equal(expectedAlerts.Select(a => a.Time.Replace("Z", ".000000000Z")), alerts.Select(a => a.Time));
        Assert.Contains($"Events detected: {expectedAlerts.Count}", result.Stdout);
    }

    /// <summary>The rules file's priority word as Falco's JSON alerts spell it (INFO is "Informational").</summary>
    private static string JsonPriority(string rulePriority) => rulePriority.ToUpperInvariant() switch
    {
        "INFO" or "INFORMATIONAL" => "Informational",
        var other => other[..1] + other[1..].ToLowerInvariant(),
    };

    [Fact]
    public void Reads_every_record_but_the_insights_one()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ExampleDirectory, "expected-alerts.json")));
        var events = expected.RootElement.GetProperty("events_read").GetInt32();

        var result = PeregrineProcess.Run(["-c", "falco.yaml", "-v"], null, TimeSpan.FromMinutes(2), ExampleDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Captured Events: {events},", result.Stderr + result.Stdout);
    }
}
