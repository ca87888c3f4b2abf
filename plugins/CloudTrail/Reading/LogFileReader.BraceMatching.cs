using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>The brace-matching mode of <see cref="LogFileReader"/>, upstream's record splitter, used once the Records array stops making sense.</summary>
internal sealed partial class LogFileReader
{
    // Upstream's splitter: every object that starts at brace depth 1 (in the Records array, or in
    // any other member of the top-level object) is a record; strings are skipped, brackets are not
    // counted. Each one is then checked on its own.
    private bool TryMatchRecord(out ReadOnlySpan<byte> record)
    {
        while (true)
        {
            var end = ScanForRecordEnd();
            if (end >= 0)
            {
                var start = (int)(_candidate - _bufferOffset);
                record = _buffer.AsSpan(start, end + 1 - start);
                _recordOffset = _candidate;
                _candidate = -1;
                _start = end + 1;
                CheckMatched(record);
                _recordCount++;
                return true;
            }

            if (_streamEnded)
            {
                if (_candidate >= 0 || _depth > 0 || _inString)
                {
                    Stop(_candidate >= 0
                        ? $"the file ends inside the record at byte {_candidate} (at byte {_bufferOffset + _end})"
                        : $"the file ends before its JSON document does (at byte {_bufferOffset + _end})");
                }

                _done = true;
                record = default;
                return false;
            }

            // Keep only the record begun, if any.
            _start = _candidate >= 0 ? (int)(_candidate - _bufferOffset) : _end;
            Refill();
        }
    }

    // The buffer index of the '}' that closes a record, or -1 when the data in hand ends first.
    private int ScanForRecordEnd()
    {
        for (var i = (int)(_scan - _bufferOffset); i < _end; i++)
        {
            var c = _buffer[i];
            if (_escaped)
            {
                _escaped = false;
            }
            else if (_inString)
            {
                if (c == (byte)'\\')
                {
                    _escaped = true;
                }
                else if (c == (byte)'"')
                {
                    _inString = false;
                }
            }
            else if (c == (byte)'"')
            {
                _inString = true;
            }
            else if (c == (byte)'{')
            {
                if (_depth == 1)
                {
                    _candidate = _bufferOffset + i;
                }

                _depth++;
            }
            else if (c == (byte)'}')
            {
                _depth--;
                if (_depth == 1 && _candidate >= 0)
                {
                    _scan = _bufferOffset + i + 1;
                    return i;
                }
            }
        }

        _scan = _bufferOffset + _end;
        return -1;
    }

    // Checks a record found by matching braces, as upstream parses each one on its own.
    private void CheckMatched(ReadOnlySpan<byte> record)
    {
        _check = default;
        try
        {
            var reader = new Utf8JsonReader(record, isFinalBlock: true, new JsonReaderState(JsonLimits.ReaderOptions));
            reader.Read();
            if (!TryReadMembers(ref reader) || reader.Read())
            {
                _check.MarkNotJson();
            }
        }
        catch (JsonException)
        {
            _check.MarkNotJson();
        }
    }
}
