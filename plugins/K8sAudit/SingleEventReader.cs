using System.Buffers;
using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// The common case of <see cref="AuditEventParser"/> without a document tree: a JSON text that is one
/// audit <c>Event</c> object (an audit log line, usually) is validated and its <c>kind</c> and
/// <c>stageTimestamp</c> picked out in one pass of a reader, then written compactly exactly as
/// <see cref="CompactJson"/> writes it. Anything else (an EventList, an array, something
/// unrecognized or invalid) is left to the tree-based path.
/// </summary>
internal static class SingleEventReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = UpstreamJsonLimits.MaxDepth };

    /// <summary>
    /// Writes <paramref name="json"/> compactly to <paramref name="output"/> when it is one object
    /// whose <c>kind</c> is the string <c>Event</c>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="output">Where the compact event is written (appended).</param>
    /// <param name="stageTimestamp">Where the raw <c>stageTimestamp</c> string (between its quotes) is in
    /// <paramref name="json"/>; empty with <paramref name="hasStageTimestamp"/> false when it is missing or not a string.</param>
    /// <param name="hasStageTimestamp">Whether the event has a string <c>stageTimestamp</c>.</param>
    /// <returns>False when the text is not a single, valid Event: nothing was written then.</returns>
    public static bool TryRead(ReadOnlySpan<byte> json, IBufferWriter<byte> output, out Range stageTimestamp, out bool hasStageTimestamp)
    {
        stageTimestamp = default;
        hasStageTimestamp = false;
        var reader = new Utf8JsonReader(json, Options);
        var kind = default(TopLevelMember);
        var stage = default(TopLevelMember);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
                {
                    continue;
                }

                var escaped = reader.ValueIsEscaped;
                var isKind = Names(reader.ValueSpan, escaped, "kind"u8);
                var isStage = !isKind && Names(reader.ValueSpan, escaped, "stageTimestamp"u8);
                reader.Read();
                if (isKind)
                {
                    kind.Offer(escaped, reader.TokenType == JsonTokenType.String && JsonEscapes.TextEquals(reader.ValueSpan, "Event"u8), default);
                }
                else if (isStage)
                {
                    var start = (int)reader.TokenStartIndex + 1;
                    stage.Offer(escaped, reader.TokenType == JsonTokenType.String, start..(start + reader.ValueSpan.Length));
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        if (!kind.Value(out var isEvent, out _) || !isEvent)
        {
            return false;
        }

        if (stage.Value(out hasStageTimestamp, out var range) && hasStageTimestamp)
        {
            stageTimestamp = range;
        }

        CompactJson.Write(json, output);
        return true;
    }

    private static bool Names(ReadOnlySpan<byte> rawName, bool escaped, ReadOnlySpan<byte> name) =>
        escaped ? JsonEscapes.TextEquals(rawName, name) : rawName.SequenceEqual(name);

    /// <summary>
    /// The member of the event upstream reads for one name (see <see cref="JsonMembers"/>): the first
    /// whose name is written plainly, else the first whose name has escapes.
    /// </summary>
    private struct TopLevelMember
    {
        private Candidate _plain;
        private Candidate _escaped;

        public void Offer(bool nameEscaped, bool usable, Range where)
        {
            ref var slot = ref nameEscaped ? ref _escaped : ref _plain;
            if (!slot.Seen)
            {
                slot = new Candidate(true, usable, where);
            }
        }

        /// <summary>Whether the member is there; <paramref name="usable"/> tells whether its value is what the caller wants.</summary>
        public readonly bool Value(out bool usable, out Range where)
        {
            var chosen = _plain.Seen ? _plain : _escaped;
            usable = chosen.Usable;
            where = chosen.Where;
            return chosen.Seen;
        }

        private readonly record struct Candidate(bool Seen, bool Usable, Range Where);
    }
}
