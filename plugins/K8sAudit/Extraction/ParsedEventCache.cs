using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>
/// The parsed payload of the event being extracted. Every field of an event is answered from one
/// parse, found again in constant time whatever the payload's size: the cache is keyed on the
/// event number, as upstream's is, together with the payload's address, length and timestamp.
/// Numbers alone are unique within a stream (the host gives each source its own plugin instance);
/// the rest tells apart the events of a reopened stream, or of a test host, that reuse numbers.
/// </summary>
internal sealed class ParsedEventCache(Action<string> log) : IDisposable
{
    // The same depth the event reader accepts, so every event it produced can be read back.
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = UpstreamJsonLimits.MaxDepth };

    private byte[] _payload = new byte[4096];
    private int _payloadLength;
    private JsonDocument? _document;
    private EventIdentity _cachedEvent;

    /// <summary>
    /// The root of the event's payload, or null when the payload is not a JSON object or array (logged
    /// once per event: upstream fails such an extraction).
    /// </summary>
    public JsonElement? Get(ulong number, ulong timestamp, ReadOnlySpan<byte> payload)
    {
        if (_cachedEvent.Is(number, timestamp, payload))
        {
            return _document?.RootElement;
        }

        _document?.Dispose();
        _document = null;
        _cachedEvent.Remember(number, timestamp, payload);
        if (payload.Length > _payload.Length)
        {
            _payload = new byte[Math.Max(payload.Length, _payload.Length * 2)];
        }

        payload.CopyTo(_payload);
        _payloadLength = payload.Length;

        // As upstream, a payload must start right away with an object or an array.
        if (payload.IsEmpty || payload[0] is not ((byte)'{' or (byte)'['))
        {
            log($"event {number}: payload is not a JSON object ({payload.Length} bytes); no ka.* field has a value");
            return null;
        }

        try
        {
            // The document reads the copy in place: it stays valid until the next event replaces it.
            _document = JsonDocument.Parse(_payload.AsMemory(0, _payloadLength), Options);
        }
        catch (JsonException e)
        {
            log($"event {number}: payload is not valid JSON ({e.Message}); no ka.* field has a value");
            return null;
        }

        return _document.RootElement;
    }

    public void Dispose()
    {
        _document?.Dispose();
        _document = null;
        _cachedEvent = default;
    }
}
