using System.Text.Encodings.Web;
using System.Text.Json;

namespace Peregrine.Rules.Outputs;

/// <summary>
/// JSON writing as Falco's nlohmann::json prints it: compact, UTF-8 left as is, only quotes,
/// backslashes and control characters escaped (no HTML-safe escaping of &lt; &gt; &amp;).
/// </summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Writes bytes that should be UTF-8 as a JSON string. Plugins may hand over anything; as
    /// nlohmann::json does when Falco dumps an alert, invalid sequences become U+FFFD instead of
    /// failing the alert.
    /// </summary>
    public static void WriteUtf8String(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8)) writer.WriteStringValue(utf8);
        else writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(utf8));
    }

    /// <summary><see cref="WriteUtf8String(Utf8JsonWriter, ReadOnlySpan{byte})"/> for a property.</summary>
    public static void WriteUtf8String(Utf8JsonWriter writer, JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        writer.WritePropertyName(name);
        WriteUtf8String(writer, utf8);
    }
}
