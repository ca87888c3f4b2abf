namespace Peregrine.Engine.Outputs;

/// <summary>
/// A snapshot of the outputs' counters. Every alert offered to the pipeline ends up in exactly
/// one of <see cref="Enqueued"/>, <see cref="DroppedQueueFull"/> and <see cref="DroppedClosed"/>;
/// every enqueued alert is, once the pipeline has stopped, either processed or counted in
/// <see cref="DiscardedAtShutdown"/>.
/// </summary>
public sealed record OutputsCounters
{
    /// <summary>Alerts accepted into the queue.</summary>
    public long Enqueued { get; init; }

    /// <summary>Alerts refused because the queue was full: Falco's <c>outputs_queue_num_drops</c>.</summary>
    public long DroppedQueueFull { get; init; }

    /// <summary>Alerts refused because shutdown had begun.</summary>
    public long DroppedClosed { get; init; }

    /// <summary>Queued (or half-written) alerts thrown away when shutdown gave up on blocked channels.</summary>
    public long DiscardedAtShutdown { get; init; }

    /// <summary>Alerts the worker has handed to every channel (each channel's outcome is in <see cref="Channels"/>).</summary>
    public long Processed { get; init; }

    /// <summary>Alerts waiting now.</summary>
    public int QueueDepth { get; init; }

    /// <summary>The most alerts ever waiting at once.</summary>
    public int MaxQueueDepth { get; init; }

    /// <summary>The queue's capacity; 0 when unbounded.</summary>
    public int Capacity { get; init; }

    /// <summary>Per channel, in the order alerts are written to them.</summary>
    public IReadOnlyList<OutputChannelCounters> Channels { get; init; } = [];

    /// <summary>Every alert lost before reaching the channels, whatever the reason.</summary>
    public long Dropped => DroppedQueueFull + DroppedClosed + DiscardedAtShutdown;
}

/// <summary>One channel's counters.</summary>
/// <param name="Name">The channel (<c>stdout</c>, <c>file</c>, ...).</param>
/// <param name="Written">Alerts the channel accepted (for buffered channels: into its buffer).</param>
/// <param name="Failed">Alerts the channel could not deliver (each logged).</param>
/// <param name="Blocked">Calls that took longer than <c>output_timeout</c> (each logged, as Falco's watchdog).</param>
/// <param name="Extra">Channel-specific counters (http: <c>timeouts</c>, <c>retries</c>, ...; program: <c>restarts</c>, ...).</param>
public sealed record OutputChannelCounters(string Name, long Written, long Failed, long Blocked, IReadOnlyDictionary<string, long> Extra);

/// <summary>What <see cref="OutputsPipeline.Shutdown"/> achieved.</summary>
/// <param name="Drained">Every queued alert was handed to every channel and the channels closed in time.</param>
/// <param name="Discarded">Alerts thrown away because the channels stayed blocked (also in <see cref="OutputsCounters.DiscardedAtShutdown"/>).</param>
/// <param name="WorkerAbandoned">The worker was still stuck in a channel after the grace period and was left behind (a background thread).</param>
/// <param name="Elapsed">How long shutdown took.</param>
/// <param name="Counters">The final counters.</param>
public sealed record OutputsShutdownReport(bool Drained, long Discarded, bool WorkerAbandoned, TimeSpan Elapsed, OutputsCounters Counters);
