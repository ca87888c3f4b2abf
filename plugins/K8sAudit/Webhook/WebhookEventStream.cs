using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// The k8saudit webhook source (open parameters <c>http://...</c> or <c>https://...</c>): an HTTP
/// server that takes the audit events the Kubernetes API server's webhook backend POSTs, and a
/// stream that hands them to the host in the order they arrived, stamped with their
/// <c>stageTimestamp</c>. It never ends on its own; it runs until the host closes it.
/// </summary>
internal sealed class WebhookEventStream : EventStream
{
    /// <summary>
    /// Queued payload bytes before requests wait. Twice upstream's default body limit: one full
    /// batch can be delivered while the next is already accepted.
    /// </summary>
    private const long QueueCapacityBytes = 24L * 1024 * 1024;

    /// <summary>How long an idle call waits for a request before reporting a timeout, so the host stays responsive.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);

    private readonly AuditEventQueue _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _log;
    private readonly WebhookServer _server;
    private bool _disposed;

    /// <summary>
    /// Starts listening on <paramref name="endpoint"/>. Throws <see cref="InvalidOperationException"/>
    /// with the reason (port in use, bad address, unusable certificate): the open fails with it.
    /// </summary>
    /// <param name="endpoint">Where to listen and which path to serve.</param>
    /// <param name="config">The plugin config: certificate, event and body size limits.</param>
    /// <param name="log">Where dropped events and refused requests are reported.</param>
    public WebhookEventStream(WebhookEndpoint endpoint, K8sAuditConfig config, Action<string> log)
        : this(endpoint, config, log, QueueCapacityBytes)
    {
    }

    /// <summary>As the public constructor, with the queue bound chosen (tests of backpressure).</summary>
    internal WebhookEventStream(WebhookEndpoint endpoint, K8sAuditConfig config, Action<string> log, long queueCapacityBytes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _queue = new AuditEventQueue(queueCapacityBytes);
        var handler = new WebhookRequestHandler(endpoint, config, _queue, log, _stopping.Token);
        try
        {
            _server = WebhookServer.Start(endpoint, config, handler);
        }
        catch (InvalidOperationException e)
        {
            _stopping.Dispose();
            throw new InvalidOperationException($"k8s audit webhook: {e.Message}", e);
        }
    }

    /// <summary>The addresses listened on, with the actual ports (a requested port 0 becomes the one picked).</summary>
    internal IReadOnlyList<string> BoundAddresses => _server.Addresses;

    /// <summary>The port listened on (the one picked when 0 was asked for).</summary>
    internal int Port => new Uri(_server.Addresses[0]).Port;

    public override BatchResult NextBatch(EventBatch batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _queue.TakeInto(batch, IdleWait) > 0 ? BatchResult.Success : BatchResult.Timeout;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;

            // Requests waiting for queue room give up (503) at once instead of holding the stop.
            _stopping.Cancel();
            _server.Dispose();
            _stopping.Dispose();
            if (_queue.Count is var undelivered and > 0)
            {
                _log($"webhook: closed with {undelivered} received audit event(s) not yet read");
            }
        }

        base.Dispose(disposing);
    }
}
