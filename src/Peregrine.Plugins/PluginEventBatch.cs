namespace Peregrine.Plugins;

/// <summary>
/// The events of one successful <see cref="IPluginStream.NextBatch"/>: a view over an array of
/// event pointers owned by the producer, valid until the next <c>NextBatch</c> on the same stream
/// (or until it is closed). Event <c>i</c> has number <see cref="FirstNumber"/> + <c>i</c>.
/// </summary>
public readonly unsafe struct PluginEventBatch
{
    private readonly byte** _events;

    /// <summary>Wraps <paramref name="count"/> event pointers.</summary>
    public PluginEventBatch(byte** events, int count, ulong firstNumber, EventSourceName source)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _events = events;
        Count = count;
        FirstNumber = firstNumber;
        Source = source;
    }

    /// <summary>Number of events.</summary>
    public int Count { get; }

    /// <summary>Number of the first event.</summary>
    public ulong FirstNumber { get; }

    /// <summary>Source of every event in the batch.</summary>
    public EventSourceName Source { get; }

    /// <summary>The event pointer array.</summary>
    public byte** Pointers => _events;

    /// <summary>Event <paramref name="index"/>.</summary>
    public PluginEvent this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return new PluginEvent(_events[index], FirstNumber + (ulong)index, Source);
        }
    }

    /// <summary>Enumerates the events without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>A struct enumerator over a batch.</summary>
    public struct Enumerator
    {
        private readonly PluginEventBatch _batch;
        private int _index;

        internal Enumerator(PluginEventBatch batch)
        {
            _batch = batch;
            _index = -1;
        }

        /// <summary>The current event.</summary>
        public readonly PluginEvent Current => new(_batch._events[_index], _batch.FirstNumber + (ulong)_index, _batch.Source);

        /// <summary>Advances.</summary>
        public bool MoveNext() => ++_index < _batch.Count;
    }
}
