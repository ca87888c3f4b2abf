using Peregrine.Rules.Loading;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>
/// Reads typed values out of a rules-file mapping with yaml-cpp's conversion rules and Falco's
/// messages (LOAD_ERR_YAML_VALIDATE). Every scalar is raw text until one of these asks for a type.
/// </summary>
internal static class YamlDecoding
{
    /// <summary>A required, non-empty scalar.</summary>
    public static string String(YamlMapping item, string key, LoadContext context) =>
        Scalar(item, key, context, optional: false, canBeEmpty: false) ?? "";

    /// <summary>An optional non-empty scalar: null when the key is absent.</summary>
    public static string? OptionalString(YamlMapping item, string key, LoadContext context) =>
        Scalar(item, key, context, optional: true, canBeEmpty: false);

    /// <summary>An optional scalar that may also be null or empty (then "").</summary>
    public static string OptionalEmptyString(YamlMapping item, string key, LoadContext context) =>
        Scalar(item, key, context, optional: true, canBeEmpty: true) ?? "";

    public static bool Bool(YamlMapping item, string key, LoadContext context) =>
        Decode<bool>(item, key, context, optional: false, TryParseBool) ?? false;

    public static bool? OptionalBool(YamlMapping item, string key, LoadContext context) =>
        Decode<bool>(item, key, context, optional: true, TryParseBool);

    public static uint UInt(YamlMapping item, string key, LoadContext context) =>
        Decode<uint>(item, key, context, optional: false, TryParseUInt) ?? 0;

    public static uint? OptionalUInt(YamlMapping item, string key, LoadContext context) =>
        Decode<uint>(item, key, context, optional: true, TryParseUInt);

    /// <summary>A sequence of scalars (<c>items</c>, <c>tags</c>).</summary>
    public static List<string>? Sequence(YamlMapping item, string key, LoadContext context, bool optional)
    {
        var value = item[key];
        if (value is null && optional) return null;
        Fail(value is null, $"Item has no mapping for key '{key}'", context);
        var valueContext = context.Child(value!, ItemType.ValueFor, key);
        Fail(value is not YamlSequence, "Value is not a sequence", valueContext);
        var result = new List<string>();
        foreach (var element in ((YamlSequence)value!).Items)
        {
            var itemContext = valueContext.Child(element, ItemType.ListItem);
            Fail(element is not YamlScalar || element.IsNull, "sequence value is not scalar", itemContext);
            result.Add(((YamlScalar)element).Value);
        }
        return result;
    }

    /// <summary>yaml-cpp booleans: y/n, yes/no, true/false, on/off in lower, UPPER or Capitalized case.</summary>
    public static bool TryParseBool(string text, out bool value)
    {
        value = false;
        var flexible = text.Length > 0 && (text == text.ToLowerInvariant() || text == text.ToUpperInvariant()
                                           || (char.IsUpper(text[0]) && text[1..] == text[1..].ToLowerInvariant()));
        if (!flexible) return false;
        switch (text.ToLowerInvariant())
        {
            case "y" or "yes" or "true" or "on":
                value = true;
                return true;
            case "n" or "no" or "false" or "off":
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// yaml-cpp unsigned integers: an optional '+', then decimal, 0x hexadecimal or 0 octal, and
    /// nothing but white space after; the value must fit 32 bits.
    /// </summary>
    public static bool TryParseUInt(string text, out uint value)
    {
        value = 0;
        var s = text.TrimEnd();
        if (s.StartsWith('+')) s = s[1..];
        if (s.Length == 0 || s.StartsWith('-')) return false;
        try
        {
            if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                value = Convert.ToUInt32(s[2..], 16);
                return s.Length > 2 && s[2..].All(char.IsAsciiHexDigit);
            }
            if (s.Length > 1 && s[0] == '0')
            {
                if (!s.All(c => c is >= '0' and <= '7')) return false;
                value = Convert.ToUInt32(s, 8);
                return true;
            }
            return uint.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// A node read the way Falco reads keys and override operations (yaml-cpp's
    /// <c>as&lt;std::string&gt;()</c>): a null node is the text <c>null</c> whatever was written
    /// (<c>~</c>, <c>NULL</c>, nothing), a scalar is its text, and a sequence or mapping is
    /// yaml-cpp's bad-conversion exception. Falco does not expect that exception, so it surfaces
    /// as LOAD_ERR_VALIDATE against the whole content with yaml-cpp's own 1-based position.
    /// </summary>
    public static string AsString(YamlNode node, LoadContext context)
    {
        if (node.IsNull) return "null";
        if (node is YamlScalar scalar) return scalar.Value;
        throw new RuleLoadException(LoadErrorCode.Validate,
            $"yaml-cpp: error at line {node.CppMark.Line + 1}, column {node.CppMark.Column + 1}: bad conversion",
            LoadContext.ForContent(context.Name));
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Decode<T>(YamlMapping item, string key, LoadContext context, bool optional, TryParse<T> parse) where T : struct
    {
        var text = Scalar(item, key, context, optional, canBeEmpty: false);
        if (text is null) return null;
        var valueContext = context.Child(item[key]!, ItemType.ValueFor, key);
        Fail(!parse(text, out var value), "Can't decode YAML scalar value", valueContext);
        return value;
    }

    private static string? Scalar(YamlMapping item, string key, LoadContext context, bool optional, bool canBeEmpty)
    {
        var value = item[key];
        if (value is null && optional) return null;
        Fail(value is null, $"Item has no mapping for key '{key}'", context);
        if (value!.IsNull && canBeEmpty) return "";
        Fail(value.IsNull, $"Mapping for key '{key}' is empty", context);
        var valueContext = context.Child(value, ItemType.ValueFor, key);
        Fail(value is not YamlScalar, "Value is not a scalar value", valueContext);
        var text = ((YamlScalar)value).Value;
        if (text.Length == 0 && canBeEmpty) return "";
        Fail(text.Length == 0, "Value must be non-empty", valueContext);
        return text;
    }

    public static void Fail(bool condition, string message, LoadContext context) =>
        RuleLoadException.ThrowIf(condition, LoadErrorCode.YamlValidate, message, context);
}
