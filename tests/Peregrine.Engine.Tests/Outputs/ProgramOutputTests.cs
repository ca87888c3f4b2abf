using Peregrine.Engine.Outputs;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary><c>program_output</c> through a real <c>/bin/sh</c>.</summary>
public class ProgramOutputTests
{
    /// <summary>A shell loop that prefixes each line it reads with its own process id.</summary>
    private static string TaggingProgram(string path) => $"while IFS= read -r l; do echo \"$$ $l\"; done >> '{path}'";

    [Fact]
    public void Feeds_each_alert_to_a_shell_command_on_its_standard_input()
    {
        using var dir = new TempDir();
        var path = dir.File("out.txt");
        using var output = new ProgramOutput($"cat >> '{path}'", keepAlive: false, buffered: false);

        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two \"quoted\" $HOME"), default);

        Assert.Equal(["one", "two \"quoted\" $HOME"], Alerts.Lines(path));
    }

    [Fact]
    public void Without_keep_alive_every_alert_gets_its_own_process_which_is_waited_for()
    {
        using var dir = new TempDir();
        var path = dir.File("out.txt");
        using var output = new ProgramOutput(TaggingProgram(path), keepAlive: false, buffered: false);

        for (var i = 0; i < 3; i++)
        {
            output.Write(Alerts.Message("alert " + i), default);
            Assert.Null(output.ProcessId);
            Assert.Equal(i + 1, Alerts.Lines(path).Length); // written by the time Write returns: the child was waited for
        }

        var lines = Alerts.Lines(path).Select(l => l.Split(' ', 2)).ToArray();
        Assert.Equal(["alert 0", "alert 1", "alert 2"], lines.Select(l => l[1]));
        Assert.Equal(3, lines.Select(l => l[0]).Distinct().Count());
        Assert.Equal(3, output.ExtraCounters.Single(c => c.Key == "spawned").Value);
    }

    [Fact]
    public void With_keep_alive_one_process_reads_every_alert()
    {
        using var dir = new TempDir();
        var path = dir.File("out.txt");
        var output = new ProgramOutput(TaggingProgram(path), keepAlive: true, buffered: false);

        for (var i = 0; i < 3; i++)
        {
            output.Write(Alerts.Message("alert " + i), default);
        }

        var pid = output.ProcessId;
        Assert.NotNull(pid);
        Assert.True(Alerts.Eventually(() => Alerts.Lines(path).Length == 3)); // unbuffered: each line reached it at once
        var lines = Alerts.Lines(path).Select(l => l.Split(' ', 2)).ToArray();
        Assert.All(lines, l => Assert.Equal(pid.ToString(), l[0]));
        Assert.Equal(["alert 0", "alert 1", "alert 2"], lines.Select(l => l[1]));

        output.Close(default); // closes its input and waits for it
        output.Dispose();
        Assert.Null(output.ProcessId);
        Assert.False(Directory.Exists($"/proc/{pid}"));
    }

    [Fact]
    public void Buffered_keep_alive_output_reaches_the_program_at_close()
    {
        using var dir = new TempDir();
        var path = dir.File("out.txt");
        var output = new ProgramOutput($"cat >> '{path}'", keepAlive: true, buffered: true);
        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two"), default);
        Thread.Sleep(200);
        Assert.Empty(Alerts.Lines(path));

        output.Close(default);
        output.Dispose();
        Assert.Equal(["one", "two"], Alerts.Lines(path));
    }

    [Fact]
    public void A_kept_alive_program_that_exited_is_reported_and_restarted_for_the_next_alert()
    {
        using var dir = new TempDir();
        var path = dir.File("out.txt");
        var log = new RecordingLog();
        using var output = new ProgramOutput($"head -n 1 >> '{path}'", keepAlive: true, buffered: false, log);

        output.Write(Alerts.Message("one"), default);
        var first = output.ProcessId!.Value;
        Assert.True(Alerts.Eventually(() => Alerts.Lines(path).Length == 1 && !Directory.Exists($"/proc/{first}")));

        output.Write(Alerts.Message("two"), default);

        Assert.NotEqual(first, output.ProcessId);
        Assert.True(Alerts.Eventually(() => Alerts.Lines(path).Length == 2));
        Assert.Equal(["one", "two"], Alerts.Lines(path));
        Assert.Equal(1, output.ExtraCounters.Single(c => c.Key == "restarts").Value);
        Assert.True(log.Contains(LogLevel.Warning, "program output exited with status 0, restarting it"), log.ToString());
    }

    [Fact]
    public void Through_the_pipeline_both_keep_alive_modes_deliver_everything()
    {
        foreach (var keepAlive in new[] { false, true })
        {
            using var dir = new TempDir();
            var path = dir.File("out.txt");
            var options = Alerts.Options() with
            {
                Program = new ProgramOutputOptions { Enabled = true, KeepAlive = keepAlive, Program = TaggingProgram(path) },
            };
            var pipeline = OutputsPipeline.Create(options);
            for (var i = 0; i < 20; i++)
            {
                pipeline.TryEnqueue(Alerts.Header(), "alert " + i);
            }

            var report = pipeline.Shutdown(TimeSpan.FromSeconds(30));
            Assert.True(report.Drained);
            var lines = Alerts.Lines(path).Select(l => l.Split(' ', 2)).ToArray();
            Assert.Equal(Enumerable.Range(0, 20).Select(i => "alert " + i), lines.Select(l => l[1]));
            Assert.Equal(keepAlive ? 1 : 20, lines.Select(l => l[0]).Distinct().Count());
            Assert.Equal(keepAlive ? 1 : 20, report.Counters.Channels[0].Extra["spawned"]);
        }
    }

    [Fact]
    public void A_failing_command_is_counted_without_stopping_the_channel()
    {
        using var output = new ProgramOutput("cat > /dev/null; exit 3", keepAlive: false, buffered: false);
        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two"), default);
        Assert.Equal(2, output.ExtraCounters.Single(c => c.Key == "failed_exits").Value);
    }

    [Fact]
    public void A_shell_that_cannot_start_fails_the_alert_with_Falcos_message()
    {
        using var output = new ProgramOutput("true", keepAlive: false, buffered: false, shell: "/nonexistent/sh");
        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("x"), default));
        Assert.StartsWith("Failed to open program output: true (error: ", error.Message);
    }

    [Fact]
    public void A_child_that_never_exits_is_killed_when_shutdown_aborts()
    {
        using var output = new ProgramOutput("sleep 60", keepAlive: false, buffered: false);
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = Environment.TickCount64;

        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("x"), abort.Token));

        Assert.Contains("killed", error.Message);
        Assert.True(Environment.TickCount64 - started < 5000);
    }
}
