namespace Peregrine.Engine.Outputs;

/// <summary>Why <see cref="AlertQueue.TryEnqueue(in AlertHeader, ReadOnlySpan{byte})"/> refused an alert.</summary>
internal enum EnqueueResult
{
    Accepted,

    /// <summary>The queue was at capacity (Falco's <c>outputs_queue_num_drops</c>).</summary>
    DroppedFull,

    /// <summary>The queue no longer accepts alerts: shutdown has begun.</summary>
    DroppedClosed,
}

/// <summary>
/// The outputs queue: many producers (one per event source), one consumer (the outputs worker).
/// Bounded by the configured capacity; when full, the new alert is refused and counted, never
/// waited for, so a slow channel costs alerts, not memory, and never stalls a source thread.
/// <para>
/// Messages are pooled: a producer's line is copied into a recycled <see cref="AlertMessage"/>
/// under the lock, and the consumer hands each message back when it asks for the next one, so a
/// steady flow allocates nothing. Counters are updated under the same lock.
/// </para>
/// </summary>
internal sealed class AlertQueue
{
    /// <summary>Messages kept for reuse at most; beyond that a burst's extra messages are left to the GC.</summary>
    private const int MaxPooled = 16 * 1024;

    private readonly object _gate = new();
    private readonly Queue<AlertMessage> _items;
    private readonly Stack<AlertMessage> _free = new();
    private readonly int _capacity;
    private readonly int _maxFree;
    private readonly string _hostname;
    private readonly long _fullWaitMs;

    private bool _closed;
    private int _producersWaiting;
    private bool _wake;
    private bool _consumerWaiting;
    private bool _inFlight;
    private int _idleWaiters;

    private long _enqueued;
    private long _droppedFull;
    private long _droppedClosed;
    private long _discarded;
    private long _dequeued;
    private int _maxDepth;

    /// <param name="capacity">Maximum queued alerts; 0 means unbounded, as Falco's <c>outputs_queue.capacity: 0</c>.</param>
    /// <param name="hostname">Stamped on every message.</param>
    /// <param name="fullWait">
    /// How long a producer waits for room when the queue is full before the alert is dropped.
    /// A burst the channels can absorb then loses nothing and the source slows down instead;
    /// a channel that stays stuck still cannot hold a source for longer than this per alert.
    /// </param>
    public AlertQueue(int capacity, string hostname, TimeSpan fullWait = default)
    {
        _fullWaitMs = (long)fullWait.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _capacity = capacity == 0 ? int.MaxValue : capacity;
        _maxFree = Math.Min(_capacity == int.MaxValue ? MaxPooled : _capacity + 2, MaxPooled);
        _items = new Queue<AlertMessage>(Math.Min(_capacity, 1024));
        _hostname = hostname;
    }

    /// <summary>0 when unbounded.</summary>
    public int Capacity => _capacity == int.MaxValue ? 0 : _capacity;

