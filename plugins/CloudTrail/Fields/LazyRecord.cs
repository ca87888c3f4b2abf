using System.Text;
using System.Text.Json;
using Peregrine.Plugins.Common;
using Peregrine.Plugins.CloudTrail.Reading;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// The record of the event being extracted, read only as far as the requested fields need. The
/// record's top-level members are scanned lazily, in order, until the one asked for is found (or
/// the record ends), and a member's value is parsed only when a field reads it, then kept for the
/// other fields of the same event. Rules mostly test top-level members near the start of a record
/// (eventName, eventSource, errorCode), so most events are never parsed whole.
/// </summary>
/// <remarks>
/// The state is kept per event, keyed on the event number (unique within a stream, and the host
/// gives each stream its own plugin instance) together with the payload's address and length, so
/// that a test host or a reopened stream that numbers from 1 again is not answered from a stale
/// record; the payload bytes themselves are not compared. The payload is copied because the
/// event's memory is only borrowed. A scalar member (a string, a number, true, false, null) is
/// read from the record's text as it is; only an object or an array, or a string with escapes, is
/// parsed into a document. As in upstream's parser, the first of two members with the same name
/// counts.
/// </remarks>
internal sealed class LazyRecord : IDisposable
{
    private byte[] _payload = new byte[4096];
    private int _length;
    private int _start;
    private int _end;
    private ulong _number;
    private EventIdentity _event;

    private Member[] _members = new Member[32];
    private int _count;
    private JsonReaderState _state;
    private int _scanned;
    private bool _begun;
    private bool _complete;
    private string? _failure;

    private struct Member
    {
        public int NameStart;
        public int NameLength;
        public byte[]? UnescapedName;
        public int ValueStart;
        public int ValueLength;
        public JsonValueKind Kind;
        public bool ValueIsEscaped;
        public JsonDocument? Value;
    }

    /// <summary>Makes <paramref name="evt"/>'s record the current one (nothing is read yet).</summary>
    public void Load(in PluginEvent evt)
    {
        var payload = evt.Payload;
        if (_event.Is(evt.Number, evt.Timestamp, payload))
        {
            return;
        }

        Reset();
        _event.Remember(evt.Number, evt.Timestamp, payload);
        _number = evt.Number;
        if (payload.Length > _payload.Length)
        {
            _payload = new byte[Math.Max(payload.Length, _payload.Length * 2)];
        }

        payload.CopyTo(_payload);
        _length = payload.Length;

        // Some writers pad string payloads with NUL bytes; they are not part of the record.
        var span = _payload.AsSpan(0, _length);
        _start = _length - span.TrimStart((byte)0).Length;
        _end = _start + span[_start..].TrimEnd((byte)0).Length;
    }

