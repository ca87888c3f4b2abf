using System.Text.Json;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// Who made the call, from the record's userIdentity: the rules behind ct.user and
/// ct.originaluser. Upstream's choices are kept, including the placeholder texts it uses when it
/// cannot name the user (they show in the event rendering).
/// </summary>
internal static class UserIdentity
{
    /// <summary>
    /// ct.user: the userName of Root and IAMUser identities, the invokedBy of AWSService ones, the
    /// issuing role of AssumedRole ones ("AssumedRole" when unnamed), and the type itself for
    /// AWSAccount and FederatedUser. Unknown or missing types have no user.
    /// </summary>
    public static ResolvedText User(LazyRecord root)
    {
        if (!root.TryGet("userIdentity"u8, "type"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return ResolvedText.Absent(string.Empty);
        }

        JsonElement name;
        if (type.ValueEquals("Root"u8) || type.ValueEquals("IAMUser"u8))
        {
            if (!root.TryGet("userIdentity"u8, "userName"u8, out name))
            {
                return ResolvedText.Absent("<NA>");
            }
        }
        else if (type.ValueEquals("AWSService"u8))
        {
            if (!root.TryGet("userIdentity"u8, "invokedBy"u8, out name))
            {
                return ResolvedText.Absent("<NA>");
            }
        }
        else if (type.ValueEquals("AssumedRole"u8))
        {
            return root.TryGet("userIdentity"u8, "sessionContext"u8, out var context)
                && JsonValues.TryGet(context, "sessionIssuer"u8, "userName"u8, out name)
                ? ResolvedText.Of(name)
                : ResolvedText.Of("AssumedRole");
        }
        else if (type.ValueEquals("AWSAccount"u8))
        {
            return ResolvedText.Of("AWSAccount");
        }
        else if (type.ValueEquals("FederatedUser"u8))
        {
            return ResolvedText.Of("FederatedUser");
        }
        else
        {
            return ResolvedText.Absent("<unknown user type>");
        }

        return ResolvedText.Of(name);
    }

    /// <summary>
    /// ct.originaluser: for AssumedRole the session name (the third part of an arn like
    /// arn:aws:sts::1:assumed-role/Role/Session, else the part after the colon of a principalId
    /// like AROA...:Session); for any other identity userIdentity.userName.
    /// </summary>
    public static ResolvedText OriginalUser(LazyRecord root)
    {
        var isAssumedRole = root.TryGet("userIdentity"u8, "type"u8, out var type)
            && type.ValueKind == JsonValueKind.String && type.ValueEquals("AssumedRole"u8);
        if (!isAssumedRole)
        {
            return root.TryGet("userIdentity"u8, "userName"u8, out var name)
                ? ResolvedText.Of(name)
                : ResolvedText.Absent(string.Empty);
        }

        if (root.TryGet("userIdentity"u8, "arn"u8, out var arn)
            && LastPartIfCount(JsonValues.TextOf(arn), '/', 3) is { } session)
        {
            return ResolvedText.Of(session);
        }

        if (root.TryGet("userIdentity"u8, "principalId"u8, out var principal)
            && LastPartIfCount(JsonValues.TextOf(principal), ':', 2) is { } fromPrincipal)
        {
            return ResolvedText.Of(fromPrincipal);
        }

        return ResolvedText.Absent(string.Empty);
    }

    // The last part of text split at separator, when it splits into exactly `parts` parts.
    private static string? LastPartIfCount(string text, char separator, int parts) =>
        text.AsSpan().Count(separator) == parts - 1 ? text[(text.LastIndexOf(separator) + 1)..] : null;
}

/// <summary>
/// A text field's outcome: present with a value (a record member, read as text, or a fixed text),
/// or absent. An absent outcome still carries upstream's placeholder, which its event rendering shows.
/// </summary>
internal readonly struct ResolvedText
{
    private readonly JsonElement _element;
    private readonly string? _literal;

    private ResolvedText(bool present, JsonElement element, string? literal)
    {
        IsPresent = present;
        _element = element;
        _literal = literal;
    }

    public bool IsPresent { get; }

    /// <summary>The value as text (the placeholder when absent).</summary>
    public string Text => _literal ?? JsonValues.TextOf(_element);

    public static ResolvedText Of(JsonElement element) => new(true, element, null);

    public static ResolvedText Of(string text) => new(true, default, text);

    public static ResolvedText Absent(string placeholder) => new(false, default, placeholder);

    /// <summary>Writes the value when present; nothing when absent.</summary>
    public void WriteTo(ref FieldWriter values)
    {
        if (!IsPresent)
        {
            return;
        }

        if (_literal is not null)
        {
            values.Write(_literal);
        }
        else
        {
            JsonValues.WriteText(_element, ref values);
        }
    }
}
