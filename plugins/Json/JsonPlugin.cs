using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Peregrine.Plugins;
using Peregrine.Plugins.Common;
using Peregrine.Sdk;

namespace Peregrine.Plugins.Json;

/// <summary>
/// The json extraction plugin: reads values out of event payloads that are JSON documents (the
/// payloads of k8s_audit, cloudtrail and other JSON-speaking sources). It has no event source of
/// its own and takes events from every source. Each payload is parsed once per event; every field
/// of that event is answered from the parsed document. As upstream, a payload that is not a JSON
/// object or array (its very first byte must be "{" or "["; no leading whitespace) has no values
/// for any field, json.rawtime included.
/// </summary>
public sealed class JsonPlugin : Plugin, IExtractionPlugin
{
    // Field indexes, in the order of Fields. The jevt.* fields are aliases of the json.* ones.
    private const int JsonValue = 0;
    private const int JsonObj = 1;
    private const int JsonRawTime = 2;
    private const int JevtValue = 3;
    private const int JevtObj = 4;
    private const int JevtRawTime = 5;

    private static readonly FieldDefinition[] JsonFields =
    [
        new("json.value", PluginFieldType.String,
            "The value at a JSON pointer into the payload, e.g. json.value[/user/name] (the leading / may be left out): strings as their text, anything else as compact JSON as written")
        {
            Display = "JSON Value",
            Argument = FieldArgumentRules.Key | FieldArgumentRules.Required,
        },
        new("json.obj", PluginFieldType.String, "The whole payload as JSON text, one member or element per line, indented two spaces per level") { Display = "JSON Object" },
        new("json.rawtime", PluginFieldType.String, "The event timestamp in nanoseconds since the epoch, as decimal text") { Display = "JSON Time" },
        new("jevt.value", PluginFieldType.String, "Alias of json.value, e.g. jevt.value[/user/name]")
        {
            Display = "JSON Value",
            Argument = FieldArgumentRules.Key | FieldArgumentRules.Required,
        },
        new("jevt.obj", PluginFieldType.String, "Alias of json.obj") { Display = "JSON Object" },
        new("jevt.rawtime", PluginFieldType.String, "Alias of json.rawtime") { Display = "JSON Time" },
    ];

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = UpstreamJsonLimits.MaxDepth };

    // Where a value is put together before it is written.
    private readonly ArrayBufferWriter<byte> _output = new(256);

    // The payload of the cached event, copied (the event's memory is only borrowed) and parsed.
    private byte[] _payload = new byte[1024];
    private int _payloadLength;
    private JsonDocument? _document;
    private EventIdentity _cachedEvent;

    public override PluginInfo Info { get; } = new()
    {
        Name = "json",
        Version = "0.7.4",
        Description = "Extracts values from event payloads that are JSON documents, addressed by JSON pointers",
        Contact = "https://github.com/falcosecurity/plugins",
    };

    public IReadOnlyList<FieldDefinition> Fields => JsonFields;

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
        var root = Parse(evt);
        if (root is not { } document)
        {
            return;
        }

        switch (request.Index)
        {
            case JsonValue:
            case JevtValue:
                if (request.Key is { } pointer && JsonPointer.TryResolve(document, pointer, out var found))
                {
                    WriteValue(found, ref values);
                }

                break;
            case JsonObj:
            case JevtObj:
                _output.ResetWrittenCount();
                IndentedJson.Write(_payload.AsSpan(0, _payloadLength), _output);
                values.WriteUtf8(_output.WrittenSpan);
                break;
            case JsonRawTime:
            case JevtRawTime:
                Span<char> digits = stackalloc char[20];
                evt.Timestamp.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
                values.Write(digits[..length]);
                break;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _document?.Dispose();
            _document = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The root of the event's parsed payload, or null when it is not a JSON object or array. Parsed
    /// once per event (see <see cref="EventIdentity"/> for how the cached event is recognized).
    /// </summary>
    private JsonElement? Parse(in PluginEvent evt)
    {
        var payload = evt.Payload;
        if (_cachedEvent.Is(evt.Number, evt.Timestamp, payload))
        {
            return _document?.RootElement;
        }

        _document?.Dispose();
        _document = null;
        _cachedEvent.Remember(evt.Number, evt.Timestamp, payload);
        if (payload.Length > _payload.Length)
        {
            _payload = new byte[Math.Max(payload.Length, _payload.Length * 2)];
        }

        payload.CopyTo(_payload);
        _payloadLength = payload.Length;
        if (payload.IsEmpty || payload[0] is not ((byte)'{' or (byte)'['))
        {
            return null;
        }

        try
        {
            // The document reads the copy in place: it stays valid until the next event replaces it.
            _document = JsonDocument.Parse(_payload.AsMemory(0, _payloadLength), ParseOptions);
        }
        catch (JsonException)
        {
            return null;
        }

        return _document.RootElement;
    }

    /// <summary>A string as its text (escapes undone best effort, as upstream); anything else as compact JSON, as written.</summary>
    private void WriteValue(JsonElement element, ref FieldWriter values)
    {
        _output.ResetWrittenCount();
        if (element.ValueKind == JsonValueKind.String)
        {
            var raw = JsonStrings.Raw(element);
            _output.Advance(JsonEscapes.Unescape(raw, _output.GetSpan(raw.Length)));
        }
        else
        {
            CompactJson.Write(element, _output);
        }

        values.WriteUtf8(_output.WrittenSpan);
    }
}
