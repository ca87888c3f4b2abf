using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// Turns one JSON document into audit events, with the upstream plugin's acceptance rules: a
/// document is an <c>Event</c>, an <c>EventList</c> (its <c>items</c>), or an array of either. Shared by
/// the file reader and the webhook, so both accept exactly the same bodies. Members are looked up as
/// upstream looks them up (<see cref="JsonMembers"/>: the first of duplicates), and each event is
/// kept as its text with only the whitespace taken out (<see cref="CompactJson"/>).
/// </summary>
internal sealed class AuditEventParser(ulong maxEventSize)
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    /// <summary>
    /// Adds the events of <paramref name="json"/> to <paramref name="events"/>. A document that is
    /// not an audit event at all is an error (returned, nothing added); one bad item of a list is
    /// reported through <paramref name="itemErrors"/> and skipped, as upstream logs and drops it.
    /// </summary>
    /// <returns>Null when the document was recognized, else why it was refused.</returns>
    public string? Parse(ReadOnlyMemory<byte> json, List<AuditEvent> events, List<string> itemErrors)
    {
        // Most documents are one Event (a line of an audit log): read in one pass, without a tree.
        _buffer.ResetWrittenCount();
        if (SingleEventReader.TryRead(json.Span, _buffer, out var stage, out var hasStage))
        {
            if (hasStage)
            {
                AddCompacted(json.Span[stage], events, itemErrors);
            }
            else
            {
                itemErrors.Add("can't read stageTimestamp");
            }

            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = UpstreamJsonLimits.MaxDepth });
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }

        using (document)
        {
            // As upstream, a document with an unrecognized part yields nothing at all: neither the
            // events before that part nor the complaints about its items.
            var eventCount = events.Count;
            var errorCount = itemErrors.Count;
            var error = ParseValue(document.RootElement, events, itemErrors);
            if (error is not null)
            {
                events.RemoveRange(eventCount, events.Count - eventCount);
                itemErrors.RemoveRange(errorCount, itemErrors.Count - errorCount);
            }

            return error;
        }
    }

    private string? ParseValue(JsonElement value, List<AuditEvent> events, List<string> itemErrors)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in value.EnumerateArray())
            {
                if (ParseValue(element, events, itemErrors) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        if (JsonMembers.TryGetFirst(value, "kind"u8, out var kind)
            && kind.ValueKind == JsonValueKind.String)
        {
            if (JsonStrings.TextEquals(kind, "EventList"u8)
                && JsonMembers.TryGetFirst(value, "items"u8, out var items)
                && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    AddSingle(item, events, itemErrors);
                }

                return null;
            }

            if (JsonStrings.TextEquals(kind, "Event"u8))
            {
                AddSingle(value, events, itemErrors);
                return null;
            }
        }

        return "data not recognized as a k8s audit event";
    }

    private void AddSingle(JsonElement item, List<AuditEvent> events, List<string> itemErrors)
    {
        if (!JsonMembers.TryGetFirst(item, "stageTimestamp"u8, out var stage)
            || stage.ValueKind != JsonValueKind.String)
        {
            itemErrors.Add("can't read stageTimestamp");
            return;
        }

        _buffer.ResetWrittenCount();
        CompactJson.Write(item, _buffer);
        AddCompacted(JsonStrings.Raw(stage), events, itemErrors);
    }

    /// <summary>Adds the event written in the buffer, given its raw stageTimestamp string (between the quotes).</summary>
    private void AddCompacted(ReadOnlySpan<byte> rawStage, List<AuditEvent> events, List<string> itemErrors)
    {
        var stageText = JsonEscapes.ToText(rawStage);
        if (!TryParseTimestamp(stageText, out var timestamp))
        {
            itemErrors.Add($"can't parse stageTimestamp '{stageText}' as an RFC 3339 time");
            return;
        }

        if ((ulong)_buffer.WrittenCount > maxEventSize)
        {
            itemErrors.Add($"event larger than maxEventSize: size={_buffer.WrittenCount}");
            return;
        }

        events.Add(new AuditEvent(_buffer.WrittenSpan.ToArray(), timestamp));
    }

    /// <summary>
    /// RFC 3339 with optional fractional seconds and a required zone, as Kubernetes writes it (e.g.
    /// 2019-10-18T05:18:45.123456Z). The fraction is read digit by digit: DateTimeOffset keeps only
    /// 100 ns ticks and would round the 8th and 9th digits (and could round into the next second).
    /// </summary>
    internal static bool TryParseTimestamp(string text, out ulong nanoseconds)
    {
        nanoseconds = 0;
        if (text.Length < 20 || text[10] != 'T')
        {
            return false;
        }

        var zoneStart = 19;
        ulong fraction = 0;
        if (text[19] == '.')
        {
            var digits = 0;
            for (zoneStart = 20; zoneStart < text.Length && char.IsAsciiDigit(text[zoneStart]); zoneStart++, digits++)
            {
                if (digits < 9)
                {
                    fraction = fraction * 10 + (ulong)(text[zoneStart] - '0');
                }
            }

            if (digits == 0)
            {
                return false;
            }

            for (; digits < 9; digits++)
            {
                fraction *= 10;
            }
        }

        var zone = text.AsSpan(zoneStart);
        if (!(zone is "Z" || (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':')))
        {
            return false;
        }

        if (!DateTimeOffset.TryParseExact(string.Concat(text.AsSpan(0, 19), zone), "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out var time))
        {
            return false;
        }

        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks < 0)
        {
            return false;
        }

        nanoseconds = (ulong)ticks * 100UL + fraction;
        return true;
    }
}
