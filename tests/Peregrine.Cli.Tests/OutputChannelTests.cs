using Peregrine.Cli.Tests.Support;
using static Peregrine.Cli.Tests.Support.CounterRules;

namespace Peregrine.Cli.Tests;

/// <summary>
/// Alerts delivered outside stdout: appended to a file, fed line by line to a real child program
/// (one per alert, or one kept alive), and POSTed to an HTTP listener, one request per alert.
/// </summary>
public class OutputChannelTests
{
    private static readonly string[] TextAlerts =
    [
        Alert(0, "Warning", "even 0"),
        Alert(2, "Warning", "even 2"),
        Alert(3, "Informational", "three 3"),
        Alert(4, "Warning", "even 4"),
        Alert(6, "Warning", "even 6"),
        Alert(7, "Error", "big 7"),
        Alert(8, "Warning", "even 8"),
        Alert(9, "Error", "big 9"),
    ];

    private const string Summary =
        "Events detected: 8\nRule counts by severity:\n   ERROR: 2\n   WARNING: 5\n   INFO: 1\nTriggered rules by rule name:\n   even: 5\n   big: 2\n   three: 1\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void File_output_appends_every_alert_to_the_file(bool keepAlive)
    {
        using var workspace = new Workspace();
        var alerts = workspace.Write("alerts.txt", "line already there\n");
        var config = WriteConfig(workspace, EvenBigThree, extra: $"file_output:\n  enabled: true\n  keep_alive: {(keepAlive ? "true" : "false")}\n  filename: {alerts}\n");

        var result = PeregrineProcess.Run("-c", config, "-o", "stdout_output.enabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Summary, result.Stdout);
        Assert.Equal(["line already there", .. TextAlerts], File.ReadAllLines(alerts));
    }

    [Fact]
    public void File_output_with_json_output_writes_the_json_lines_that_stdout_shows()
    {
        using var workspace = new Workspace();
        var alerts = workspace.Path("alerts.json");
        var config = WriteConfig(workspace, EvenBigThree, extra: $"json_output: true\nfile_output:\n  enabled: true\n  filename: {alerts}\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        var stdoutAlerts = result.Stdout.Split('\n').TakeWhile(l => l.StartsWith('{')).ToArray();
        Assert.Equal(8, stdoutAlerts.Length);
        Assert.StartsWith("""{"hostname":"testhost","output":"01:46:40.000000000: Warning even 0",""", stdoutAlerts[0]);
        Assert.Equal(stdoutAlerts, File.ReadAllLines(alerts));
    }

    [Fact]
    public void Program_output_feeds_each_alert_as_a_line_to_the_program()
    {
        using var workspace = new Workspace();
        var received = workspace.Path("received.txt");
        var config = WriteConfig(workspace, EvenBigThree, extra: $"program_output:\n  enabled: true\n  program: \"cat >> {received}\"\n");

        var result = PeregrineProcess.Run("-c", config, "-o", "stdout_output.enabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Summary, result.Stdout);
        Assert.Equal(TextAlerts, File.ReadAllLines(received));
    }

    [Theory]
    [InlineData(false, 8)]
    [InlineData(true, 1)]
    public void Program_output_starts_one_program_per_alert_unless_kept_alive(bool keepAlive, int processes)
    {
        using var workspace = new Workspace();
        var received = workspace.Path("received.txt");
        // Each line is prefixed with the shell's process ID, so the file tells how many programs ran.
        var program = $"while IFS= read -r line; do echo \\\"$$ $line\\\"; done >> {received}";
        var config = WriteConfig(workspace, EvenBigThree,
            extra: $"program_output:\n  enabled: true\n  keep_alive: {(keepAlive ? "true" : "false")}\n  program: \"{program}\"\n");

        var result = PeregrineProcess.Run("-c", config, "-o", "stdout_output.enabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = File.ReadAllLines(received).Select(l => l.Split(' ', 2)).ToList();
        Assert.Equal(TextAlerts, lines.Select(l => l[1]));
        Assert.Equal(processes, lines.Select(l => l[0]).Distinct().Count());
    }

    [Fact]
    public void Http_output_posts_each_json_alert_as_application_json()
    {
        using var server = new HttpRecorder();
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: $"json_output: true\nhttp_output:\n  enabled: true\n  url: {server.Url("/falco/alerts")}\n");

        var result = PeregrineProcess.Run("-c", config);

        Assert.True(result.ExitCode == 0, result.ToString());
        var stdoutAlerts = result.Stdout.Split('\n').TakeWhile(l => l.StartsWith('{')).ToArray();
        Assert.Equal(8, stdoutAlerts.Length);
        var requests = server.Requests;
        Assert.Equal(stdoutAlerts, requests.Select(r => r.Body));
        Assert.All(requests, r => Assert.Equal(("POST", "/falco/alerts", "application/json"), (r.Method, r.Path, r.ContentType)));
    }

    [Fact]
    public void Http_output_posts_the_text_line_as_text_plain_without_json_output()
    {
        using var server = new HttpRecorder();
        using var workspace = new Workspace();
        var config = WriteConfig(workspace, EvenBigThree, extra: $"http_output:\n  enabled: true\n  url: {server.Url()}\n");

        var result = PeregrineProcess.Run("-c", config, "-o", "stdout_output.enabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Summary, result.Stdout);
        var requests = server.Requests;
        Assert.Equal(TextAlerts, requests.Select(r => r.Body));
        Assert.All(requests, r => Assert.Equal(("POST", "/", "text/plain"), (r.Method, r.Path, r.ContentType)));
    }
}
