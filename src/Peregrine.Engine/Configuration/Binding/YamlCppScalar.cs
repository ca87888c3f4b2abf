using System.Globalization;
using System.Text.RegularExpressions;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>
/// Reads scalar text the way yaml-cpp's <c>as&lt;T&gt;()</c> does (the conversions Falco's
/// <c>get_scalar</c> uses), so a value means the same in Peregrine as in Falco:
/// <list type="bullet">
/// <item>booleans: <c>y/n</c>, <c>yes/no</c>, <c>true/false</c>, <c>on/off</c>, each in lower case,
/// UPPER case or Capitalized;</item>
/// <item>integers: C++ stream extraction with automatic base (<c>0x1F</c> is hex, <c>010</c> is
/// octal), an optional sign, trailing blanks allowed, no leading blanks; unsigned types refuse a
/// leading <c>-</c>; out of range fails;</item>
/// <item>floating point: decimal notation with optional exponent, or <c>.inf</c>/<c>.nan</c> forms.</item>
/// </list>
/// Quoting does not matter: <c>"true"</c> converts like <c>true</c>, as in yaml-cpp.
/// </summary>
internal static partial class YamlCppScalar
{
    private static readonly (string True, string False)[] BoolNames = [("y", "n"), ("yes", "no"), ("true", "false"), ("on", "off")];

    public static bool TryBool(string text, out bool value)
    {
        value = false;
        if (!IsFlexibleCase(text)) return false;
        var lower = text.ToLowerInvariant();
        foreach (var (t, f) in BoolNames)
        {
            if (lower == t) { value = true; return true; }
            if (lower == f) { value = false; return true; }
        }
        return false;
    }

    public static bool TryInt32(string text, out int value)
    {
        value = 0;
        if (!TryInteger(text, allowNegative: true, out var magnitude, out var negative)) return false;
        var signed = negative ? -(System.Numerics.BigInteger)magnitude : magnitude;
        if (signed < int.MinValue || signed > int.MaxValue) return false;
        value = (int)signed;
        return true;
    }

    public static bool TryInt64(string text, out long value)
    {
        value = 0;
        if (!TryInteger(text, allowNegative: true, out var magnitude, out var negative)) return false;
        var signed = negative ? -(System.Numerics.BigInteger)magnitude : magnitude;
        if (signed < long.MinValue || signed > long.MaxValue) return false;
        value = (long)signed;
        return true;
    }

    public static bool TryUInt64(string text, out ulong value)
    {
        value = 0;
        if (!TryInteger(text, allowNegative: false, out var magnitude, out _)) return false;
        value = magnitude;
        return true;
    }

    public static bool TryUInt32(string text, out uint value)
    {
        value = 0;
        if (!TryUInt64(text, out var wide) || wide > uint.MaxValue) return false;
        value = (uint)wide;
        return true;
    }

    /// <summary><c>uint8_t</c>: yaml-cpp reads an <c>int</c> and checks it fits 0..255.</summary>
    public static bool TryUInt8(string text, out byte value)
    {
        value = 0;
        if (!TryInt32(text, out var wide) || wide is < 0 or > 255) return false;
        value = (byte)wide;
        return true;
    }

    public static bool TryDouble(string text, out double value)
    {
        value = 0;
        if (DecimalNumber().IsMatch(text))
            return double.TryParse(text.TrimEnd(Blanks), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            default:
                return false;
        }
    }

    private static readonly char[] Blanks = [' ', '\t', '\n', '\v', '\f', '\r'];

    private static bool TryInteger(string text, bool allowNegative, out ulong magnitude, out bool negative)
    {
        magnitude = 0;
        negative = false;
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            if (negative && !allowNegative) return false;
            i++;
        }
        var radix = 10;
        if (i < text.Length && text[i] == '0')
        {
            if (i + 1 < text.Length && text[i + 1] is 'x' or 'X')
            {
                radix = 16;
                i += 2;
            }
            else
            {
                radix = 8;
            }
        }
        var digits = 0;
        for (; i < text.Length; i++, digits++)
        {
            var digit = DigitValue(text[i]);
            if (digit < 0 || digit >= radix) break;
            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix) return false;
            magnitude = magnitude * (ulong)radix + (ulong)digit;
        }
        if (digits == 0) return false;
        for (; i < text.Length; i++)
        {
            if (Array.IndexOf(Blanks, text[i]) < 0) return false;
        }
        return true;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>yaml-cpp's IsFlexibleCase: all lower case, all upper case, or capitalized.</summary>
    private static bool IsFlexibleCase(string text)
    {
        if (text.Length == 0) return true;
        if (text.All(char.IsAsciiLetterLower)) return true;
        var rest = text[1..];
        return char.IsAsciiLetterUpper(text[0]) && (rest.All(char.IsAsciiLetterLower) || rest.All(char.IsAsciiLetterUpper));
    }

    [GeneratedRegex(@"\A[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\v\f\r]*\z")]
    private static partial Regex DecimalNumber();
}
