using Peregrine.Plugins;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// A block of records read ahead: their JSON texts back to back in one buffer, with each one's
/// place and timestamp, plus what the reader has to say (log messages, a failure, the end).
/// Chunks are recycled, so reading allocates nothing per record once they have grown.
/// </summary>
internal sealed class RecordChunk
{
    public const int Capacity = 1024 * 1024;
    public const int MaxRecords = 4096;

    private byte[] _data = new byte[Capacity];
    private int _used;

    public List<(int Offset, int Length, ulong Timestamp)> Records { get; } = new(MaxRecords);

    /// <summary>Messages to log when the chunk is taken (the host's logger is called from the host's thread only).</summary>
    public List<(PluginLogSeverity Severity, string Message)> Logs { get; } = [];

    /// <summary>Why reading stopped after these records, if it failed.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Whether no chunk follows.</summary>
    public bool IsLast { get; set; }

    /// <summary>The next record to hand out (consumer side).</summary>
    public int Position { get; set; }

    public bool IsFull => Records.Count >= MaxRecords || _used >= Capacity;

    public bool IsEmpty => Records.Count == 0 && Logs.Count == 0 && Failure is null && !IsLast;

    public ReadOnlySpan<byte> Payload(int index)
    {
        var (offset, length, _) = Records[index];
        return _data.AsSpan(offset, length);
    }

    /// <summary>Adds a record; a chunk's first record always fits (the buffer grows for a huge one).</summary>
    public bool TryAdd(ReadOnlySpan<byte> record, ulong timestamp)
    {
        if (Records.Count >= MaxRecords || (_used + record.Length > _data.Length && Records.Count > 0))
        {
            return false;
        }

        if (record.Length > _data.Length)
        {
            _data = new byte[record.Length];
        }

        record.CopyTo(_data.AsSpan(_used));
        Records.Add((_used, record.Length, timestamp));
        _used += record.Length;
        return true;
    }

    public void Clear()
    {
        if (_data.Length > Capacity)
        {
            _data = new byte[Capacity]; // do not keep a buffer grown for one huge record
        }

        _used = 0;
        Records.Clear();
        Logs.Clear();
        Failure = null;
        IsLast = false;
        Position = 0;
    }
}
