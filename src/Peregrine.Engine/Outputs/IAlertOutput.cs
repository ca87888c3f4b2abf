namespace Peregrine.Engine.Outputs;

/// <summary>
/// An output channel (Falco's <c>abstract_output</c>): stdout, file, program, http, syslog, or
/// one the engine or a test adds. The outputs worker is the only caller of <see cref="Write"/>,
/// <see cref="Reopen"/> and <see cref="Close"/>, always from one thread and never concurrently,
/// so a channel needs no locking of its own. <see cref="IDisposable.Dispose"/> may come from
/// another thread, after shutdown gave up on the worker.
/// </summary>
public interface IAlertOutput : IDisposable
{
    /// <summary>The channel's name as in <c>falco.yaml</c> (<c>stdout</c>, <c>file</c>, ...), used in logs and counters.</summary>
    string Name { get; }

    /// <summary>
    /// Writes one alert. On failure it throws (an <see cref="OutputException"/> or any I/O
    /// exception); the worker logs <c>"&lt;name&gt;: &lt;message&gt;"</c>, counts the alert as failed for
    /// this channel, and goes on with the next channel and the next alert. The message and its
    /// line are valid only during the call.
    /// </summary>
    /// <param name="alert">The alert.</param>
    /// <param name="abort">Signalled when shutdown gives up on a blocked channel; anything that can block (network, child processes) should observe it.</param>
    void Write(AlertMessage alert, CancellationToken abort);

    /// <summary>Closes and reopens what the channel writes to (Falco does this on SIGUSR1). The default does nothing.</summary>
    void Reopen(CancellationToken abort)
    {
    }

    /// <summary>
    /// Flushes buffered lines and closes (Falco's cleanup at stop). Called once, by the worker,
    /// after the last alert. <see cref="IDisposable.Dispose"/> follows regardless.
    /// </summary>
    void Close(CancellationToken abort);

    /// <summary>Channel-specific counters (e.g. <c>timeouts</c>, <c>restarts</c>), read from any thread.</summary>
    IEnumerable<KeyValuePair<string, long>> ExtraCounters => [];
}

/// <summary>A channel's failure to deliver, with a message meant for the operational log.</summary>
public class OutputException : Exception
{
    public OutputException(string message)
        : base(message)
    {
    }

    public OutputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
