using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>What reading a record's eventTime and eventType found.</summary>
internal enum RecordKind
{
    /// <summary>An event to deliver.</summary>
    Event,

    /// <summary>No eventTime, or one that is not an RFC 3339 time: upstream drops such records.</summary>
    BadTime,

    /// <summary>No eventType: upstream drops such records.</summary>
    NoType,

    /// <summary>A CloudTrail Insights record (eventType AwsCloudTrailInsight): not an API event, dropped as upstream does.</summary>
    Insight,

    /// <summary>Not valid JSON (found by matching braces in a broken file): upstream drops records it cannot parse.</summary>
    NotJson,
}

/// <summary>
/// Collects, while a record's top-level members go by, the two that decide whether the record
/// becomes an event (eventTime, eventType) and its timestamp. The first occurrence of each counts,
/// as in upstream's parser.
/// </summary>
internal struct RecordCheck
{
    private bool? _timeOk;
    private bool? _isInsight;
    private bool _typeSeen;
    private ulong _timestamp;
    private bool _notJson;

    /// <summary>The event timestamp (nanoseconds since the epoch) when <see cref="Kind"/> is Event.</summary>
    public readonly ulong Timestamp => _timestamp;

    public readonly RecordKind Kind => _notJson ? RecordKind.NotJson : _timeOk != true ? RecordKind.BadTime : _isInsight switch
    {
        null => RecordKind.NoType,
        true => RecordKind.Insight,
        false => RecordKind.Event,
    };

    /// <summary>Marks the record as one that is not valid JSON.</summary>
    public void MarkNotJson() => _notJson = true;

    /// <summary>Whether the member whose name the reader is on is one to look at (then call <see cref="Take"/> on its value).</summary>
    public readonly Member Wants(ref Utf8JsonReader reader)
    {
        if (_timeOk is null && reader.ValueTextEquals("eventTime"u8))
        {
            return Member.Time;
        }

        return _isInsight is null && !_typeSeen && reader.ValueTextEquals("eventType"u8) ? Member.Type : Member.None;
    }

    /// <summary>Reads the value the reader is on, for the member <see cref="Wants"/> said.</summary>
    public void Take(Member member, ref Utf8JsonReader reader)
    {
        if (member == Member.Time)
        {
            Span<byte> scratch = stackalloc byte[64];
            _timeOk = reader.TokenType == JsonTokenType.String && TryParseTime(ref reader, scratch, out _timestamp);
        }
        else
        {
            _typeSeen = true;
            _isInsight = reader.TokenType == JsonTokenType.String ? reader.ValueTextEquals("AwsCloudTrailInsight"u8) : null;
        }
    }

    internal enum Member
    {
        None,
        Time,
        Type,
    }

    private static bool TryParseTime(ref Utf8JsonReader reader, scoped Span<byte> scratch, out ulong timestamp)
    {
        if (!reader.ValueIsEscaped)
        {
            return EventTime.TryParse(reader.ValueSpan, out timestamp);
        }

        // An escaped timestamp is odd but valid JSON; one longer than any timestamp is invalid anyway.
        timestamp = 0;
        return reader.ValueSpan.Length <= scratch.Length && EventTime.TryParse(scratch[..reader.CopyString(scratch)], out timestamp);
    }
}
