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
}