    public EnqueueResult TryEnqueue(in AlertHeader header, ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            var refused = Admit();
            if (refused != EnqueueResult.Accepted)
            {
                return refused;
            }

            var message = Rent();
            message.Set(header, line, _hostname);
            Add(message);
            return EnqueueResult.Accepted;
        }
    }

    public EnqueueResult TryEnqueue(in AlertHeader header, string line)
    {
        lock (_gate)
        {
            var refused = Admit();
            if (refused != EnqueueResult.Accepted)
            {
                return refused;
            }

            var message = Rent();
            message.Set(header, line, _hostname);
            Add(message);
            return EnqueueResult.Accepted;
        }
    }

    /// <summary>
    /// The consumer's one call: returns <paramref name="done"/> (the previous message, or null)
    /// to the pool, then waits for the next message. Returns null when woken by <see cref="Wake"/>
    /// (with <paramref name="finished"/> false) or when the queue is closed and empty
    /// (<paramref name="finished"/> true).
    /// </summary>
    public AlertMessage? Take(AlertMessage? done, out bool finished)
    {
        lock (_gate)
        {
            if (done is not null)
            {
                Return(done);
            }

            _inFlight = false;
            while (_items.Count == 0 && !_closed && !_wake)
            {
                if (_idleWaiters > 0)
                {
                    Monitor.PulseAll(_gate);
                }

                _consumerWaiting = true;
                Monitor.Wait(_gate);
                _consumerWaiting = false;
            }

            _wake = false;
            if (_items.Count > 0)
            {
                _inFlight = true;
                _dequeued++;
                finished = false;
                var next = _items.Dequeue();
                if (_producersWaiting > 0) Monitor.PulseAll(_gate);
                return next;
            }

            finished = _closed;
            if (finished && _idleWaiters > 0)
            {
                Monitor.PulseAll(_gate);
            }

            return null;
        }
    }

    /// <summary>Makes the consumer's <see cref="Take"/> return (to handle a control request) even if nothing is queued.</summary>
    public void Wake()
    {
        lock (_gate)
        {
            _wake = true;
            WakeConsumer();
        }
    }

    /// <summary>Stops accepting alerts; what is queued stays queued for the consumer to drain.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _closed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Closes and throws away everything queued, counting it as discarded; returns how many.</summary>
    public int DiscardAll()
    {
        lock (_gate)
        {
            _closed = true;
            var count = _items.Count;
            while (_items.Count > 0)
            {
                Return(_items.Dequeue());
            }

            _discarded += count;
            Monitor.PulseAll(_gate);
            return count;
        }
    }

    /// <summary>Counts an alert the consumer had taken but could not finish because shutdown gave up on it.</summary>
    public void CountDiscardedInFlight()
    {
        lock (_gate)
        {
            _discarded++;
        }
    }

    /// <summary>Waits until nothing is queued and the consumer holds no message (or the queue finished).</summary>
    public bool WaitUntilIdle(TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            _idleWaiters++;
            try
            {
                while (_items.Count > 0 || _inFlight)
                {
                    var left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        return false;
                    }

                    Monitor.Wait(_gate, (int)Math.Min(left, int.MaxValue));
                }

                return true;
            }
            finally
            {
                _idleWaiters--;
            }
        }
    }

    public QueueCounters Snapshot()
    {
        lock (_gate)
        {
            return new QueueCounters(_enqueued, _droppedFull, _droppedClosed, _discarded, _dequeued, _items.Count, _maxDepth);
        }
    }

    private EnqueueResult Admit()
    {
        if (!_closed && _items.Count >= _capacity && _fullWaitMs > 0) WaitForRoom();
        if (_closed)
        {
            _droppedClosed++;
            return EnqueueResult.DroppedClosed;
        }

        if (_items.Count >= _capacity)
        {
            _droppedFull++;
            return EnqueueResult.DroppedFull;
        }

        return EnqueueResult.Accepted;
    }

    /// <summary>Waits (holding nothing but the monitor's wait) until the consumer makes room, the queue closes, or the wait runs out.</summary>
    private void WaitForRoom()
    {
        var deadline = Environment.TickCount64 + _fullWaitMs;
        _producersWaiting++;
        try
        {
            while (!_closed && _items.Count >= _capacity)
            {
                var left = deadline - Environment.TickCount64;
                if (left <= 0) return;
                Monitor.Wait(_gate, (int)Math.Min(left, int.MaxValue));
            }
        }
        finally
        {
            _producersWaiting--;
        }
    }

    private AlertMessage Rent() => _free.Count > 0 ? _free.Pop() : new AlertMessage();

    private void Add(AlertMessage message)
    {
        _items.Enqueue(message);
        _enqueued++;
        if (_items.Count > _maxDepth)
        {
            _maxDepth = _items.Count;
        }

        WakeConsumer();
    }

    /// <summary>Idle waiters and waiting producers share the monitor with the consumer, so with any present all are woken.</summary>
    private void WakeConsumer()
    {
        if (!_consumerWaiting)
        {
            return;
        }

        if (_idleWaiters > 0 || _producersWaiting > 0)
        {
            Monitor.PulseAll(_gate);
        }
        else
        {
            Monitor.Pulse(_gate);
        }
    }

    private void Return(AlertMessage message)
    {
        message.Clear();
        if (_free.Count < _maxFree && message.BufferSize <= AlertMessage.MaxPooledBufferSize)
        {
            _free.Push(message);
        }
    }
}

internal readonly record struct QueueCounters(long Enqueued, long DroppedFull, long DroppedClosed, long Discarded, long Dequeued, int Depth, int MaxDepth);
