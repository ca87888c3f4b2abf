using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// The bounded hand-off between the HTTP handlers (producers, on the thread pool) and the stream
/// (the one consumer, on the host's event thread). The bound is on payload bytes, not on events,
/// because one audit event may weigh anything from a few hundred bytes to maxEventSize. A request
/// whose events do not fit waits, which holds back its HTTP response: the API server's webhook
/// backend sees a slow receiver and buffers or retries on its side, and nothing is dropped here.
/// </summary>
internal sealed class AuditEventQueue(long capacityBytes)
{
    // A plain object, not System.Threading.Lock: the consumer waits on it with Monitor.Wait.
    private readonly object _lock = new();
    private readonly Queue<AuditEvent> _events = new();

    // One producer at a time waits for room, so requests enter in the order they got here.
    private readonly SemaphoreSlim _producers = new(1, 1);
    private long _bytes;
    private TaskCompletionSource _room = NewSignal();

    /// <summary>Events waiting for the stream.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="events"/> (one request's, kept together and in order) once there is
    /// room. An empty queue always takes them, so a request larger than the bound still gets in.
    /// </summary>
    public async Task EnqueueAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellation)
    {
        long size = 0;
        foreach (var evt in events)
        {
            size += evt.Payload.Length;
        }

        await _producers.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            while (true)
            {
                Task room;
                lock (_lock)
                {
                    if (_bytes == 0 || _bytes + size <= capacityBytes)
                    {
                        foreach (var evt in events)
                        {
                            _events.Enqueue(evt);
                        }

                        _bytes += size;
                        Monitor.PulseAll(_lock);
                        return;
                    }

                    room = _room.Task;
                }

                await room.WaitAsync(cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _producers.Release();
        }
    }

    /// <summary>
    /// Moves queued events into <paramref name="batch"/> until it is full. When nothing is queued,
    /// first waits up to <paramref name="idleWait"/> for a request. Returns how many were moved.
    /// </summary>
    public int TakeInto(EventBatch batch, TimeSpan idleWait)
    {
        lock (_lock)
        {
            if (_events.Count == 0)
            {
                Monitor.Wait(_lock, idleWait);
            }

            var taken = 0;
            long freed = 0;
            while (!batch.IsFull && _events.TryPeek(out var evt))
            {
                batch.TryAdd(evt.Payload, evt.Timestamp);
                _events.Dequeue();
                freed += evt.Payload.Length;
                taken++;
            }

            if (freed > 0)
            {
                _bytes -= freed;
                var room = _room;
                _room = NewSignal();
                room.SetResult();
            }

            return taken;
        }
    }

    // Continuations run on the thread pool, never inline on the event thread that frees room.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
