using System.Text;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Binding;

/// <summary>
/// Turns right-hand-side text into typed constants, once, at bind time, with libsinsp's
/// rules: numbers are read like C <c>sscanf("%lu")</c> (no hex, no fractions, negatives wrap),
/// booleans are exactly <c>true</c>/<c>false</c>, a value with a dot is always IPv4.
/// Failures throw a <see cref="BindingException"/> carrying Falco's message.
/// </summary>
internal static class ConstantParser
{
    public static ulong ParseUInt64(string text)
    {
        if (!TryScanInteger(text, out var negative, out var magnitude, out var overflow))
            throw new BindingException(text + " is not a valid number");
        if (overflow) return ulong.MaxValue;
        return negative ? unchecked(0UL - magnitude) : magnitude;
    }

    public static long ParseInt64(string text)
    {
        if (!TryScanInteger(text, out var negative, out var magnitude, out var overflow))
            throw new BindingException(text + " is not a valid number");
        if (negative)
            return overflow || magnitude > (ulong)long.MaxValue + 1 ? long.MinValue : unchecked(-(long)magnitude);
        return overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
    }

    /// <summary>Booleans are compared as the 32-bit value plugins return (1 or 0).</summary>
    public static ulong ParseBool(string text) => text switch
    {
        "true" => 1,
        "false" => 0,
        _ => throw new BindingException("filter error: unrecognized boolean value " + text),
    };

    /// <summary>4 bytes when the text has a dot, else 16.</summary>
    public static byte[] ParseIpAddress(string text)
    {
        if (text.Contains('.'))
        {
            var v4 = new byte[4];
            if (!IpAddressText.TryParseV4(text, v4)) throw new BindingException("unrecognized IPv4 address " + text);
            return v4;
        }
        var v6 = new byte[16];
        if (!IpAddressText.TryParseV6(text, v6)) throw new BindingException("unrecognized IPv6 address " + text);
        return v6;
    }

    public static IpNetwork ParseIpNetwork(string text)
    {
        var slash = text.IndexOf('/');
        if (text.Contains('.'))
        {
            if (slash < 0) throw new BindingException("unrecognized IP network " + text);
            var address = new byte[4];
            if (!IpAddressText.TryParseV4(text.AsSpan(0, slash), address))
                throw new BindingException("unrecognized IP address " + text);
            var mask = MaskText(text, slash);
            var prefix = ParsePrefix(mask);
            if (prefix > 32) throw new BindingException("invalid netmask " + mask);
            return new IpNetwork(address, prefix);
        }
        if (slash < 0) throw new BindingException("invalid v6 netmask: " + text);
        var v6 = new byte[16];
        if (!IpAddressText.TryParseV6(text.AsSpan(0, slash), v6))
            throw new BindingException("unrecognized IPv6 address " + text);
        var v6Mask = MaskText(text, slash);
        var v6Prefix = ParsePrefix(v6Mask);
        if (v6Prefix is 0 or > 128) throw new BindingException("invalid v6 netmask " + v6Mask);
        return new IpNetwork(v6, v6Prefix);
    }

    /// <summary>The hex-string constants of <c>bcontains</c> and <c>bstartswith</c>.</summary>
    public static byte[] ParseHex(string text)
    {
        if (text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
            throw new BindingException("filter error: bcontains and bstartswith operator support hex strings only");
        return Convert.FromHexString(text);
    }

    /// <summary>String constants end at a NUL, as C strings do.</summary>
    public static byte[] ParseString(string text)
    {
        var nul = text.IndexOf('\0');
        return Encoding.UTF8.GetBytes(nul < 0 ? text : text[..nul]);
    }

    // getline() stops at a newline; the prefix is parsed as an unsigned byte (so 256 wraps to 0).
    private static string MaskText(string text, int slash)
    {
        var mask = text[(slash + 1)..];
        var newline = mask.IndexOf('\n');
        return newline < 0 ? mask : mask[..newline];
    }

    private static int ParsePrefix(string mask)
    {
        if (!TryScanInteger(mask, out var negative, out var magnitude, out var overflow))
            throw new BindingException(mask + " is not a valid number");
        // %u into 32 bits, then truncated to 8 bits.
        var value32 = overflow ? uint.MaxValue : (uint)(negative ? unchecked(0UL - magnitude) : magnitude);
        return (byte)value32;
    }

    /// <summary>
    /// <c>sscanf(text, "%lu%c")</c> == 1: optional leading white space, optional sign, at least
    /// one decimal digit, and nothing at all after the digits.
    /// </summary>
    private static bool TryScanInteger(string text, out bool negative, out ulong magnitude, out bool overflow)
    {
        negative = false;
        magnitude = 0;
        overflow = false;
        var i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r') i++;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            var digit = (ulong)(text[i] - '0');
            if (magnitude > (ulong.MaxValue - digit) / 10) overflow = true;
            else magnitude = magnitude * 10 + digit;
            i++;
        }
        return i > start && i == text.Length;
    }
}
