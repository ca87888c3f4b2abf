namespace Peregrine.Sdk;

/// <summary>
/// What <see cref="EventStream.NextBatch"/> reports. Events added to the batch are delivered
/// whatever the result; a failure is an exception.
/// </summary>
public enum BatchResult
{
    /// <summary>The batch holds events (at least one, or the host reports an error).</summary>
    Success,

    /// <summary>Nothing more right now; the host polls again.</summary>
    Timeout,

    /// <summary>The stream is finished.</summary>
    Eof,
}
