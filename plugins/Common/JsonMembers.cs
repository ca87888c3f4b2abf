using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Peregrine.Plugins.Common;

/// <summary>
/// Looks up an object member the way upstream's JSON library (fastjson) does, which matters when a
/// key appears twice: upstream takes the FIRST member with the key, while System.Text.Json's
/// <c>TryGetProperty</c> takes the last. Reading a different duplicate than Falco would let a crafted
/// event show rules one value and the audit trail another, so every lookup goes through here.
/// <para>
/// Upstream first compares the key with each member name as written, and only when none matches
/// (or the key holds a backslash) compares it with the names' unescaped text. So a plainly written
/// duplicate wins over an earlier one written with escapes. (Upstream also remembers, per parsed
/// object, that it has unescaped the names, after which later lookups in the same event skip the
/// first comparison; that order-dependent detail is not reproduced.)
/// </para>
/// </summary>
public static class JsonMembers
{
    /// <summary>The first member of <paramref name="value"/> named <paramref name="name"/> (UTF-8), when it is an object that has one.</summary>
    public static bool TryGetFirst(JsonElement value, ReadOnlySpan<byte> name, out JsonElement member)
    {
        member = default;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (name.IndexOf((byte)'\\') < 0)
        {
            var anyEscaped = false;
            foreach (var property in value.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                if (raw.SequenceEqual(name))
                {
                    member = property.Value;
                    return true;
                }

                anyEscaped |= raw.IndexOf((byte)'\\') >= 0;
            }

            if (!anyEscaped)
            {
                return false;
            }
        }

        foreach (var property in value.EnumerateObject())
        {
            if (JsonEscapes.TextEquals(JsonMarshal.GetRawUtf8PropertyName(property), name))
            {
                member = property.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The first member of <paramref name="value"/> named <paramref name="name"/>, when it is an object that has one.</summary>
    public static bool TryGetFirst(JsonElement value, ReadOnlySpan<char> name, out JsonElement member)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            member = default;
            return false;
        }

        var size = Encoding.UTF8.GetMaxByteCount(name.Length);
        byte[]? rented = null;
        var utf8 = size <= 128 ? stackalloc byte[128] : (rented = ArrayPool<byte>.Shared.Rent(size));
        var found = TryGetFirst(value, utf8[..Encoding.UTF8.GetBytes(name, utf8)], out member);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return found;
    }
}
