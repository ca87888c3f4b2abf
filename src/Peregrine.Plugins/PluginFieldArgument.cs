using Peregrine.Plugins.Native;

namespace Peregrine.Plugins;

/// <summary>
/// The argument of one field reference (<c>name[arg]</c>), resolved once when a rule is bound so
/// that extraction requests carry it without any work per event. How the text is interpreted
/// follows libsinsp: an index-only field needs a plain decimal index; a key field takes the text as
/// is; a field that allows both gets the key always and also the index when the text is a valid
/// index.
/// </summary>
public sealed class PluginFieldArgument
{
    private readonly byte[]? _keyUtf8Z;

    private PluginFieldArgument(bool isPresent, string? text, ulong? index, string? key)
    {
        IsPresent = isPresent;
        Text = text;
        HasIndex = index.HasValue;
        Index = index ?? ulong.MaxValue;
        Key = key;
        _keyUtf8Z = key is null ? null : NativeText.PinnedUtf8Z(key);
    }

    /// <summary>No argument (<c>arg_present</c> false, no key, index <c>UINT64_MAX</c>).</summary>
    public static PluginFieldArgument None { get; } = new(false, null, null, null);

    /// <summary>Whether an argument was given.</summary>
    public bool IsPresent { get; }

    /// <summary>The text between the brackets, as written.</summary>
    public string? Text { get; }

    /// <summary>Whether <see cref="Index"/> holds a parsed index.</summary>
    public bool HasIndex { get; }

    /// <summary>The index, or <c>UINT64_MAX</c> when there is none (what libs 0.24+ sends).</summary>
    public ulong Index { get; }

    /// <summary>The key, or null when the field takes no key.</summary>
    public string? Key { get; }

    /// <summary>The key as a NUL-terminated UTF-8 string at a stable address (NULL when there is no key).</summary>
    internal unsafe byte* KeyUtf8Z => _keyUtf8Z is null ? null : NativeText.PointerOf(_keyUtf8Z);

    /// <summary>An index argument.</summary>
    public static PluginFieldArgument ForIndex(ulong index) =>
        new(true, index.ToString(System.Globalization.CultureInfo.InvariantCulture), index, null);

    /// <summary>A key argument.</summary>
    public static PluginFieldArgument ForKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new PluginFieldArgument(true, key, null, key);
    }

    /// <summary>
    /// Interprets <paramref name="text"/> (the part between the brackets) for <paramref name="field"/>.
    /// On failure <paramref name="error"/> holds libsinsp's wording after the field name, for example
    /// <c>has an invalid index argument starting with 0: 01</c>; the caller prefixes what it needs.
    /// </summary>
    public static bool TryCreate(PluginField field, string text, out PluginFieldArgument argument, out string error)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        argument = None;
        error = string.Empty;
        if (!field.ArgIsAllowed)
        {
            error = "does not allow nor require an argument but one is provided: " + text;
            return false;
        }

        ulong? index = null;
        if (field.ArgIsIndex)
        {
            if (TryParseIndex(text, out var parsed, out var indexError))
            {
                index = parsed;
            }
            else if (!field.ArgIsKey)
            {
                // Only an index-only field rejects a bad index; with a key allowed, the text is a key.
                error = indexError + text;
                return false;
            }
        }

        argument = new PluginFieldArgument(true, text, index, field.ArgIsKey ? text : null);
        return true;
    }

    /// <summary>
    /// libsinsp's index rule: only digits, no leading zero unless exactly "0", fits in 64 bits.
    /// The empty text falls in the "starting with 0" case, as in libsinsp.
    /// </summary>
    private static bool TryParseIndex(string text, out ulong index, out string error)
    {
        index = 0;
        error = string.Empty;
        var valid = true;
        if (text.Length == 0 || (text.Length > 1 && text[0] == '0'))
        {
            valid = false;
            error = "has an invalid index argument starting with 0: ";
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                valid = false;
                error = "has an invalid index argument not composed only by digits: ";
                break;
            }
        }

        if (!valid)
        {
            return false;
        }

        if (ulong.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
        {
            return true;
        }

        error = "has an invalid index argument not representable on 64 bit: ";
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => IsPresent ? $"[{Text}]" : string.Empty;
}
