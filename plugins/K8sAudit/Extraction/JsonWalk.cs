using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Extraction;

/// <summary>
/// Steps through an audit event along a path of keys, the two ways upstream does: a plain walk
/// through objects, and a walk that fans out over the arrays it meets (one result per element, or
/// the element at an index), so "containers.image" yields each container's image. A key names the
/// first member of that name, as upstream's JSON library reads duplicates (see <see cref="JsonMembers"/>).
/// </summary>
internal static class JsonWalk
{
    /// <summary>No index argument: every element of an array on the way is visited.</summary>
    public const int AllElements = -1;

    /// <summary>Follows <paramref name="keys"/> through objects; anything else on the way means not found.</summary>
    public static bool TryGet(JsonElement value, ReadOnlySpan<string> keys, out JsonElement found)
    {
        found = value;
        foreach (var key in keys)
        {
            if (!JsonMembers.TryGetFirst(found, key, out found))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Follows <paramref name="keys"/>, and at each array met before a key either visits every
    /// element (<paramref name="index"/> is <see cref="AllElements"/>) or takes the element at
    /// <paramref name="index"/>. With every element visited, an element where the rest of the path
    /// is missing adds a null, so positions still line up with the array. An empty key stays on the
    /// value itself. The value at the end is added as it is, even when it is an array.
    /// </summary>
    /// <returns>False, adding nothing, when the path is missing (or the index is out of range).</returns>
    public static bool Collect(JsonElement value, int index, ReadOnlySpan<string> keys, List<JsonElement?> found)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                if (index == AllElements)
                {
                    foreach (var element in value.EnumerateArray())
                    {
                        // A failed walk adds nothing: it fails before reaching an array it would expand.
                        if (!Collect(element, index, keys[i..], found))
                        {
                            found.Add(null);
                        }
                    }

                    return true;
                }

                if (index >= value.GetArrayLength())
                {
                    return false;
                }

                value = value[index];
            }

            if (keys[i].Length > 0 && !JsonMembers.TryGetFirst(value, keys[i], out value))
            {
                return false;
            }
        }

        found.Add(value);
        return true;
    }
}
