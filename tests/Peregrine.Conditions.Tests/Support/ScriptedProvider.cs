using System.Text;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Text;

namespace Peregrine.Conditions.Tests.Support;

/// <summary>
/// Field values of one test event, by field text (<c>dt.env[HOME]</c>). Values may be a string,
/// a number, a bool, an IP address text (for ip fields), or an array of those for list fields.
/// Absent keys are missing values. Counts every fetch so tests can check at-most-once extraction.
/// </summary>
public sealed class ScriptedProvider(IReadOnlyDictionary<string, object?> values) : IFieldValueProvider
{
    public Dictionary<string, int> Fetches { get; } = new(StringComparer.Ordinal);

    public void Fetch(FieldCache cache, int slot, FieldReference field)
    {
        Fetches[field.Text] = Fetches.GetValueOrDefault(field.Text) + 1;
        if (!values.TryGetValue(field.Text, out var value) || value is null)
        {
            cache.StoreMissing(slot);
            return;
        }
        var type = field.Definition.Type;
        if (field.Definition.IsList)
        {
            cache.BeginList(slot);
            foreach (var item in (System.Collections.IEnumerable)value) Append(cache, type, item);
            cache.EndList();
            return;
        }
        cache.BeginList(slot);
        Append(cache, type, value);
        cache.EndList();
    }

    private static void Append(FieldCache cache, FieldType type, object item)
    {
        switch (type)
        {
            case FieldType.String or FieldType.ByteBuf:
                cache.AppendBytes(item is byte[] raw ? raw : Encoding.UTF8.GetBytes((string)item));
                break;
            case FieldType.IpAddr or FieldType.IpNet:
                cache.AppendBytes(ParseIp((string)item));
                break;
            case FieldType.Bool:
                cache.AppendNumber((bool)item ? 1UL : 0UL);
                break;
            case FieldType.Int64:
                cache.AppendNumber(unchecked((ulong)Convert.ToInt64(item)));
                break;
            default:
                cache.AppendNumber(Convert.ToUInt64(item));
                break;
        }
    }

    private static byte[] ParseIp(string text)
    {
        var v4 = new byte[4];
        if (IpAddressText.TryParseV4(text, v4)) return v4;
        var v6 = new byte[16];
        if (IpAddressText.TryParseV6(text, v6)) return v6;
        throw new ArgumentException("bad test IP " + text);
    }
}
