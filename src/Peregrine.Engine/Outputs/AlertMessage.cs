using System.Text;
using Peregrine.Rules;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// One alert as the output channels see it: the header and the line the engine already
/// formatted (Falco's text line or its JSON object), as UTF-8 without a trailing newline.
/// Channels only write the line; none of them formats.
/// <para>
/// Instances handed out by <see cref="OutputsPipeline"/> are pooled: the line buffer is reused
/// once every channel has returned from <see cref="IAlertOutput.Write"/>, so a channel must not
/// keep the instance, the <see cref="Line"/> span or the <see cref="LineMemory"/> past that call.
/// </para>
/// </summary>
public sealed class AlertMessage
{
    /// <summary>Lines up to this size keep their buffer when the message goes back to the pool.</summary>
    internal const int MaxPooledBufferSize = 64 * 1024;

    private byte[] _line;
    private int _length;

    internal AlertMessage()
    {
        _line = new byte[256];
        Rule = Source = Hostname = string.Empty;
        Tags = AlertHeader.NoTags;
    }

    /// <summary>A standalone message (tests, tools, direct use of a channel).</summary>
    public AlertMessage(in AlertHeader header, ReadOnlySpan<byte> line, string hostname)
    {
        _line = new byte[Math.Max(line.Length, 16)];
        Rule = Source = Hostname = string.Empty;
        Tags = AlertHeader.NoTags;
        Set(header, line, hostname);
    }

    /// <summary>A standalone message from text.</summary>
    public AlertMessage(in AlertHeader header, string line, string hostname)
        : this(header, Encoding.UTF8.GetBytes(line), hostname)
    {
    }

    public Priority Priority { get; private set; }

    public string Rule { get; private set; }

    public string Source { get; private set; }

    /// <summary>Event time, nanoseconds since the Unix epoch.</summary>
    public ulong TimeNs { get; private set; }

    public IReadOnlyCollection<string> Tags { get; private set; }

    /// <summary>The host name the pipeline was configured with (Falco's <c>hostname</c>).</summary>
    public string Hostname { get; private set; }

    /// <summary>The formatted line, UTF-8, without a newline.</summary>
    public ReadOnlySpan<byte> Line => _line.AsSpan(0, _length);

    /// <summary>The formatted line as memory, for APIs that need it; valid as long as <see cref="Line"/>.</summary>
    public ReadOnlyMemory<byte> LineMemory => _line.AsMemory(0, _length);

    /// <summary>Whether this is one of the engine's own messages (source <c>internal</c>).</summary>
    public bool IsInternal => string.Equals(Source, AlertHeader.InternalSource, StringComparison.Ordinal);

    /// <summary>The line decoded (diagnostics and tests; channels write the bytes).</summary>
    public override string ToString() => Encoding.UTF8.GetString(Line);

    internal int BufferSize => _line.Length;

    internal void Set(in AlertHeader header, ReadOnlySpan<byte> line, string hostname)
    {
        SetHeader(header, hostname);
        if (line.Length > _line.Length)
        {
            _line = new byte[Math.Max(line.Length, _line.Length * 2)];
        }

        line.CopyTo(_line);
        _length = line.Length;
    }

    internal void Set(in AlertHeader header, string line, string hostname)
    {
        SetHeader(header, hostname);
        var max = Encoding.UTF8.GetMaxByteCount(line.Length);
        if (max > _line.Length)
        {
            var exact = Encoding.UTF8.GetByteCount(line);
            if (exact > _line.Length)
            {
                _line = new byte[Math.Max(exact, _line.Length * 2)];
            }
        }

        _length = Encoding.UTF8.GetBytes(line, _line);
    }

    /// <summary>Drops the references the message holds so a pooled instance keeps nothing alive.</summary>
    internal void Clear()
    {
        Rule = Source = Hostname = string.Empty;
        Tags = AlertHeader.NoTags;
        _length = 0;
    }

    private void SetHeader(in AlertHeader header, string hostname)
    {
        Priority = header.Priority;
        Rule = header.Rule ?? string.Empty;
        Source = header.Source ?? string.Empty;
        TimeNs = header.TimeNs;
        Tags = header.Tags ?? AlertHeader.NoTags;
        Hostname = hostname;
    }
}
