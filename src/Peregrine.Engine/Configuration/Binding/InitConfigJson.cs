using System.Globalization;
using System.Text;
using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Turns a YAML <c>init_config</c> into the JSON text Falco hands to the plugin (Falco converts
/// with yaml-cpp to nlohmann::json and dumps it). The same text matters, because plugins parse it:
/// <list type="bullet">
/// <item>a scalar becomes an <c>int</c> if yaml-cpp can read it as a 32-bit int (<c>0x10</c> is 16),
/// else a double, else a boolean (<c>yes</c>, <c>on</c>, <c>n</c>... too), else a string, whatever
/// its quoting; a null becomes <c>null</c>;</item>
/// <item>object keys come out sorted (byte order), a repeated key keeps its last value;</item>
/// <item>an empty mapping or sequence becomes <c>null</c> (nlohmann never turned it into an object or array);</item>
/// <item>doubles print as nlohmann does (<c>1.0</c>, <c>0.1</c>, <c>1e+20</c>); infinities and NaN print as <c>null</c>;</item>
/// <item>strings escape <c>"</c>, <c>\</c> and control characters only, non-ASCII text stays as is.</item>
/// </list>
/// </summary>
internal static class InitConfigJson
{
    public static string Convert(ConfigNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(ConfigNode node, StringBuilder text)
    {
        switch (node)
        {
            case ConfigMapping mapping:
            {
                var members = new SortedDictionary<string, ConfigNode>(Utf8Order.Instance);
                foreach (var entry in mapping.Entries) members[entry.Key] = entry.Value;
                if (members.Count == 0)
                {
                    text.Append("null");
                    break;
                }
                text.Append('{');
                var first = true;
                foreach (var (key, value) in members)
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(key, text);
                    text.Append(':');
                    Write(value, text);
                }
                text.Append('}');
                break;
            }
            case ConfigSequence sequence:
                if (sequence.Items.Count == 0)
                {
                    text.Append("null");
                    break;
                }
                text.Append('[');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(sequence.Items[i], text);
                }
                text.Append(']');
                break;
            case ConfigScalar { IsNull: true }:
                text.Append("null");
                break;
            case ConfigScalar scalar:
                WriteScalar(scalar.Value, text);
                break;
        }
    }

    private static void WriteScalar(string value, StringBuilder text)
    {
        if (YamlCppScalar.TryInt32(value, out var integer)) text.Append(integer.ToString(CultureInfo.InvariantCulture));
        else if (YamlCppScalar.TryDouble(value, out var real)) text.Append(FormatDouble(real));
        else if (YamlCppScalar.TryBool(value, out var boolean)) text.Append(boolean ? "true" : "false");
        else WriteString(value, text);
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }
        text.Append('"');
    }

    /// <summary>nlohmann::json's float output: shortest round-trip digits, placed by its rules.</summary>
    internal static string FormatDouble(double value)
    {
        if (!double.IsFinite(value)) return "null";
        if (value == 0) return double.IsNegative(value) ? "-0.0" : "0.0";
        var sign = value < 0 ? "-" : "";
        var (digits, exponent) = ShortestDigits(Math.Abs(value));
        // value = digits × 10^exponent; n is where the decimal point falls within the digits.
        var k = digits.Length;
        var n = k + exponent;
        string body;
        if (k <= n && n <= 15) body = digits + new string('0', n - k) + ".0";
        else if (0 < n && n <= 15) body = digits[..n] + "." + digits[n..];
        else if (-4 < n && n <= 0) body = "0." + new string('0', -n) + digits;
        else
        {
            var mantissa = k == 1 ? digits : digits[0] + "." + digits[1..];
            var e = n - 1;
            body = mantissa + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString(e is > -10 and < 10 ? "00" : "0", CultureInfo.InvariantCulture);
        }
        return sign + body;
    }

    private static (string Digits, int Exponent) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }
        text = text.TrimStart('0');
        var trimmed = text.TrimEnd('0');
        exponent += text.Length - trimmed.Length;
        return (trimmed, exponent);
    }

    /// <summary>std::map&lt;std::string&gt; order: UTF-8 bytes compared one by one.</summary>
    private sealed class Utf8Order : IComparer<string>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(string? x, string? y)
        {
            var a = Encoding.UTF8.GetBytes(x ?? "");
            var b = Encoding.UTF8.GetBytes(y ?? "");
            return a.AsSpan().SequenceCompareTo(b);
        }
    }
}
