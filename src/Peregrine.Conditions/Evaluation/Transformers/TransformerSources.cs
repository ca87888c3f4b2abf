using System.Buffers.Text;

namespace Peregrine.Conditions.Evaluation.Transformers;

// The single-argument transformers. Each fills its slot from the values of one child slot,
// value by value, so a transformer on a list field transforms every element.

/// <summary>
/// A transformer applied to each value of one child slot. A missing child (including an empty
/// list) leaves the result missing; a value that cannot be transformed makes the whole result
/// missing, as upstream fails the whole extraction.
/// </summary>
internal abstract class EachValueSource(int child) : SlotSource
{
    internal sealed override void Fill(FieldCache cache, int slot)
    {
        var values = cache.Get(child);
        if (values.Length == 0)
        {
            cache.StoreMissing(slot);
            return;
        }
        cache.BeginList(slot);
        foreach (ref readonly var value in values)
        {
            if (!TryTransform(cache, value, out var result))
            {
                cache.CancelList();
                return;
            }
            cache.AppendValue(result);
        }
        cache.EndList();
    }

    /// <summary>The transformed value, its bytes already in the cache's arena; false when the value cannot be transformed.</summary>
    protected abstract bool TryTransform(FieldCache cache, in FieldValue value, out FieldValue result);
}

/// <summary><c>tolower</c> / <c>toupper</c>: ASCII only, other bytes unchanged.</summary>
internal sealed class CaseSource(int child, bool upper) : EachValueSource(child)
{
    protected override bool TryTransform(FieldCache cache, in FieldValue value, out FieldValue result)
    {
        var target = cache.ReserveBytes(value.Length, out var offset);
        var source = cache.Bytes(value);
        for (var i = 0; i < source.Length; i++)
            target[i] = upper ? Matching.AsciiCase.Upper(source[i]) : Matching.AsciiCase.Lower(source[i]);
        result = new FieldValue(0, offset, value.Length);
        return true;
    }
}

/// <summary>
/// <c>b64</c>: standard-alphabet base64, padding optional; any invalid value makes the whole
/// extraction fail. A decoded string ends at its first NUL, as a C string does.
/// </summary>
internal sealed class Base64Source(int child, bool isString) : EachValueSource(child)
{
    protected override bool TryTransform(FieldCache cache, in FieldValue value, out FieldValue result)
    {
        var target = cache.ReserveBytes(value.Length, out var offset);
        if (!TryDecode(cache.Bytes(value), target, out var written))
        {
            cache.ShrinkReservation(offset, 0);
            result = default;
            return false;
        }
        if (isString)
        {
            var nul = target[..written].IndexOf((byte)0);
            if (nul >= 0) written = nul;
        }
        cache.ShrinkReservation(offset, written);
        result = new FieldValue(0, offset, written);
        return true;
    }

    /// <summary>Decodes with up to two '=' of padding removed and unpadded input accepted.</summary>
    internal static bool TryDecode(ReadOnlySpan<byte> input, Span<byte> output, out int written)
    {
        written = 0;
        var n = input.Length;
        if (n > 0 && input[n - 1] == '=')
        {
            n--;
            if (n > 0 && input[n - 1] == '=') n--;
        }
        var data = input[..n];
        if (data.Length % 4 == 1) return false;
        // Only the 64 alphabet characters: no white space, no padding in the middle.
        foreach (var c in data)
        {
            if (!(char.IsAsciiLetterOrDigit((char)c) || c is (byte)'+' or (byte)'/')) return false;
        }
        var padded = data.Length % 4 == 0 ? data.Length : data.Length + (4 - data.Length % 4);
        Span<byte> buffer = padded <= 512 ? stackalloc byte[padded] : new byte[padded];
        data.CopyTo(buffer);
        buffer[data.Length..].Fill((byte)'=');
        if (Base64.DecodeFromUtf8(buffer, output, out _, out written) != System.Buffers.OperationStatus.Done) return false;
        // Unused low bits of the last character must be zero, as upstream's decoder requires.
        var rest = data.Length % 4;
        if (rest != 0)
        {
            var last = Base64Value(data[^1]);
            var unused = rest == 2 ? 0b1111 : 0b11;
            if ((last & unused) != 0) return false;
        }
        return true;
    }

    private static int Base64Value(byte c) => c switch
    {
        >= (byte)'A' and <= (byte)'Z' => c - 'A',
        >= (byte)'a' and <= (byte)'z' => c - 'a' + 26,
        >= (byte)'0' and <= (byte)'9' => c - '0' + 52,
        (byte)'+' => 62,
        _ => 63,
    };
}

/// <summary><c>basename</c>: the text after the last '/', an empty string when it ends with one.</summary>
internal sealed class BasenameSource(int child) : EachValueSource(child)
{
    protected override bool TryTransform(FieldCache cache, in FieldValue value, out FieldValue result)
    {
        // The result is a tail of the child's bytes: no copy needed.
        var start = cache.Bytes(value).LastIndexOf((byte)'/') + 1;
        result = new FieldValue(0, value.Offset + start, value.Length - start);
        return true;
    }
}

/// <summary><c>len</c>: element count of a list, byte length of a string or buffer.</summary>
internal sealed class LengthSource(int child, bool childIsList) : SlotSource
{
    internal override void Fill(FieldCache cache, int slot)
    {
        var values = cache.Get(child);
        if (values.Length == 0)
        {
            cache.StoreMissing(slot);
            return;
        }
        cache.StoreNumber(slot, childIsList ? (ulong)values.Length : (ulong)values[0].Length);
    }
}
