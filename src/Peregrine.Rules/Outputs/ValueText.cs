using System.Buffers.Text;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Text;

namespace Peregrine.Rules.Outputs;

/// <summary>
/// Writes field values as libsinsp renders them in text outputs: numbers by print format,
/// booleans as true/false, IP addresses in dotted or compressed form, networks as the literal
/// <c>&lt;IPNET&gt;</c>, lists as <c>(a,b)</c>, and <c>&lt;NA&gt;</c> for a missing value.
/// </summary>
public static class ValueText
{
    public static readonly byte[] NotAvailable = "<NA>"u8.ToArray();

    /// <summary>libsinsp copies list renderings into a 1024-byte buffer.</summary>
    private const int ListLimit = 1023;

    /// <summary>Writes the value(s) of a slot; false (and nothing written) when the value is missing or unprintable.</summary>
    public static bool TryWrite(Utf8Builder output, FieldCache cache, int slot, FieldType type, bool isList, PrintFormat format)
    {
        var values = cache.Get(slot);
        if (values.Length == 0) return false;
        var start = output.Length;
        if (!isList)
        {
            if (WriteOne(output, cache, values[0], type, format)) return true;
            output.Truncate(start, 0);
            return false;
        }
        output.Append((byte)'(');
        foreach (ref readonly var value in values)
        {
            // Upstream adds a comma only once the text holds more than "(": empty leading
            // elements vanish, and "( ... ,)" keeps a trailing empty one.
            if (output.Length - start > 1) output.Append((byte)',');
            WriteOne(output, cache, value, type, format);
        }
        output.Append((byte)')');
        output.Truncate(start, ListLimit);
        return true;
    }

    private static bool WriteOne(Utf8Builder output, FieldCache cache, in FieldValue value, FieldType type, PrintFormat format)
    {
        switch (type)
        {
            case FieldType.String:
                output.Append(cache.Bytes(value));
                return true;
            case FieldType.ByteBuf:
            {
                var raw = cache.Bytes(value);
                Printable(raw, output.GetSpan(raw.Length));
                output.Advance(raw.Length);
                return true;
            }
            case FieldType.Bool:
                output.Append(value.Number != 0 ? "true"u8 : "false"u8);
                return true;
            case FieldType.IpAddr:
                output.Append(IpAddressText.Format(cache.Bytes(value)));
                return true;
            case FieldType.IpNet:
                output.Append("<IPNET>"u8);
                return true;
            case FieldType.Int64:
                return WriteNumber(output, (long)value.Number, format);
            default:
                return WriteNumber(output, value.Number, format);
        }
    }

    /// <summary>A byte buffer shown as text: printable ASCII kept, anything else as '.'.</summary>
    public static void Printable(ReadOnlySpan<byte> raw, Span<byte> target)
    {
        for (var i = 0; i < raw.Length; i++) target[i] = raw[i] is >= 0x20 and < 0x7f ? raw[i] : (byte)'.';
    }

    private static bool WriteNumber(Utf8Builder output, ulong number, PrintFormat format)
    {
        var span = output.GetSpan(32);
        int written;
        var ok = format switch
        {
            PrintFormat.Decimal or PrintFormat.Id => Utf8Formatter.TryFormat(number, span, out written),
            PrintFormat.PaddedDecimal => Utf8Formatter.TryFormat(number, span, out written, new System.Buffers.StandardFormat('D', 9)),
            PrintFormat.Hexadecimal => Utf8Formatter.TryFormat(number, span, out written, new System.Buffers.StandardFormat('X')),
            PrintFormat.Octal => TryFormatOctal(number, span, out written),
            _ => Fail(out written),
        };
        if (ok) output.Advance(written);
        return ok;
    }

    private static bool WriteNumber(Utf8Builder output, long number, PrintFormat format)
    {
        if (format is PrintFormat.Hexadecimal or PrintFormat.Octal) return WriteNumber(output, (ulong)number, format);
        var span = output.GetSpan(32);
        int written;
        var ok = format switch
        {
            PrintFormat.PaddedDecimal => Utf8Formatter.TryFormat(number, span, out written, new System.Buffers.StandardFormat('D', 9)),
            _ => Utf8Formatter.TryFormat(number, span, out written),
        };
        if (ok) output.Advance(written);
        return ok;
    }

    private static bool TryFormatOctal(ulong number, Span<byte> span, out int written)
    {
        Span<byte> digits = stackalloc byte[23];
        var n = 0;
        do
        {
            digits[n++] = (byte)('0' + (int)(number & 7));
            number >>= 3;
        } while (number != 0);
        for (var i = 0; i < n; i++) span[i] = digits[n - 1 - i];
        written = n;
        return true;
    }

    private static bool Fail(out int written)
    {
        written = 0;
        return false;
    }
}
