using Peregrine.Engine.Outputs;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary><c>file_output</c>: append mode, keep_alive both ways, reopen, buffering, errors.</summary>
public class FileOutputTests
{
    [Fact]
    public void Appends_to_what_the_file_already_holds()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        File.WriteAllText(path, "earlier\n");
        using var output = new FileOutput(path, keepAlive: false, buffered: false);

        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two ✓"), default);

        Assert.Equal("earlier\none\ntwo ✓\n", File.ReadAllText(path));
    }

    [Fact]
    public void Creates_a_missing_file()
    {
        using var dir = new TempDir();
        var path = dir.File("new.txt");
        using var output = new FileOutput(path, keepAlive: true, buffered: false);
        output.Write(Alerts.Message("first"), default);
        Assert.Equal("first\n", File.ReadAllText(path));
    }

    [Fact]
    public void Without_keep_alive_the_file_is_opened_and_closed_for_every_alert()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        using var output = new FileOutput(path, keepAlive: false, buffered: true);

        output.Write(Alerts.Message("one"), default);
        Assert.False(output.IsOpen);
        Assert.Equal("one\n", File.ReadAllText(path)); // closed, so even buffered output is on disk
        File.Move(path, path + ".1");
        output.Write(Alerts.Message("two"), default);

        Assert.Equal("one\n", File.ReadAllText(path + ".1"));
        Assert.Equal("two\n", File.ReadAllText(path));
    }

    [Fact]
    public void With_keep_alive_the_file_stays_open_until_reopened()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        using var output = new FileOutput(path, keepAlive: true, buffered: false);

        output.Write(Alerts.Message("one"), default);
        Assert.True(output.IsOpen);
        File.Move(path, path + ".1");
        output.Write(Alerts.Message("two"), default); // still the moved file
        Assert.False(File.Exists(path));

        output.Reopen(default); // SIGUSR1
        output.Write(Alerts.Message("three"), default);

        Assert.Equal("one\ntwo\n", File.ReadAllText(path + ".1"));
        Assert.Equal("three\n", File.ReadAllText(path));
    }

    [Fact]
    public void Writes_land_at_the_end_even_after_the_file_was_truncated_underneath()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        using var output = new FileOutput(path, keepAlive: true, buffered: false);

        output.Write(Alerts.Message("a rather long first line"), default);
        File.WriteAllBytes(path, []); // copytruncate-style rotation
        output.Write(Alerts.Message("b"), default);

        Assert.Equal("b\n", File.ReadAllText(path)); // O_APPEND: no hole of NULs before it
    }

    [Fact]
    public void Buffered_with_keep_alive_gathers_lines_until_close()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        var output = new FileOutput(path, keepAlive: true, buffered: true);

        output.Write(Alerts.Message("one"), default);
        output.Write(Alerts.Message("two"), default);
        Assert.Equal("", File.ReadAllText(path));

        output.Close(default);
        output.Dispose();
        Assert.Equal("one\ntwo\n", File.ReadAllText(path));
    }

    [Fact]
    public void Buffered_lines_go_out_in_blocks_when_the_buffer_fills()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        using var output = new FileOutput(path, keepAlive: true, buffered: true);
        var line = new string('x', 999);
        for (var i = 0; i < 5; i++)
        {
            output.Write(Alerts.Message(line), default);
        }

        Assert.Equal(4000, new FileInfo(path).Length); // four lines filled a block; the fifth waits
    }

    [Fact]
    public void Through_the_pipeline_unbuffered_lines_are_on_disk_as_soon_as_written_and_flushed_at_shutdown()
    {
        using var dir = new TempDir();
        var path = dir.File("events.txt");
        var options = Alerts.Options() with
        {
            File = new FileOutputOptions { Enabled = true, KeepAlive = true, Filename = path },
        };
        var pipeline = OutputsPipeline.Create(options);
        Assert.Equal(["file"], pipeline.OutputNames);

        pipeline.TryEnqueue(Alerts.Header(), "first"u8);
        Assert.True(pipeline.WaitUntilIdle(TimeSpan.FromSeconds(10)));
        Assert.Equal(["first"], Alerts.Lines(path));

        for (var i = 0; i < 100; i++)
        {
            pipeline.TryEnqueue(Alerts.Header(), "n" + i);
        }

        var report = pipeline.Shutdown(TimeSpan.FromSeconds(20));
        Assert.True(report.Drained);
        Assert.Equal(101, Alerts.Lines(path).Length);
    }

    [Fact]
    public void A_file_that_cannot_be_opened_fails_the_alert_for_this_channel_only()
    {
        using var dir = new TempDir();
        var log = new RecordingLog();
        var path = dir.File("missing-folder/events.txt");
        var recording = new RecordingOutput();
        var pipeline = new OutputsPipeline(Alerts.Options(), [new FileOutput(path, keepAlive: false, buffered: false), recording], log);

        pipeline.TryEnqueue(Alerts.Header(), "one"u8);
        pipeline.WaitUntilIdle(TimeSpan.FromSeconds(10));
        Directory.CreateDirectory(dir.File("missing-folder"));
        pipeline.TryEnqueue(Alerts.Header(), "two"u8); // the next alert tries again
        var report = pipeline.Shutdown(TimeSpan.FromSeconds(20));

        Assert.Equal(["one", "two"], recording.Lines);
        Assert.Equal(["two"], Alerts.Lines(path));
        var file = report.Counters.Channels[0];
        Assert.Equal((1L, 1L), (file.Written, file.Failed));
        Assert.True(log.Contains(LogLevel.Error, "file: failed to open output file " + path), log.ToString());
    }
}
