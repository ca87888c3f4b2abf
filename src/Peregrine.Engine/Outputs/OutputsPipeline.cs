using System.Diagnostics;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// The outputs of a running engine, Falco's <c>falco_outputs</c>: a bounded queue fed by the
/// source threads and one worker thread that writes every alert to every channel in turn
/// (file, stdout, syslog, program, http, in Falco's order).
/// <list type="bullet">
/// <item><b>Producers</b> call <see cref="TryEnqueue(in AlertHeader, ReadOnlySpan{byte})"/> from any
/// thread. It never blocks on the channels: when the queue is full the alert is dropped, counted
/// (<see cref="OutputsCounters.DroppedQueueFull"/>, Falco's <c>outputs_queue_num_drops</c>) and
/// logged (the first drop at once, then a summary at most every <see cref="OutputsOptions.DropReportInterval"/>).
/// The line is copied into a pooled message, so a steady flow allocates nothing.</item>
/// <item><b>The worker</b> catches each channel's failure, logs it as <c>"&lt;name&gt;: &lt;message&gt;"</c>
/// and counts it per channel; one failing channel does not keep the alert from the others. A
/// watchdog logs a channel call that takes longer than <c>output_timeout</c>, as Falco's.</item>
/// <item><b>Shutdown</b> (<see cref="Shutdown"/>, also <see cref="Dispose"/>): the queue stops
/// accepting alerts, the worker writes everything queued, then closes the channels (flushing
/// buffers, closing files, waiting for programs). If the channels make no progress for
/// <c>output_timeout</c>, or the whole drain exceeds the shutdown timeout, the rest is
/// discarded and counted, the channels' abort signal is raised (http requests are cancelled,
/// child programs killed), and after one more <c>output_timeout</c> a still-stuck worker is left
/// behind. Shutdown therefore always returns.</item>
/// </list>
/// </summary>
public sealed class OutputsPipeline : IDisposable
{
    private readonly AlertQueue _queue;
    private readonly Channel[] _channels;
    private readonly IOutputLog _log;
    private readonly long _outputTimeoutMs;
    private readonly TimeSpan _shutdownTimeout;
    private readonly long _dropReportIntervalMs;
    private readonly Thread _worker;
    private readonly ManualResetEventSlim _workerDone = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly Thread _watchdog;
    private readonly ManualResetEventSlim _stopWatchdog = new();
    private readonly TimeSpan _tick;
    private readonly object _shutdownGate = new();

    private int _reopenRequested;
    private int _firstFullDropLogged;
    private int _firstClosedDropLogged;
    private long _processed;
    private long _lastProgress;

    // The call in progress, written by the worker and read by the watchdog thread.
    private int _activeChannel = -1;
    private long _activeSince;
    private long _callSequence;
    private long _reportedSequence = -1;
    private long _reportedDrops;
    private long _lastDropReport;

    private OutputsShutdownReport? _report;

    /// <summary>A pipeline over the given channels; the queue and timeouts come from <paramref name="options"/> (its channel sections are not read).</summary>
    /// <param name="options">Capacity, timeouts, host name.</param>
    /// <param name="outputs">The channels, in writing order; owned (closed and disposed) by the pipeline.</param>
    /// <param name="log">Operational log.</param>
    public OutputsPipeline(OutputsOptions options, IEnumerable<IAlertOutput> outputs, IOutputLog? log = null)
        : this(options, outputs, log, [])
    {
    }

    private OutputsPipeline(OutputsOptions options, IEnumerable<IAlertOutput> outputs, IOutputLog? log, IReadOnlyList<string> initErrors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.QueueCapacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OutputTimeout, TimeSpan.Zero);
        _log = log ?? OutputLog.Null;
        _queue = new AlertQueue(options.QueueCapacity, options.Hostname, options.QueueFullWait);
        _channels = outputs.Select(o => new Channel(o)).ToArray();
        _outputTimeoutMs = Math.Max(1, (long)options.OutputTimeout.TotalMilliseconds);
        _shutdownTimeout = options.ShutdownTimeout;
        _dropReportIntervalMs = Math.Max(1, (long)options.DropReportInterval.TotalMilliseconds);
        InitErrors = initErrors;
        Hostname = options.Hostname;
        _lastProgress = Now;

