using System.Text;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary><c>stdout_output</c> and the buffering modes of <c>buffered_outputs</c>.</summary>
public class StdoutOutputTests
{
    [Fact]
    public void Unbuffered_writes_each_alert_and_its_newline_as_one_write()
    {
        var stdout = new RecordingStream();
        var output = new StdoutOutput(stdout, buffered: false);

        output.Write(Alerts.Message("first"), default);
        Assert.Equal(["first\n"], stdout.Writes.Select(w => Encoding.UTF8.GetString(w)));
        output.Write(Alerts.Message("second ü"), default);

        Assert.Equal(["first\n", "second ü\n"], stdout.Writes.Select(w => Encoding.UTF8.GetString(w)));
        Assert.Equal(2, stdout.Flushes);
    }

    [Fact]
    public void Buffered_to_a_pipe_or_file_holds_lines_until_a_block_fills_or_close()
    {
        var stdout = new RecordingStream();
        var output = new StdoutOutput(stdout, buffered: true, isTerminal: false);

        output.Write(Alerts.Message("first"), default);
        output.Write(Alerts.Message("second"), default);
        Assert.Empty(stdout.Writes);

        output.Close(default);
        Assert.Equal(["first\nsecond\n"], stdout.Writes.Select(w => Encoding.UTF8.GetString(w)));
    }

    [Fact]
    public void Buffered_to_a_terminal_is_line_buffered()
    {
        var stdout = new RecordingStream();
        var output = new StdoutOutput(stdout, buffered: true, isTerminal: true);
        output.Write(Alerts.Message("first"), default);
        Assert.Equal("first\n", stdout.Text);
    }

    [Fact]
    public void A_block_is_written_when_the_next_line_would_overflow_it()
    {
        var stdout = new RecordingStream();
        var output = new StdoutOutput(stdout, buffered: true);
        var line = new string('y', 2047); // with its newline, two fill exactly one 4 KiB block
        output.Write(Alerts.Message(line), default);
        Assert.Empty(stdout.Writes);
        output.Write(Alerts.Message(line), default);
        Assert.Equal([4096], stdout.Writes.Select(w => w.Length));
        output.Write(Alerts.Message("tail"), default);
        output.Close(default);
        Assert.Equal([4096, 5], stdout.Writes.Select(w => w.Length));
    }

    [Fact]
    public void Through_the_pipeline_with_buffered_outputs_everything_is_flushed_at_shutdown()
    {
        var stdout = new RecordingStream();
        var options = Alerts.Options() with { BufferedOutputs = true, Stdout = new StdoutOutputOptions { Enabled = true } };
        var pipeline = OutputsPipeline.Create(options, environment: new OutputsEnvironment { StandardOutput = stdout, StandardOutputIsTerminal = false });
        for (var i = 0; i < 10; i++)
        {
            pipeline.TryEnqueue(Alerts.Header(), "line " + i);
        }

        Assert.True(pipeline.WaitUntilIdle(TimeSpan.FromSeconds(10)));
        Assert.Empty(stdout.Writes);
        pipeline.Shutdown(TimeSpan.FromSeconds(10));
        Assert.Equal(string.Concat(Enumerable.Range(0, 10).Select(i => $"line {i}\n")), stdout.Text);
    }
}
