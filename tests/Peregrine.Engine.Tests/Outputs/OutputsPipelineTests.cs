using System.Text;
using Peregrine.Engine.Outputs;
using Peregrine.Rules;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>The queue between the source threads and the channels, the worker, and shutdown.</summary>
public class OutputsPipelineTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Fact]
    public void Writes_every_alert_to_every_channel_in_order_with_its_header()
    {
        var log = new RecordingLog();
        var first = new RecordingOutput("first");
        var second = new RecordingOutput("second");
        using var pipeline = new OutputsPipeline(Alerts.Options(), [first, second], log);

        var tags = new HashSet<string> { "network" };
        Assert.True(pipeline.TryEnqueue(new AlertHeader(Priority.Critical, "R1", "k8s_audit", 42, tags), "line one ü"u8));
        Assert.True(pipeline.TryEnqueue(new AlertHeader(Priority.Debug, "R2", AlertHeader.InternalSource, 43, AlertHeader.NoTags), "line two"));
        var report = pipeline.Shutdown(Long);

        Assert.True(report.Drained);
        Assert.Equal(["line one ü", "line two"], first.Lines);
        Assert.Equal(["line one ü", "line two"], second.Lines);
        var one = first.Snapshots.First();
        Assert.Equal((Priority.Critical, "R1", "k8s_audit", 42UL, "test-host"), (one.Priority, one.Rule, one.Source, one.TimeNs, one.Hostname));
        Assert.Same(tags, one.Tags);
        Assert.False(one.IsInternal);
        Assert.True(first.Snapshots.Last().IsInternal);
        Assert.Equal(1, first.Closes);
        Assert.Equal(1, first.Disposes);

        var counters = report.Counters;
        Assert.Equal((2L, 2L, 0L), (counters.Enqueued, counters.Processed, counters.Dropped));
        Assert.Equal(["first", "second"], counters.Channels.Select(c => c.Name));
        Assert.All(counters.Channels, c => Assert.Equal((2L, 0L), (c.Written, c.Failed)));
        Assert.Empty(log.Entries);
    }

    [Fact]
    public void A_full_queue_drops_new_alerts_counts_every_one_and_logs_the_first()
    {
        var log = new RecordingLog();
        var gated = new GatedOutput();
        using var pipeline = new OutputsPipeline(Alerts.Options(capacity: 10), [gated], log);

        Assert.True(pipeline.TryEnqueue(Alerts.Header(), "a0"u8));
        Assert.True(gated.Entered.Wait(Long)); // the worker holds a0; the queue is empty again
        var accepted = 1;
        for (var i = 1; i < 100; i++)
        {
            if (pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes("a" + i)))
            {
                accepted++;
            }
        }

        var counters = pipeline.GetCounters();
        Assert.Equal(11, accepted);
        Assert.Equal(11, counters.Enqueued);
        Assert.Equal(89, counters.DroppedQueueFull);
        Assert.Equal(10, counters.QueueDepth);
        Assert.Equal(10, counters.MaxQueueDepth);
        Assert.Equal(10, counters.Capacity);
        Assert.Equal(1, log.Count("outputs queue full"));
        Assert.True(log.Contains(LogLevel.Error, "outputs_queue_num_drops"));

        gated.Release();
        var report = pipeline.Shutdown(Long);
        Assert.True(report.Drained);
        Assert.Equal(Enumerable.Range(0, 11).Select(i => "a" + i), gated.Lines);
        Assert.Equal(11, report.Counters.Channels[0].Written);
        Assert.Equal(89, report.Counters.Dropped);
        Assert.True(log.Contains(LogLevel.Warning, "89 alerts lost (queue full: 89"));
    }

    [Fact]
    public void Continued_drops_are_summarised_periodically()
    {
        var log = new RecordingLog();
        var gated = new GatedOutput();
        var options = Alerts.Options(capacity: 1, outputTimeoutMs: 40) with { DropReportInterval = TimeSpan.FromMilliseconds(50) };
        using var pipeline = new OutputsPipeline(options, [gated], log);
        pipeline.TryEnqueue(Alerts.Header(), "x"u8);
        Assert.True(gated.Entered.Wait(Long));
        pipeline.TryEnqueue(Alerts.Header(), "queued"u8);
        for (var i = 0; i < 5; i++)
        {
            Assert.False(pipeline.TryEnqueue(Alerts.Header(), "dropped"u8));
        }

        Assert.True(Alerts.Eventually(() => log.Contains(LogLevel.Warning, "4 more alerts dropped (5 since start)")), log.ToString());
        gated.Release();
    }

    [Fact]
    public void A_slow_channel_never_grows_the_queue_beyond_its_capacity()
    {
        var slow = new RecordingOutput("slow", delayMs: 2);
        using var pipeline = new OutputsPipeline(Alerts.Options(capacity: 50), [slow]);
        var line = new byte[1000];
        for (var i = 0; i < 20_000; i++)
        {
            pipeline.TryEnqueue(Alerts.Header(), line);
            Assert.True(pipeline.GetCounters().QueueDepth <= 50);
        }

        var report = pipeline.Shutdown(Long);
        var counters = report.Counters;
        Assert.Equal(20_000, counters.Enqueued + counters.DroppedQueueFull);
        Assert.True(counters.DroppedQueueFull > 0);
        Assert.Equal(counters.Enqueued, slow.Lines.Count);
        Assert.True(counters.MaxQueueDepth <= 50);
    }

    [Fact]
    public void With_a_full_queue_wait_a_slow_channel_slows_the_producer_and_loses_nothing()
    {
        var slow = new RecordingOutput("slow", delayMs: 1);
        using var pipeline = new OutputsPipeline(Alerts.Options(capacity: 5, queueFullWaitMs: 5000), [slow]);
        for (var i = 0; i < 300; i++)
        {
            Assert.True(pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes("alert " + i)));
            Assert.True(pipeline.GetCounters().QueueDepth <= 5);
        }

        var counters = pipeline.Shutdown(Long).Counters;
        Assert.Equal(0, counters.Dropped);
        Assert.Equal(Enumerable.Range(0, 300).Select(i => "alert " + i), slow.Lines);
    }

    [Fact]
    public void A_full_queue_wait_gives_up_and_drops_when_the_channel_stays_stuck()
    {
        var gated = new GatedOutput();
        using var pipeline = new OutputsPipeline(Alerts.Options(capacity: 1, queueFullWaitMs: 50), [gated]);
        for (var i = 0; i < 4; i++) pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes("alert " + i));
        Assert.True(pipeline.GetCounters().DroppedQueueFull >= 2);
        gated.Release();
    }

    [Fact]
    public void Shutdown_writes_everything_queued_before_returning()
    {
        var slow = new RecordingOutput("slow", delayMs: 1);
        var pipeline = new OutputsPipeline(Alerts.Options(capacity: 0), [slow]);
        for (var i = 0; i < 500; i++)
        {
            Assert.True(pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes("alert " + i)));
        }

        Assert.True(pipeline.GetCounters().QueueDepth > 100); // most of them are still waiting
        var report = pipeline.Shutdown(Long);

        Assert.True(report.Drained);
        Assert.False(report.WorkerAbandoned);
        Assert.Equal(0, report.Discarded);
        Assert.Equal(Enumerable.Range(0, 500).Select(i => "alert " + i), slow.Lines);
        Assert.Equal((500L, 500L, 0L), (report.Counters.Processed, report.Counters.Channels[0].Written, report.Counters.Dropped));
        Assert.Same(report, pipeline.Shutdown());
    }

    [Fact]
    public void Alerts_after_shutdown_are_refused_and_counted()
    {
        var log = new RecordingLog();
        var output = new RecordingOutput();
        var pipeline = new OutputsPipeline(Alerts.Options(), [output], log);
        pipeline.Shutdown(Long);

        Assert.True(pipeline.IsCompleted);
        Assert.False(pipeline.TryEnqueue(Alerts.Header(), "late"u8));
        Assert.False(pipeline.TryEnqueue(Alerts.Header(), "later"));
        Assert.Equal(2, pipeline.GetCounters().DroppedClosed);
        Assert.Equal(1, log.Count("after outputs shutdown began"));
        Assert.Empty(output.Lines);
    }

    [Fact]
    public void A_stuck_channel_cannot_hold_shutdown_and_what_it_blocks_is_reported()
    {
        var log = new RecordingLog();
        var gated = new GatedOutput(honourAbort: true);
        var pipeline = new OutputsPipeline(Alerts.Options(outputTimeoutMs: 300), [gated], log);
        for (var i = 0; i < 5; i++)
        {
            pipeline.TryEnqueue(Alerts.Header(), "stuck"u8);
        }

        Assert.True(gated.Entered.Wait(Long));
        var report = pipeline.Shutdown(TimeSpan.FromSeconds(30));

        Assert.False(report.Drained);
        Assert.False(report.WorkerAbandoned);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(5), report.Elapsed.ToString());
        Assert.Equal(4, report.Discarded);
        Assert.Equal(1, report.Counters.Channels[0].Failed); // the one in the channel's hands, aborted
        Assert.Equal(5, report.Counters.Enqueued);
        Assert.True(log.Contains(LogLevel.Notice, "output channels still blocked, discarding all remaining notifications"));
        Assert.True(log.Contains(LogLevel.Error, "gated: aborted"));
    }

    [Fact]
    public void A_channel_that_ignores_the_abort_signal_is_left_behind()
    {
        var log = new RecordingLog();
        var gated = new GatedOutput(honourAbort: false);
        var pipeline = new OutputsPipeline(Alerts.Options(outputTimeoutMs: 200), [gated], log);
        pipeline.TryEnqueue(Alerts.Header(), "one"u8);
        pipeline.TryEnqueue(Alerts.Header(), "two"u8);
        Assert.True(gated.Entered.Wait(Long));

        var report = pipeline.Shutdown(TimeSpan.FromSeconds(30));
        try
        {
            Assert.True(report.WorkerAbandoned);
            Assert.False(report.Drained);
            Assert.Equal(1, report.Discarded);
            Assert.True(report.Elapsed < TimeSpan.FromSeconds(5), report.Elapsed.ToString());
            Assert.True(log.Contains(LogLevel.Error, "still blocked in gated"));
        }
        finally
        {
            gated.Release();
        }
    }

    [Fact]
    public void The_overall_shutdown_timeout_bounds_a_slow_but_moving_drain()
    {
        var slow = new RecordingOutput("slow", delayMs: 20);
        var pipeline = new OutputsPipeline(Alerts.Options(outputTimeoutMs: 1000), [slow]);
        for (var i = 0; i < 1000; i++)
        {
            pipeline.TryEnqueue(Alerts.Header(), "a"u8);
        }

        var report = pipeline.Shutdown(TimeSpan.FromMilliseconds(300));
        Assert.False(report.Drained);
        Assert.True(report.Discarded > 900);
        Assert.Equal(1000, report.Counters.Processed + report.Counters.DiscardedAtShutdown);
        Assert.Equal(report.Counters.Processed, slow.Lines.Count);
    }

    [Fact]
    public void A_failing_channel_is_logged_and_counted_and_does_not_stop_the_others()
    {
        var log = new RecordingLog();
        var recording = new RecordingOutput();
        using var pipeline = new OutputsPipeline(Alerts.Options(), [new ThrowingOutput(), recording], log);
        pipeline.TryEnqueue(Alerts.Header(), "a"u8);
        pipeline.TryEnqueue(Alerts.Header(), "b"u8);
        var report = pipeline.Shutdown(Long);

        Assert.Equal(["a", "b"], recording.Lines);
        var boom = report.Counters.Channels[0];
        Assert.Equal(("boom", 0L, 2L), (boom.Name, boom.Written, boom.Failed));
        Assert.Equal(2, log.Count("boom: disk on fire"));
        Assert.Equal(2, report.Counters.Processed);
    }

    [Fact]
    public void The_watchdog_reports_a_channel_call_slower_than_output_timeout()
    {
        var log = new RecordingLog();
        var slow = new RecordingOutput("slowpoke", delayMs: 600);
        using var pipeline = new OutputsPipeline(Alerts.Options(outputTimeoutMs: 100), [slow, new RecordingOutput("quick")], log);
        pipeline.TryEnqueue(Alerts.Header(), "a"u8);
        Assert.True(pipeline.WaitUntilIdle(Long));

        Assert.True(log.Contains(LogLevel.Critical, "\"slowpoke\" output timeout, all output channels are blocked"), log.ToString());
        Assert.Equal(1, log.Count("output timeout"));
        var counters = pipeline.GetCounters();
        Assert.Equal(1, counters.Channels[0].Blocked);
        Assert.Equal(0, counters.Channels[1].Blocked);
    }

    [Fact]
    public void A_reopen_request_reaches_every_channel_before_the_next_alert()
    {
        var a = new RecordingOutput("a");
        var b = new RecordingOutput("b");
        using var pipeline = new OutputsPipeline(Alerts.Options(), [a, b]);
        pipeline.RequestReopen();
        Assert.True(Alerts.Eventually(() => a.Reopens == 1 && b.Reopens == 1));
        pipeline.TryEnqueue(Alerts.Header(), "after"u8);
        pipeline.Shutdown(Long);
        Assert.Equal(["after"], a.Lines);
        Assert.Equal(1, a.Reopens);
    }

    [Fact]
    public void Several_producers_lose_nothing_and_keep_their_own_order()
    {
        const int producers = 4;
        const int perProducer = 5000;
        var output = new RecordingOutput();
        var pipeline = new OutputsPipeline(Alerts.Options(capacity: 0), [output]);
        using var start = new Barrier(producers);
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perProducer; i++)
            {
                Assert.True(pipeline.TryEnqueue(Alerts.Header(source: "src" + p), Encoding.UTF8.GetBytes($"{p}:{i}")));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var report = pipeline.Shutdown(Long);

        Assert.True(report.Drained);
        Assert.Equal(producers * perProducer, output.Lines.Count);
        var seen = output.Lines.Select(l => l.Split(':')).GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.Select(x => int.Parse(x[1])).ToList());
        for (var p = 0; p < producers; p++)
        {
            Assert.Equal(Enumerable.Range(0, perProducer), seen[p.ToString()]);
        }

        Assert.All(output.Snapshots, s => Assert.Equal("src" + s.ToString().Split(':')[0], s.Source));
    }

    [Fact]
    public void Several_producers_against_a_small_queue_account_for_every_alert()
    {
        const int producers = 4;
        const int perProducer = 3000;
        var output = new RecordingOutput("slow", delayMs: 0);
        var pipeline = new OutputsPipeline(Alerts.Options(capacity: 16), [output]);
        var accepted = 0;
        var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
        {
            for (var i = 0; i < perProducer; i++)
            {
                if (pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes($"{p}:{i}")))
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var report = pipeline.Shutdown(Long);

        var counters = report.Counters;
        Assert.Equal(producers * perProducer, counters.Enqueued + counters.DroppedQueueFull);
        Assert.Equal(accepted, counters.Enqueued);
        Assert.Equal(accepted, output.Lines.Count);
        Assert.Equal(output.Lines.Count, output.Lines.Distinct().Count());
        Assert.True(counters.MaxQueueDepth <= 16);
    }

    [Fact]
    public void A_steady_flow_reuses_pooled_messages_instead_of_allocating()
    {
        using var pipeline = new OutputsPipeline(Alerts.Options(capacity: 64), [new CountingOutput()]);
        var header = Alerts.Header();
        var line = new byte[700];
        for (var i = 0; i < 100; i++)
        {
            pipeline.TryEnqueue(header, line);
            pipeline.WaitUntilIdle(Long);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++)
        {
            pipeline.TryEnqueue(header, line);
            pipeline.WaitUntilIdle(Long);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 2000, $"{allocated} bytes for 2000 alerts");
        Assert.Equal(2100, pipeline.GetCounters().Channels[0].Written);
    }

    [Fact]
    public void Messages_with_long_lines_grow_their_buffer_and_keep_content()
    {
        var output = new RecordingOutput();
        using var pipeline = new OutputsPipeline(Alerts.Options(), [output]);
        var big = new string('x', 100_000) + "é";
        pipeline.TryEnqueue(Alerts.Header(), "short"u8);
        pipeline.TryEnqueue(Alerts.Header(), Encoding.UTF8.GetBytes(big));
        pipeline.TryEnqueue(Alerts.Header(), big);
        pipeline.TryEnqueue(Alerts.Header(), "short again");
        pipeline.Shutdown(Long);
        Assert.Equal(["short", big, big, "short again"], output.Lines);
    }

    [Fact]
    public void Create_refuses_options_that_fail_validation()
    {
        var error = Assert.Throws<ArgumentException>(() => OutputsPipeline.Create(new OutputsOptions()));
        Assert.Contains("No output configured", error.Message);
    }

    /// <summary>A channel that only counts: nothing allocated on its side either.</summary>
    private sealed class CountingOutput : IAlertOutput
    {
        public string Name => "counting";

        public void Write(AlertMessage alert, CancellationToken abort)
        {
        }

        public void Close(CancellationToken abort)
        {
        }

        public void Dispose()
        {
        }
    }
}