        _worker = new Thread(Run) { IsBackground = true, Name = "peregrine-outputs" };
        _worker.Start();

        // A thread of its own rather than a timer: blocked channels and a starved thread pool
        // tend to come together, and the watchdog must still run then.
        _tick = TimeSpan.FromMilliseconds(Math.Clamp(_outputTimeoutMs / 4, 10, 1000));
        _watchdog = new Thread(Watch) { IsBackground = true, Name = "peregrine-outputs-watchdog" };
        _watchdog.Start();
    }

    /// <summary>
    /// Builds the channels <paramref name="options"/> enables and starts the pipeline. A channel
    /// that fails to initialise is logged (<c>Failed to init output: …</c>), listed in
    /// <see cref="InitErrors"/> and left out, as Falco does; the caller decides whether that is fatal.
    /// </summary>
    /// <exception cref="ArgumentException">The options do not pass <see cref="OutputsOptions.Validate"/> (the caller should have reported those).</exception>
    public static OutputsPipeline Create(OutputsOptions options, IOutputLog? log = null, OutputsEnvironment? environment = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        log ??= OutputLog.Null;
        var outputs = OutputChannels.Create(options, log, environment ?? OutputsEnvironment.Default, out var initErrors);
        return new OutputsPipeline(options, outputs, log, initErrors);
    }

    /// <summary>Channel initialisation failures (those channels are not in the pipeline).</summary>
    public IReadOnlyList<string> InitErrors { get; }

    /// <summary>The channels' names, in writing order.</summary>
    public IReadOnlyList<string> OutputNames => _channels.Select(c => c.Output.Name).ToArray();

    /// <summary>The host name stamped on messages.</summary>
    public string Hostname { get; }

    /// <summary>Whether shutdown has begun.</summary>
    public bool IsCompleted { get; private set; }

    private static long Now => Environment.TickCount64;

    /// <summary>
    /// Queues an alert whose line (text or JSON, UTF-8, no newline) the engine has formatted.
    /// The line is copied; the caller may reuse its buffer at once. Returns false when the alert
    /// was dropped (queue full, or shutdown begun); the drop is already counted and reported.
    /// Thread-safe; never waits for a channel.
    /// </summary>
    public bool TryEnqueue(in AlertHeader header, ReadOnlySpan<byte> line)
    {
        var result = _queue.TryEnqueue(header, line);
        if (result == EnqueueResult.Accepted)
        {
            return true;
        }

        OnDropped(result);
        return false;
    }

    /// <summary>As <see cref="TryEnqueue(in AlertHeader, ReadOnlySpan{byte})"/>, for a line held as text (internal messages).</summary>
    public bool TryEnqueue(in AlertHeader header, string line)
    {
        var result = _queue.TryEnqueue(header, line);
        if (result == EnqueueResult.Accepted)
        {
            return true;
        }

        OnDropped(result);
        return false;
    }

    /// <summary>
    /// Asks the worker to close and reopen every channel (file reopened, program restarted, syslog
    /// reconnected) before its next alert: what Falco does on SIGUSR1. Never dropped, never blocks.
    /// </summary>
    public void RequestReopen()
    {
        Interlocked.Exchange(ref _reopenRequested, 1);
        _queue.Wake();
    }

    /// <summary>Waits until the queue is empty and the worker holds no alert (tests, statistics); false on timeout.</summary>
    public bool WaitUntilIdle(TimeSpan timeout) => _queue.WaitUntilIdle(timeout);

    public OutputsCounters GetCounters()
    {
        var queue = _queue.Snapshot();
        return new OutputsCounters
        {
            Enqueued = queue.Enqueued,
            DroppedQueueFull = queue.DroppedFull,
            DroppedClosed = queue.DroppedClosed,
            DiscardedAtShutdown = queue.Discarded,
            Processed = Interlocked.Read(ref _processed),
            QueueDepth = queue.Depth,
            MaxQueueDepth = queue.MaxDepth,
            Capacity = _queue.Capacity,
            Channels = _channels.Select(c => c.Snapshot()).ToArray(),
        };
    }

    /// <summary>Stops accepting alerts (later ones are dropped and counted) without waiting; <see cref="Shutdown"/> does the rest.</summary>
    public void Complete()
    {
        IsCompleted = true;
        _queue.Close();
    }

    /// <summary>
    /// Stops accepting alerts, writes everything queued, closes the channels and returns what
    /// happened. Waits while the channels make progress, up to <paramref name="timeout"/>
    /// (default <see cref="OutputsOptions.ShutdownTimeout"/>; <see cref="Timeout.InfiniteTimeSpan"/>
    /// for no overall limit); gives up earlier when nothing progresses for <c>output_timeout</c>.
    /// Idempotent: later calls return the first report.
    /// </summary>
    public OutputsShutdownReport Shutdown(TimeSpan? timeout = null)
    {
        lock (_shutdownGate)
        {
            if (_report is not null)
            {
                return _report;
            }

            var limit = timeout ?? _shutdownTimeout;
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref _lastProgress, Now);
            Complete();

            var drained = WaitForWorker(limit, started);
            long discarded = 0;
            var abandoned = false;
            if (!drained)
            {
                _log.Log(LogLevel.Notice, "output channels still blocked, discarding all remaining notifications");
                _abort.Cancel();
                discarded = _queue.DiscardAll();
                if (!_workerDone.Wait(TimeSpan.FromMilliseconds(_outputTimeoutMs)))
                {
                    abandoned = true;
                    var channel = Volatile.Read(ref _activeChannel);
                    var name = channel >= 0 ? _channels[channel].Output.Name : "a channel";
                    _log.Log(LogLevel.Error, $"outputs worker still blocked in {name} after shutdown gave up; releasing the channels without it");
                    foreach (var c in _channels)
                    {
                        c.DisposeQuietly();
                    }
                }
            }

            _stopWatchdog.Set();
            var counters = GetCounters();
            discarded = counters.DiscardedAtShutdown;
            if (counters.Dropped > 0)
            {
                _log.Log(
                    LogLevel.Warning,
                    $"outputs: {counters.Dropped} alerts lost (queue full: {counters.DroppedQueueFull}, after shutdown began: {counters.DroppedClosed}, discarded at shutdown: {counters.DiscardedAtShutdown})");
            }

            _report = new OutputsShutdownReport(drained, discarded, abandoned, Stopwatch.GetElapsedTime(started), counters);
            return _report;
        }
    }

    /// <summary><see cref="Shutdown"/> with the default timeout.</summary>
    public void Dispose() => Shutdown();

    private bool WaitForWorker(TimeSpan limit, long started)
    {
        var unlimited = limit == Timeout.InfiniteTimeSpan;
        while (true)
        {
            if (_workerDone.Wait(TimeSpan.FromMilliseconds(Math.Min(50, _outputTimeoutMs))))
            {
                return true;
            }

            if (!unlimited && Stopwatch.GetElapsedTime(started) >= limit)
            {
                return false;
            }

            if (Now - Volatile.Read(ref _lastProgress) > _outputTimeoutMs)
            {
                return false;
            }
        }
    }

    private void OnDropped(EnqueueResult result)
    {
        if (result == EnqueueResult.DroppedFull)
        {
            if (Interlocked.Exchange(ref _firstFullDropLogged, 1) == 0)
            {
                Volatile.Write(ref _lastDropReport, Now);
                Interlocked.Exchange(ref _reportedDrops, 1);
                _log.Log(LogLevel.Error, $"outputs queue full (capacity {_queue.Capacity}): dropping alerts and continuing; drops are counted in outputs_queue_num_drops");
            }
        }
        else if (Interlocked.Exchange(ref _firstClosedDropLogged, 1) == 0)
        {
            _log.Log(LogLevel.Warning, "alert arrived after outputs shutdown began: dropped and counted");
        }
    }

    private void Run()
    {
        try
        {
            AlertMessage? done = null;
            while (true)
            {
                var message = _queue.Take(done, out var finished);
                done = null;
                if (Interlocked.Exchange(ref _reopenRequested, 0) != 0)
                {
                    ForEachChannel(static (o, abort) => o.Reopen(abort));
                }

                if (message is null)
                {
                    if (finished)
                    {
                        break;
                    }

                    continue;
                }

                Dispatch(message);
                done = message;
            }

            ForEachChannel(static (o, abort) => o.Close(abort));
            foreach (var c in _channels)
            {
                c.DisposeQuietly();
            }
        }
        catch (Exception e)
        {
            // Unreachable by design (every channel call is guarded); never let the thread die silently.
            _log.Log(LogLevel.Critical, "outputs worker failed: " + e);
        }
        finally
        {
            _workerDone.Set();
        }
    }

    private void Dispatch(AlertMessage message)
    {
        var abort = _abort.Token;
        for (var i = 0; i < _channels.Length; i++)
        {
            if (abort.IsCancellationRequested)
            {
                _queue.CountDiscardedInFlight();
                return;
            }

            var channel = _channels[i];
            BeginCall(i);
            try
            {
                channel.Output.Write(message, abort);
                Interlocked.Increment(ref channel.Written);
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref channel.Failed);
                _log.Log(LogLevel.Error, $"{channel.Output.Name}: {e.Message}");
            }
            finally
            {
                EndCall();
            }
        }

        Interlocked.Increment(ref _processed);
    }

    private void ForEachChannel(Action<IAlertOutput, CancellationToken> action)
    {
        for (var i = 0; i < _channels.Length; i++)
        {
            var channel = _channels[i];
            BeginCall(i);
            try
            {
                action(channel.Output, _abort.Token);
            }
            catch (Exception e)
            {
                _log.Log(LogLevel.Error, $"{channel.Output.Name}: {e.Message}");
            }
            finally
            {
                EndCall();
            }
        }
    }

    private void BeginCall(int channel)
    {
        Volatile.Write(ref _activeSince, Now);
        Interlocked.Increment(ref _callSequence);
        Volatile.Write(ref _activeChannel, channel);
    }

    private void EndCall()
    {
        Volatile.Write(ref _activeChannel, -1);
        Volatile.Write(ref _lastProgress, Now);
    }

    private void Watch()
    {
        while (!_stopWatchdog.Wait(_tick))
        {
            Tick();
        }
    }

    /// <summary>The watchdog: reports a blocked channel once per call, and summarises continued drops.</summary>
    private void Tick()
    {
        var now = Now;
        var sequence = Interlocked.Read(ref _callSequence);
        var active = Volatile.Read(ref _activeChannel);
        var since = Volatile.Read(ref _activeSince);
        if (active >= 0 && sequence == Interlocked.Read(ref _callSequence) && sequence != _reportedSequence && now - since > _outputTimeoutMs)
        {
            _reportedSequence = sequence;
            var channel = _channels[active];
            Interlocked.Increment(ref channel.Blocked);
            _log.Log(LogLevel.Critical, $"\"{channel.Output.Name}\" output timeout, all output channels are blocked");
        }

        var dropped = _queue.Snapshot().DroppedFull;
        var reported = Interlocked.Read(ref _reportedDrops);
        if (dropped > reported && now - Volatile.Read(ref _lastDropReport) >= _dropReportIntervalMs)
        {
            Interlocked.Exchange(ref _reportedDrops, dropped);
            Volatile.Write(ref _lastDropReport, now);
            _log.Log(LogLevel.Warning, $"outputs queue full: {dropped - reported} more alerts dropped ({dropped} since start)");
        }
    }

    private sealed class Channel(IAlertOutput output)
    {
        public readonly IAlertOutput Output = output;
        public long Written;
        public long Failed;
        public long Blocked;
        private int _disposed;

        public OutputChannelCounters Snapshot()
        {
            Dictionary<string, long> extra;
            try
            {
                extra = Output.ExtraCounters.ToDictionary(p => p.Key, p => p.Value);
            }
            catch (Exception)
            {
                extra = [];
            }

            return new OutputChannelCounters(Output.Name, Interlocked.Read(ref Written), Interlocked.Read(ref Failed), Interlocked.Read(ref Blocked), extra);
        }

        public void DisposeQuietly()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                Output.Dispose();
            }
            catch (Exception)
            {
                // Disposal failures have nowhere useful to go at this point.
            }
        }
    }
}
