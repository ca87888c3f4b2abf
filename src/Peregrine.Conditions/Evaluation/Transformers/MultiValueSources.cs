using System.Globalization;
using Peregrine.Conditions.Fields;

namespace Peregrine.Conditions.Evaluation.Transformers;

/// <summary>A constant transformer argument (a quoted string or a number).</summary>
internal sealed class ConstantSource(byte[][] values) : SlotSource
{
    internal override void Fill(FieldCache cache, int slot)
    {
        cache.BeginList(slot);
        foreach (var value in values) cache.AppendBytes(value);
        cache.EndList();
    }
}

/// <summary>
/// A parenthesised argument list: the values of every item, in order, as strings (numbers are
/// written in decimal). If any item has no value the whole list has none.
/// </summary>
internal sealed class ListSource((int Slot, FieldType Type)[] items) : SlotSource
{
    internal override void Fill(FieldCache cache, int slot)
    {
        foreach (var (item, _) in items)
        {
            if (cache.Get(item).Length == 0)
            {
                cache.StoreMissing(slot);
                return;
            }
        }
        cache.BeginList(slot);
        Span<byte> digits = stackalloc byte[24];
        foreach (var (item, type) in items)
        {
            foreach (ref readonly var value in cache.Get(item))
            {
                if (type.IsBytes())
                {
                    cache.AppendValue(value); // same event, same arena: no copy needed
                    continue;
                }
                if (type == FieldType.Bool)
                {
                    cache.AppendBytes(value.Number != 0 ? "true"u8 : "false"u8);
                    continue;
                }
                var text = type == FieldType.Int64
                    ? ((long)value.Number).TryFormat(digits, out var n, default, CultureInfo.InvariantCulture)
                    : value.Number.TryFormat(digits, out n, default, CultureInfo.InvariantCulture);
                cache.AppendBytes(digits[..n]);
            }
        }
        cache.EndList();
    }
}

/// <summary><c>join(sep, list)</c>: the list's values separated by the first value of <c>sep</c>.</summary>
internal sealed class JoinSource(int separator, int list) : SlotSource
{
    internal override void Fill(FieldCache cache, int slot)
    {
        var sep = cache.Get(separator);
        var items = cache.Get(list);
        if (sep.Length == 0 || items.Length == 0)
        {
            cache.StoreMissing(slot);
            return;
        }
        var length = sep[0].Length * (items.Length - 1);
        foreach (ref readonly var item in items) length += item.Length;
        var target = cache.ReserveBytes(length, out var offset);
        var at = 0;
        for (var i = 0; i < items.Length; i++)
        {
            if (i > 0)
            {
                cache.Bytes(sep[0]).CopyTo(target[at..]);
                at += sep[0].Length;
            }
            cache.Bytes(items[i]).CopyTo(target[at..]);
            at += items[i].Length;
        }
        cache.StoreComputed(slot, new FieldValue(0, offset, length));
    }
}

/// <summary><c>concat(a, b, ...)</c>: the first value of each argument, back to back.</summary>
internal sealed class ConcatSource(int[] parts) : SlotSource
{
    internal override void Fill(FieldCache cache, int slot)
    {
        var length = 0;
        foreach (var part in parts)
        {
            var values = cache.Get(part);
            if (values.Length == 0)
            {
                cache.StoreMissing(slot);
                return;
            }
            length += values[0].Length;
        }
        var target = cache.ReserveBytes(length, out var offset);
        var at = 0;
        foreach (var part in parts)
        {
            var value = cache.Get(part)[0];
            cache.Bytes(value).CopyTo(target[at..]);
            at += value.Length;
        }
        cache.StoreComputed(slot, new FieldValue(0, offset, length));
    }
}
