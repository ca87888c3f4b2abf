using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>The structural mode of <see cref="LogFileReader"/>: the Records array read token by token.</summary>
internal sealed partial class LogFileReader
{
    // The Records array read token by token (one pass both checks a record and finds its eventTime
    // and eventType).
    private bool TryReadStructured(out ReadOnlySpan<byte> record)
    {
        while (true)
        {
            if (_streamEnded && _position == Position.BeforeRoot && _buffer.AsSpan(_start, _end - _start).Trim(" \t\r\n"u8).IsEmpty)
            {
                throw Malformed("the file is empty", at: null);
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _streamEnded, _state);
            var step = Advance(ref reader, out var offset, out var length);
            switch (step)
            {
                case Step.Record:
                    record = _buffer.AsSpan(_start + offset, length);
                    _start += (int)reader.BytesConsumed;
                    _state = reader.CurrentState;
                    _inRecord = false;
                    _recordCount++;
                    return true;
                case Step.End:
                    _done = true;
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
            if (_position == Position.InRecords)
            {
                // Between records, at brace depth 1: where brace matching would start.
                _resyncAt = _bufferOffset + _start + consumed;
                _inRecord = false;
            }

            if (!reader.Read())
            {
                offset = consumed;
                _resumeState = before;
                if (_streamEnded)
                {
                    if (_position != Position.AfterRoot)
                    {
                        throw _position == Position.BeforeRoot
                            ? Malformed("the file is empty", at: null)
                            : Malformed(_position == Position.InRecords ? "the file ends inside the Records array" : "the file ends before its JSON document does", _bufferOffset + _end);
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
                        throw Malformed("a CloudTrail log file is a JSON object with a Records array, but this one does not start with an object", At(ref reader));
                    }

                    _position = Position.InRoot;
                    break;
                case Position.InRoot when reader.TokenType == JsonTokenType.EndObject:
                    if (!_sawRecords)
                    {
                        throw Malformed("the JSON object has no Records array", At(ref reader));
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
                        throw Malformed($"Records is not an array (found {Describe(reader.TokenType)})", At(ref reader));
                    }

                    _sawRecords = true;
                    _position = Position.InRecords;
                    break;
                case Position.InRecords when reader.TokenType == JsonTokenType.EndArray:
                    _position = Position.InRoot;
                    break;
                case Position.InRecords when reader.TokenType == JsonTokenType.StartObject:
                    var start = (int)reader.TokenStartIndex;
                    _inRecord = true;
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
                    throw Malformed($"Records[{_recordCount}] is not an object (found {Describe(reader.TokenType)})", At(ref reader));
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
}
