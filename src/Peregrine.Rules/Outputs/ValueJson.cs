using System.Text.Json;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Text;

namespace Peregrine.Rules.Outputs;

/// <summary>
/// Writes field values as typed JSON, as libsinsp does for <c>output_fields</c>: decimal numbers
/// as numbers (other print formats as their text), booleans, strings, arrays for list fields,
/// and <c>null</c> for a missing value.
/// </summary>
public static class ValueJson
{
    public static void Write(Utf8JsonWriter writer, FieldCache cache, int slot, FieldType type, bool isList, PrintFormat format)
    {
        var values = cache.Get(slot);
        if (values.Length == 0)
        {
            writer.WriteNullValue();
            return;
        }
        if (!isList)
        {
            WriteOne(writer, cache, values[0], type, format);
            return;
        }
        writer.WriteStartArray();
        foreach (ref readonly var value in values) WriteOne(writer, cache, value, type, format);
        writer.WriteEndArray();
    }

    private static void WriteOne(Utf8JsonWriter writer, FieldCache cache, in FieldValue value, FieldType type, PrintFormat format)
    {
        switch (type)
        {
            case FieldType.String:
                JsonOutput.WriteUtf8String(writer, cache.Bytes(value));
                break;
            case FieldType.Bool:
                writer.WriteBooleanValue(value.Number != 0);
                break;
            case FieldType.IpAddr:
                writer.WriteStringValue(IpAddressText.Format(cache.Bytes(value)));
                break;
            case FieldType.IpNet:
                writer.WriteStringValue("<IPNET>"u8);
                break;
            case FieldType.ByteBuf:
            {
                var raw = cache.Bytes(value);
                Span<byte> printable = raw.Length <= 1024 ? stackalloc byte[raw.Length] : new byte[raw.Length];
                ValueText.Printable(raw, printable);
                writer.WriteStringValue(printable);
                break;
            }
            case FieldType.Int64 when format is PrintFormat.Decimal or PrintFormat.Id:
                writer.WriteNumberValue((long)value.Number);
                break;
            case not FieldType.Int64 when format is PrintFormat.Decimal or PrintFormat.Id:
                writer.WriteNumberValue(value.Number);
                break;
            default:
                WriteNumberAsText(writer, value, type, format);
                break;
        }
    }

    private static void WriteNumberAsText(Utf8JsonWriter writer, in FieldValue value, FieldType type, PrintFormat format)
    {
        if (format == PrintFormat.NotApplicable)
        {
            writer.WriteNullValue();
            return;
        }
        var text = format switch
        {
            PrintFormat.PaddedDecimal => type == FieldType.Int64 ? ((long)value.Number).ToString("D9") : value.Number.ToString("D9"),
            PrintFormat.Hexadecimal => value.Number.ToString("X"),
            _ => Convert.ToString((long)value.Number, 8),
        };
        writer.WriteStringValue(text);
    }
}
