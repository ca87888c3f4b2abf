using System.Buffers;
using System.Text.Json;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// The common case of <see cref="AuditEventParser"/> without a document tree: a JSON text that is one
/// audit <c>Event</c> object (an audit log line, usually) is validated, written compactly exactly as
/// <see cref="CompactJson"/> writes it, and its <c>kind</c> and <c>stageTimestamp</c> picked out, all
/// in one pass of a reader. Anything else (an EventList, an array, something unrecognized or
/// invalid) is left to the tree-based path.
/// </summary>
internal static class SingleEventReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 256 };

    /// <summary>
    /// Writes <paramref name="json"/> compactly to <paramref name="output"/> when it is one object
    /// whose <c>kind</c> is the string <c>Event</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="output">Where the compact event is written (appended).</param>
    /// <param name="stageTimestamp">Where the raw <c>stageTimestamp</c> string (between its quotes) is in
    /// <paramref name="json"/>; empty with <paramref name="hasStageTimestamp"/> false when it is missing or not a string.</param>
    /// <param name="hasStageTimestamp">Whether the event has a string <c>stageTimestamp</c>.</param>
    /// <returns>False when the text is not a single, valid Event: nothing useful was written then.</returns>
    public static bool TryRead(ReadOnlySpan<byte> json, IBufferWriter<byte> output, out Range stageTimestamp, out bool hasStageTimestamp)
    {
        stageTimestamp = default;
        hasStageTimestamp = false;
        var reader = new Utf8JsonReader(json, Options);
        var isEvent = false;
        var sawKind = false;
        var sawStage = false;
        var pending = Pending.None;
        var afterValue = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            Put(output, (byte)'{');
            while (reader.Read())
            {
                var token = reader.TokenType;
                if (afterValue && token is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    Put(output, (byte)',');
                }

                if (token == JsonTokenType.PropertyName)
                {
                    // The first "kind" and "stageTimestamp" of the event itself, as upstream looks them up.
                    pending = reader.CurrentDepth != 1 ? Pending.None
                        : !sawKind && reader.ValueTextEquals("kind"u8) ? Pending.Kind
                        : !sawStage && reader.ValueTextEquals("stageTimestamp"u8) ? Pending.Stage
                        : Pending.None;
                    CompactJson.WriteString(reader.ValueSpan, output);
                    Put(output, (byte)':');
                    afterValue = false;
                    continue;
                }

                if (pending == Pending.Kind)
                {
                    sawKind = true;
                    isEvent = token == JsonTokenType.String && reader.ValueTextEquals("Event"u8);
                }
                else if (pending == Pending.Stage)
                {
                    sawStage = true;
                    if (token == JsonTokenType.String)
                    {
                        var start = (int)reader.TokenStartIndex + 1;
                        stageTimestamp = start..(start + reader.ValueSpan.Length);
                        hasStageTimestamp = true;
                    }
                }

                pending = Pending.None;
                afterValue = token is not (JsonTokenType.StartObject or JsonTokenType.StartArray);
                switch (token)
                {
                    case JsonTokenType.StartObject:
                        Put(output, (byte)'{');
                        break;
                    case JsonTokenType.EndObject:
                        Put(output, (byte)'}');
                        break;
                    case JsonTokenType.StartArray:
                        Put(output, (byte)'[');
                        break;
                    case JsonTokenType.EndArray:
                        Put(output, (byte)']');
                        break;
                    case JsonTokenType.String:
                        CompactJson.WriteString(reader.ValueSpan, output);
                        break;
                    default:
                        // Numbers, true, false and null: exactly as written.
                        output.Write(reader.ValueSpan);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return isEvent;
    }

    private static void Put(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }

    /// <summary>Which top-level member's value comes next.</summary>
    private enum Pending
    {
        None,
        Kind,
        Stage,
    }
}
