using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// Turns one JSON document into audit events, with the upstream plugin's acceptance rules: a
/// document is an <c>Event</c>, an <c>EventList</c> (its <c>items</c>), or an array of either. Shared by
/// the file reader and the webhook, so both accept exactly the same bodies.
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
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            return $"invalid JSON: {e.Message}";
        }

        using (document)
        {
            return ParseValue(document.RootElement, events, itemErrors);
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

        if (value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("kind", out var kind)
            && kind.ValueKind == JsonValueKind.String)
        {
            if (kind.ValueEquals("EventList")
                && value.TryGetProperty("items", out var items)
                && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray())
                {
                    AddSingle(item, events, itemErrors);
                }

                return null;
            }

            if (kind.ValueEquals("Event"))
            {
                AddSingle(value, events, itemErrors);
                return null;
            }
        }

        return "data not recognized as a k8s audit event";
    }

    private void AddSingle(JsonElement item, List<AuditEvent> events, List<string> itemErrors)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("stageTimestamp", out var stage)
            || stage.ValueKind != JsonValueKind.String)
        {
            itemErrors.Add("can't read stageTimestamp");
            return;
        }

        if (!TryParseTimestamp(stage.GetString()!, out var timestamp))
        {
            itemErrors.Add($"can't parse stageTimestamp '{stage.GetString()}' as an RFC 3339 time");
            return;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            item.WriteTo(writer);
        }

        if ((ulong)_buffer.WrittenCount > maxEventSize)
        {
            itemErrors.Add($"event larger than maxEventSize: size={_buffer.WrittenCount}");
            return;
        }

        events.Add(new AuditEvent(_buffer.WrittenSpan.ToArray(), timestamp));
    }

    /// <summary>RFC 3339 with optional fractional seconds, as Kubernetes writes (e.g. 2019-10-18T05:18:45.123456Z).</summary>
    internal static bool TryParseTimestamp(string text, out ulong nanoseconds)
    {
        nanoseconds = 0;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || text.Length < 20 || text[10] is not ('T' or 't'))
        {
            return false;
        }

        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        if (ticks < 0)
        {
            return false;
        }

        // DateTimeOffset keeps 100 ns ticks; recover the sub-tick digits (the 8th and 9th) from the text.
        nanoseconds = (ulong)ticks * 100UL + SubTickNanoseconds(text);
        return true;
    }

    private static ulong SubTickNanoseconds(string text)
    {
        var dot = text.IndexOf('.', 19);
        if (dot < 0)
        {
            return 0;
        }

        var digits = 0;
        ulong extra = 0;
        for (var i = dot + 1; i < text.Length && char.IsAsciiDigit(text[i]); i++, digits++)
        {
            if (digits is 7 or 8)
            {
                extra = extra * 10 + (ulong)(text[i] - '0');
            }
        }

        return digits switch
        {
            >= 9 => extra,
            8 => extra * 10,
            _ => 0,
        };
    }
}
