using System.Text;
using Peregrine.Conditions.Evaluation;
using Peregrine.Conditions.Fields;
using Peregrine.Conditions.Text;

namespace Peregrine.Rules.Tests.Support;

/// <summary>
/// Field values of one test event by field text (<c>dt.env[HOME]</c>): strings, numbers, bools,
/// IP texts, arrays for lists; absent keys are missing.
/// </summary>
public sealed class EventValues(IReadOnlyDictionary<string, object?> values) : IFieldValueProvider
{
    public void Fetch(FieldCache cache, int slot, FieldReference field)
    {
        if (!values.TryGetValue(field.Text, out var value) || value is null)
        {
            cache.StoreMissing(slot);
            return;
        }
        cache.BeginList(slot);
        if (field.Definition.IsList)
        {
            foreach (var item in (System.Collections.IEnumerable)value) Append(cache, field.Definition.Type, item);
        }
        else
        {
            Append(cache, field.Definition.Type, value);
        }
        cache.EndList();
    }

    private static void Append(FieldCache cache, FieldType type, object item)
    {
        switch (type)
        {
            case FieldType.String or FieldType.ByteBuf:
                cache.AppendBytes(Encoding.UTF8.GetBytes((string)item));
                break;
            case FieldType.IpAddr or FieldType.IpNet:
                var text = (string)item;
                var bytes = new byte[text.Contains(':') ? 16 : 4];
                if (!(bytes.Length == 4 ? IpAddressText.TryParseV4(text, bytes) : IpAddressText.TryParseV6(text, bytes)))
                    throw new ArgumentException(text);
                cache.AppendBytes(bytes);
                break;
            case FieldType.Bool:
                cache.AppendNumber((bool)item ? 1UL : 0UL);
                break;
            default:
                cache.AppendNumber(Convert.ToUInt64(item));
                break;
        }
    }
}