    /// <summary>
    /// The top-level member <paramref name="name"/>. A payload that is not a JSON object fails here
    /// (an extraction failure, as upstream's), naming the event and the problem.
    /// </summary>
    public bool TryGet(ReadOnlySpan<byte> name, out JsonElement value)
    {
        if (TryFind(name, out var index))
        {
            value = ValueOf(index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// The top-level member <paramref name="name"/> as it is written in the record, for reading a
    /// scalar without parsing it; fails as <see cref="TryGet(ReadOnlySpan{byte}, out JsonElement)"/> does.
    /// </summary>
    public bool TryGetMember(ReadOnlySpan<byte> name, out RecordMember value)
    {
        if (TryFind(name, out var index))
        {
            value = new RecordMember(this, index);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The member at <paramref name="first"/>.<paramref name="second"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, out JsonElement value)
    {
        value = default;

        // Only an object has members: a scalar parent (often null) is never parsed.
        return TryFind(first, out var index) && _members[index].Kind == JsonValueKind.Object
            && JsonValues.TryGet(ValueOf(index), second, out value);
    }

    /// <summary>The member at <paramref name="first"/>.<paramref name="second"/>.<paramref name="third"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, ReadOnlySpan<byte> third, out JsonElement value)
    {
        value = default;
        return TryGet(first, second, out var parent) && JsonValues.TryGet(parent, third, out value);
    }

    public void Dispose() => Reset();

    private void Reset()
    {
        for (var i = 0; i < _count; i++)
        {
            _members[i].Value?.Dispose();
            _members[i] = default;
        }

        _count = 0;
        _scanned = 0;
        _begun = false;
        _complete = false;
        _failure = null;
        _state = default;
    }

    // Reads the next top-level member; its index, or null when the record ended.
    private int? ScanNext()
    {
        var record = _payload.AsSpan(_start, _end - _start);
        try
        {
            var reader = new Utf8JsonReader(record[_scanned..], isFinalBlock: true, _begun ? _state : new JsonReaderState(JsonLimits.ReaderOptions));
            if (!_begun)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException($"the record is not a JSON object (found {(reader.TokenType == JsonTokenType.None ? "nothing" : reader.TokenType.ToString())})");
                }

                _begun = true;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                _complete = true;
                return null;
            }

            var member = new Member
            {
                NameStart = _start + _scanned + (int)reader.TokenStartIndex + 1,
                NameLength = reader.ValueSpan.Length,
                UnescapedName = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(JsonEscapes.ToText(reader.ValueSpan)) : null,
            };
            reader.Read();
            member.ValueStart = _start + _scanned + (int)reader.TokenStartIndex;
            member.Kind = KindOf(reader.TokenType);
            member.ValueIsEscaped = reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped;
            reader.Skip();
            member.ValueLength = _start + _scanned + (int)reader.BytesConsumed - member.ValueStart;

            _scanned += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            if (_count == _members.Length)
            {
                Array.Resize(ref _members, _count * 2);
            }

            _members[_count] = member;
            return _count++;
        }
        catch (JsonException e)
        {
            // Every later field of this event fails the same way, as upstream's do.
            _complete = true;
            _failure = $"cloudtrail plugin error: event {_number}: the payload is not a JSON CloudTrail record: {e.Message}";
            throw new InvalidDataException(_failure, e);
        }
    }

    private bool NameEquals(in Member member, ReadOnlySpan<byte> name) =>
        member.UnescapedName is { } unescaped
            ? unescaped.AsSpan().SequenceEqual(name)
            : _payload.AsSpan(member.NameStart, member.NameLength).SequenceEqual(name);

    internal JsonElement ValueOf(int index)
    {
        ref var member = ref _members[index];
        member.Value ??= JsonDocument.Parse(_payload.AsMemory(member.ValueStart, member.ValueLength), JsonLimits.DocumentOptions);
        return member.Value.RootElement;
    }

    internal JsonValueKind KindOf(int index) => _members[index].Kind;

    internal bool IsEscaped(int index) => _members[index].ValueIsEscaped;

    internal ReadOnlySpan<byte> RawOf(int index) => _payload.AsSpan(_members[index].ValueStart, _members[index].ValueLength);

    private bool TryFind(ReadOnlySpan<byte> name, out int index)
    {
        if (_failure is not null)
        {
            throw new InvalidDataException(_failure);
        }

        for (var i = 0; i < _count; i++)
        {
            if (NameEquals(_members[i], name))
            {
                index = i;
                return true;
            }
        }

        while (!_complete)
        {
            if (ScanNext() is { } i && NameEquals(_members[i], name))
            {
                index = i;
                return true;
            }
        }

        index = -1;
        return false;
    }

    private static JsonValueKind KindOf(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => JsonValueKind.Object,
        JsonTokenType.StartArray => JsonValueKind.Array,
        JsonTokenType.String => JsonValueKind.String,
        JsonTokenType.Number => JsonValueKind.Number,
        JsonTokenType.True => JsonValueKind.True,
        JsonTokenType.False => JsonValueKind.False,
        _ => JsonValueKind.Null,
    };
}
