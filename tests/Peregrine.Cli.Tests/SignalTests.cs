using System.Text.RegularExpressions;
using Peregrine.Cli.Tests.Support;

namespace Peregrine.Cli.Tests;

/// <summary>
/// SIGTERM and SIGINT stop a source that never ends: exit status 0, the summary printed, and not
/// one alert lost: the alerts file holds exactly the <c>Events detected</c> count, each the next
/// multiple of 1000 (the rule's matches), none missing in between.
/// </summary>
public class SignalTests
{
    [Fact]
    public void Sigterm_stops_the_run_and_flushes_every_buffered_alert()
    {
        var run = StopWithSignal(PosixSignals.SigTerm, ["-o", "buffered_outputs=true"]);

        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void Sigint_stops_the_run_and_delivers_every_alert()
    {
        var run = StopWithSignal(PosixSignals.SigInt, ["-o", "log_stderr=true"]);

        Assert.Contains(": SIGINT received, exiting...\n", run.Stderr);
    }

    [Fact]
    public void Sigint_stops_the_run_even_when_it_was_ignored_at_start()
    {
        // A background job of a non-interactive shell starts with SIGINT ignored; Falco installs its
        // handler over that (signal(2)), so Ctrl-C-style stops still work.
        StopWithSignal(PosixSignals.SigInt, [], ["/bin/sh", "-c", "trap '' INT; exec \"$@\"", "sh"]);
    }

    private static ProcessResult StopWithSignal(int signal, string[] extraArgs, IReadOnlyList<string>? launcher = null)
    {
        using var workspace = new Workspace();
        var alerts = workspace.Path("alerts.txt");
        var rules = workspace.Write("rules.yaml", FalcoYaml.Rule("rare", "counter.mod[1000] = 0", "rare %counter.value"));
        // ts=now: a never-ending stream stamped with the current time.
        var config = workspace.Write("falco.yaml", FalcoYaml.Config(
            [FalcoYaml.Counter("count=1000000000000,ts=now")], [rules],
            $"file_output:\n  enabled: true\n  filename: {alerts}\n"));

        using var process = PeregrineProcess.Start(["-c", config, "-o", "stdout_output.enabled=false", .. extraArgs], launcher: launcher);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            Poll.Until(() => Poll.CompleteLines(alerts).Count >= 3 || process.HasExited, "the first alerts in " + alerts);
            // Only an exited process may have its output awaited: the streams end when it does.
            if (process.HasExited) Assert.Fail("peregrine ended before the signal: " + stderr.Result);
            PosixSignals.Send(process.Id, signal);
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) Assert.Fail($"peregrine did not stop within 30 s of signal {signal}");
            process.WaitForExit();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var result = new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = Regex.Match(result.Stdout, @"\AEvents detected: (\d+)\nRule counts by severity:\n   WARNING: \1\nTriggered rules by rule name:\n   rare: \1\n\z");
        Assert.True(summary.Success, result.ToString());
        var detected = int.Parse(summary.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(detected >= 3, result.ToString());

        var text = File.ReadAllText(alerts);
        Assert.EndsWith("\n", text);
        var lines = text[..^1].Split('\n');
        Assert.Equal(detected, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Matches(@"^\d\d:\d\d:\d\d\.\d{9}: Warning rare " + (i * 1000L) + "$", lines[i]);
        }
        return result;
    }
}
