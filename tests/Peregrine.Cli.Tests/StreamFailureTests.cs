using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// A source that fails: the run ends with exit status 1 and the plugin's error, and every alert
/// raised before the failure still reaches every output, followed by the summary.
/// </summary>
public class StreamFailureTests
{
    private const string Empty = "Events detected: 0\nRule counts by severity:\nTriggered rules by rule name:\n";

    [Fact]
    public void Alerts_raised_before_a_failing_batch_are_delivered_and_summarised()
    {
        using var workspace = new Workspace();
        var alerts = workspace.Path("alerts.txt");
        // Batches of 3: [0,1,2] [3,4,5] then [6] comes with FAILURE (7 events in all).
        var config = WriteConfig(workspace, EvenBigThree, "count=100,batch=3,fail_after=7",
            $"file_output:\n  enabled: true\n  filename: {alerts}\n");

        var result = PeregrineProcess.Run("-c", config);

        var expectedAlerts = new[]
        {
            Alert(0, "Warning", "even 0"),
            Alert(2, "Warning", "even 2"),
            Alert(3, "Informational", "three 3"),
            Alert(4, "Warning", "even 4"),
            Alert(6, "Warning", "even 6"),
        };
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: counter failed after 7 events\n", result.Stderr);
        Assert.Equal(
            string.Concat(expectedAlerts.Select(a => a + "\n"))
            + "Events detected: 5\nRule counts by severity:\n   WARNING: 4\n   INFO: 1\nTriggered rules by rule name:\n   even: 4\n   three: 1\n",
            result.Stdout);
        Assert.Equal(expectedAlerts, File.ReadAllLines(alerts));
    }

    [Fact]
    public void A_source_that_cannot_be_opened_fails_with_the_plugins_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three, "fail_open=1");

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: counter refused to open: fail_open=1\n", result.Stderr);
        Assert.Equal(Empty, result.Stdout);
    }

    [Fact]
    public void A_batch_of_no_event_with_success_is_a_protocol_error()
    {
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, Three, "empty_success=1");

        var result = PeregrineProcess.Run("-c", config);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error: unexpected 0 size event returned by plugin counter\n", result.Stderr);
        Assert.Equal(Empty, result.Stdout);
    }
}
