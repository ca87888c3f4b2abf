using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// Reads the records of one CloudTrail log file (<c>{"Records": [{...}, {...}]}</c>) from a stream,
/// one at a time, without loading the file: the buffer only ever holds the record being read (it
/// grows to the largest record). Each record is handed out as its original JSON text, exactly as
/// it is in the file, which is what upstream delivers as the event payload.
/// </summary>
/// <remarks>
/// <para>
/// A file's content never fails the read, as upstream's never does (its splitter takes every
/// brace-balanced object at depth 2 as a record, drops those that do not parse, and skips a gzip it
/// cannot decompress). Every complete record found is handed out, and <see cref="Problem"/> says,
/// with the position, what was wrong:
/// </para>
/// <list type="bullet">
/// <item>Something in the Records array that is not a valid record (a record that is not valid
/// JSON, a number): from there the reader goes on as upstream's splitter does, matching braces; a
/// record that is not valid JSON is handed out with <see cref="RecordKind.NotJson"/>, to be
/// dropped and counted.</item>
/// <item>Anything else (not JSON, not an object with a Records array, a truncated file, a gzip
/// that cannot be decompressed, a record over 256 MiB): the file ends there, after the records
/// before it.</item>
/// </list>
/// <para>Only a failed read of the stream is thrown (an <see cref="IOException"/>), as upstream fails on those.</para>
/// </remarks>
internal sealed partial class LogFileReader : IDisposable
{
    private const int InitialBufferSize = 64 * 1024;
    private const int MaxRecordSize = 256 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly string _name;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _streamEnded;
    private bool _atStart = true;
    private JsonReaderState _state = new(JsonLimits.ReaderOptions);
    private JsonReaderState _resumeState;
    private Position _position = Position.BeforeRoot;
    private bool _sawRecords;
    private int _recordCount;
    private RecordCheck _check;

    // File offset of _buffer[0], for positions in messages and for the brace-matching mode.
    private long _bufferOffset;
    private bool _done;

    // Structural mode: where brace matching would start if the Records array turns out broken
    // (a point between records, at brace depth 1), and whether a record has begun since.
    private long _resyncAt;
    private bool _inRecord;

    // Brace-matching mode (upstream's splitter), as file offsets.
    private bool _matching;
    private int _depth;
    private bool _inString;
    private bool _escaped;
    private long _scan;
    private long _candidate = -1;
    private long _recordOffset;

    private enum Position
    {
        BeforeRoot,
        InRoot,
        SkippingMember,
        BeforeRecords,
        InRecords,
        AfterRoot,
    }

    /// <param name="stream">The file's content (already decompressed); disposed with the reader.</param>
    /// <param name="name">How errors name the file: a path or an s3:// URI.</param>
    public LogFileReader(Stream stream, string name)
    {
        _stream = stream;
        _name = name;
    }

    /// <summary>Whether the last record handed out is an event, and its timestamp.</summary>
    public RecordCheck LastCheck => _check;

    /// <summary>How messages name the last record handed out: Records[i], or its position once braces are matched.</summary>
    public string LastRecordName => _matching ? $"the record at byte {_recordOffset}" : $"Records[{_recordCount - 1}]";

    /// <summary>What is wrong with the file's content, once found (null for a valid log file).</summary>
    public string? Problem { get; private set; }

    /// <summary>
    /// The next record's JSON text, valid until the next call; false at the end of the file, or
    /// where its content stops making sense (see <see cref="Problem"/>).
    /// </summary>
    public bool TryReadRecord(out ReadOnlySpan<byte> record)
    {
        record = default;
        while (!_done)
        {
            try
            {
                return _matching ? TryMatchRecord(out record) : TryReadStructured(out record);
            }
            catch (JsonException e)
            {
                OnBadContent($"not valid JSON at {Where(e)}: {Reason(e)}");
            }
            catch (BadContentException e)
            {
                OnBadContent(e.Message);
            }
            catch (InvalidDataException e)
            {
                Stop($"cannot be decompressed: {e.Message}");
            }
            catch (IOException e)
            {
                throw new IOException($"cloudtrail plugin error: cannot read {_name}: {e.Message}", e);
            }
        }

        return false;
    }

    public void Dispose() => _stream.Dispose();

    // Content that is not what a log file holds: inside the Records array, read on by matching
    // braces as upstream does; anywhere else, stop.
    private void OnBadContent(string what)
    {
        // At the end of the file with no object left to find (a file cut off between records,
        // trailing junk), there is nothing to read on for.
        var resync = (int)(_resyncAt - _bufferOffset);
        if (_matching || _position != Position.InRecords)
        {
            Stop(what);
            return;
        }

        if (_streamEnded && _buffer.AsSpan(resync, _end - resync).IndexOf((byte)'{') < 0)
        {
            var rest = _buffer.AsSpan(resync, _end - resync).Trim(" \t\r\n,"u8);
            Stop(rest.IsEmpty ? $"the file ends inside the Records array (at byte {_bufferOffset + _end})" : what);
            return;
        }

        // A broken record is reported with the records dropped (it is found again, and does not
        // parse); anything else in the array is reported here.
        if (!_inRecord)
        {
            Note($"{what}; the records after it are read by matching braces, as upstream does");
        }

        _matching = true;
        _depth = 1;
        _scan = _resyncAt;
        _start = resync;
    }

    private void Stop(string what)
    {
        Note($"{what}; stopped reading the file there, after {_recordCount} record(s)");
        _done = true;
    }

    private void Note(string what) => Problem = Problem is null ? what : $"{Problem}; then {what}";

    private void Refill()
    {
        if (_start > 0)
        {
            _bufferOffset += _start;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordSize)
            {
                throw Malformed($"a record is larger than {MaxRecordSize / (1024 * 1024)} MiB", _bufferOffset);
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxRecordSize));
        }

        do
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _streamEnded = true;
                break;
            }

            _end += read;
        }
        while (_atStart && _end < 3); // a byte-order mark is decided on the first three bytes

        if (_atStart)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, _end).StartsWith("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }

    private static BadContentException Malformed(string what, long? at) =>
        new(at is { } offset ? $"{what} (at byte {offset})" : what);

    // The file offset of the token the reader is on.
    private long At(ref Utf8JsonReader reader) => _bufferOffset + _start + reader.TokenStartIndex;

    // The reader's positions count from the start of the file (its state carries them across buffers).
    private static string Where(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } column ? $"line {line + 1}, byte {column + 1}" : "an unknown position";

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    // Content that is not a CloudTrail log file's (never a read failure).
    private sealed class BadContentException(string message) : Exception(message);
}
