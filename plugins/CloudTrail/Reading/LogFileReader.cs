using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// Reads the records of one CloudTrail log file (<c>{"Records": [{...}, {...}]}</c>) from a stream,
/// one at a time, without loading the file: the buffer only ever holds the record being read (it
/// grows to the largest record). Each record is handed out as its original JSON text, exactly as
/// it is in the file, which is what upstream delivers as the event payload. Anything that is not
/// such a file fails with an <see cref="InvalidDataException"/> naming the file and the position.
/// </summary>
internal sealed class LogFileReader : IDisposable
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

    /// <summary>Records handed out so far.</summary>
    public int RecordCount => _recordCount;

    /// <summary>Whether the last record handed out is an event, and its timestamp.</summary>
    public RecordCheck LastCheck => _check;

    /// <summary>
    /// The next record's JSON text, valid until the next call; false at the end of the file.
    /// </summary>
    public bool TryReadRecord(out ReadOnlySpan<byte> record)
    {
        try
        {
            while (true)
            {
                if (_streamEnded && _position == Position.BeforeRoot && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
                {
                    throw Malformed("the file is empty");
                }

                var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _streamEnded, _state);
                var step = Advance(ref reader, out var offset, out var length);
                switch (step)
                {
                    case Step.Record:
                        record = _buffer.AsSpan(_start + offset, length);
                        _start += (int)reader.BytesConsumed;
                        _state = reader.CurrentState;
                        _recordCount++;
                        return true;
                    case Step.End:
                        record = default;
                        return false;
                    default:
                        // Drop what was fully read and resume from the state before the cut-off token.
                        _start += offset;
                        _state = _resumeState;
                        Refill();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw Malformed($"not valid JSON: {e.Message}");
        }
        catch (InvalidDataException e) when (e.Source != nameof(LogFileReader))
        {
            throw Malformed($"cannot be decompressed: {e.Message}");
        }
        catch (IOException e)
        {
            throw new IOException($"cloudtrail plugin error: cannot read {_name}: {e.Message}", e);
        }
    }

    public void Dispose() => _stream.Dispose();

    private enum Step
    {
        Record,
        End,
        NeedMore,
    }

    // Reads tokens until a whole record is in view (Record), the file is done (End), or the data
    // runs out. In the last case `offset` is how much can be dropped from the buffer and
    // _resumeState the reader state before the token (or whole record) that was cut off.
    private Step Advance(ref Utf8JsonReader reader, out int offset, out int length)
    {
        length = 0;
        while (true)
        {
            var before = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            if (!reader.Read())
            {
                offset = consumed;
                _resumeState = before;
                if (_streamEnded)
                {
                    if (_position != Position.AfterRoot)
                    {
                        throw Malformed(_position == Position.BeforeRoot ? "the file is empty" : "the file ends before its JSON document does");
                    }

                    return Step.End;
                }

                return Step.NeedMore;
            }

            switch (_position)
            {
                case Position.BeforeRoot:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Malformed("a CloudTrail log file is a JSON object with a Records array, but this one does not start with an object");
                    }

                    _position = Position.InRoot;
                    break;
                case Position.InRoot when reader.TokenType == JsonTokenType.EndObject:
                    if (!_sawRecords)
                    {
                        throw Malformed("the JSON object has no Records array");
                    }

                    _position = Position.AfterRoot;
                    break;
                case Position.InRoot:
                    _position = reader.ValueTextEquals("Records"u8) ? Position.BeforeRecords : Position.SkippingMember;
                    break;
                case Position.SkippingMember:
                    if (!reader.TrySkip())
                    {
                        offset = consumed;
                        _resumeState = before;
                        return Step.NeedMore;
                    }

                    _position = Position.InRoot;
                    break;
                case Position.BeforeRecords:
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw Malformed($"Records is not an array (found {Describe(reader.TokenType)})");
                    }

                    _sawRecords = true;
                    _position = Position.InRecords;
                    break;
                case Position.InRecords when reader.TokenType == JsonTokenType.EndArray:
                    _position = Position.InRoot;
                    break;
                case Position.InRecords when reader.TokenType == JsonTokenType.StartObject:
                    var start = (int)reader.TokenStartIndex;
                    _check = default;
                    if (!TryReadMembers(ref reader))
                    {
                        // Cut off: the whole record is read again once more data is in.
                        offset = consumed;
                        _resumeState = before;
                        return Step.NeedMore;
                    }

                    offset = start;
                    length = (int)reader.BytesConsumed - start;
                    return Step.Record;
                case Position.InRecords:
                    throw Malformed($"Records[{_recordCount}] is not an object (found {Describe(reader.TokenType)})");
                case Position.AfterRoot:
                    // The reader itself rejects anything but whitespace after the document.
                    break;
            }
        }
    }

    // Reads a record's members up to its end, noting eventTime and eventType on the way: one pass
    // both checks the record's JSON and finds what decides whether it is an event.
    private bool TryReadMembers(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            var member = _check.Wants(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            if (member != RecordCheck.Member.None)
            {
                _check.Take(member, ref reader);
            }

            if (!reader.TrySkip())
            {
                return false;
            }
        }
    }

    private void Refill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordSize)
            {
                throw Malformed($"a record is larger than {MaxRecordSize / (1024 * 1024)} MiB");
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

    private InvalidDataException Malformed(string what) =>
        new($"cloudtrail plugin error: {_name} is not a valid CloudTrail log file: {what}") { Source = nameof(LogFileReader) };

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
}
