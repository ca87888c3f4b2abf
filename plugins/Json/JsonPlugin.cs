using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Peregrine.Plugins;
using Peregrine.Sdk;

namespace Peregrine.Plugins.Json;

/// <summary>
/// The json extraction plugin: reads values out of event payloads that are JSON documents (the
/// payloads of k8s_audit, cloudtrail and other JSON-speaking sources). It has no event source of
/// its own and takes events from every source. Each payload is parsed once per event; every field
/// of that event is answered from the parsed document. A payload that is not JSON has no values.
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
            "The value found at a JSON pointer in the payload, e.g. json.value[/user/name]: strings as their text, anything else as compact JSON")
        {
            Display = "JSON Value",
            Argument = FieldArgumentRules.Key | FieldArgumentRules.Required,
        },
        new("json.obj", PluginFieldType.String, "The whole payload, as compact JSON text") { Display = "JSON Object" },
        new("json.rawtime", PluginFieldType.String, "The event timestamp in nanoseconds since the epoch, as decimal text") { Display = "JSON Time" },
        new("jevt.value", PluginFieldType.String, "Alias of json.value, e.g. jevt.value[/user/name]")
        {
            Display = "JSON Value",
            Argument = FieldArgumentRules.Key | FieldArgumentRules.Required,
        },
        new("jevt.obj", PluginFieldType.String, "Alias of json.obj") { Display = "JSON Object" },
        new("jevt.rawtime", PluginFieldType.String, "Alias of json.rawtime") { Display = "JSON Time" },
    ];

    private static readonly JsonWriterOptions CompactOptions = new()
    {
        Indented = false,
        // Keep non-ASCII text as it is rather than escaping it.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _output = new(256);
    private Utf8JsonWriter? _writer;

    // The payload of the cached event, copied (the event's memory is only borrowed) and parsed.
    private byte[] _payload = new byte[1024];
    private int _payloadLength;
    private JsonDocument? _document;
    private bool _cached;
    private ulong _cachedNumber;

    public override PluginInfo Info { get; } = new()
    {
        Name = "json",
        Version = "0.7.3",
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
                if (request.Key is { } pointer && TryResolve(document, pointer, out var found))
                {
                    WriteValue(found, ref values);
                }

                break;
            case JsonObj:
            case JevtObj:
                WriteCompact(document, ref values);
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
            _writer?.Dispose();
            _writer = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The root of the event's parsed payload, or null when it is not JSON. Parsed once per event:
    /// the cache is keyed on the event number and checked against the payload bytes, so a stream
    /// that starts numbering again cannot be answered from a stale document.
    /// </summary>
    private JsonElement? Parse(in PluginEvent evt)
    {
        var payload = evt.Payload;
        if (_cached && _cachedNumber == evt.Number && payload.SequenceEqual(_payload.AsSpan(0, _payloadLength)))
        {
            return _document?.RootElement;
        }

        _document?.Dispose();
        _document = null;
        _cached = true;
        _cachedNumber = evt.Number;
        if (payload.Length > _payload.Length)
        {
            _payload = new byte[Math.Max(payload.Length, _payload.Length * 2)];
        }

        payload.CopyTo(_payload);
        _payloadLength = payload.Length;
        if (payload.IsEmpty)
        {
            return null;
        }

        try
        {
            // The document reads the copy in place: it stays valid until the next event replaces it.
            _document = JsonDocument.Parse(_payload.AsMemory(0, _payloadLength));
        }
        catch (JsonException)
        {
            return null;
        }

        return _document.RootElement;
    }

    /// <summary>
    /// Follows a JSON pointer (RFC 6901): "" is the whole document, each "/token" steps into an
    /// object member or array element, and "~1" / "~0" in a token stand for "/" and "~".
    /// </summary>
    internal static bool TryResolve(JsonElement root, string pointer, out JsonElement found)
    {
        found = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var rest = pointer.AsSpan(1);
        Span<char> buffer = pointer.Length <= 256 ? stackalloc char[256] : new char[pointer.Length];
        while (true)
        {
            var slash = rest.IndexOf('/');
            var raw = slash < 0 ? rest : rest[..slash];
            if (!TryUnescape(raw, buffer, out var length))
            {
                return false;
            }

            if (!TryStep(ref found, buffer[..length]))
            {
                return false;
            }

            if (slash < 0)
            {
                return true;
            }

            rest = rest[(slash + 1)..];
        }
    }

    private static bool TryUnescape(ReadOnlySpan<char> raw, Span<char> buffer, out int length)
    {
        length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '~')
            {
                if (i + 1 >= raw.Length)
                {
                    return false;
                }

                c = raw[++i] switch
                {
                    '0' => '~',
                    '1' => '/',
                    _ => '\0',
                };
                if (c == '\0')
                {
                    return false;
                }
            }

            buffer[length++] = c;
        }

        return true;
    }

    private static bool TryStep(ref JsonElement current, ReadOnlySpan<char> token)
    {
        switch (current.ValueKind)
        {
            case JsonValueKind.Object:
                return current.TryGetProperty(token, out current);
            case JsonValueKind.Array:
                // An array index: "0" or digits without a leading zero ("-", past the end, is never there).
                if (token.IsEmpty || (token.Length > 1 && token[0] == '0')
                    || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    || index >= current.GetArrayLength())
                {
                    return false;
                }

                current = current[index];
                return true;
            default:
                return false;
        }
    }

    private void WriteValue(JsonElement element, ref FieldWriter values)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            WriteCompact(element, ref values);
            return;
        }

        // The raw value is the quoted, possibly escaped, UTF-8 text: without escapes its inside is the value.
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw.IndexOf((byte)'\\') < 0)
        {
            values.WriteUtf8(raw[1..^1]);
        }
        else
        {
            values.Write(element.GetString() ?? string.Empty);
        }
    }

    private void WriteCompact(JsonElement element, ref FieldWriter values)
    {
        _output.ResetWrittenCount();
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_output, CompactOptions);
        }
        else
        {
            _writer.Reset(_output);
        }

        element.WriteTo(_writer);
        _writer.Flush();
        values.WriteUtf8(_output.WrittenSpan);
    }
}
