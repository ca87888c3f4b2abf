using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>
/// The one-line summaries of an event: ct.info ("who via where ←/→ action" plus what it touched)
/// and the event rendering (evt.plugininfo). The texts, arrows and placeholders are upstream's, so
/// outputs read the same as Falco's.
/// </summary>
internal static class EventSummary
{
    private const string AmazonAwsSuffix = ".amazonaws.com";

    /// <summary>ct.info: always has a value, a placeholder saying what is missing for a broken record.</summary>
    public static string Info(LazyRecord root)
    {
        var user = UserIdentity.User(root);
        if (!user.IsPresent)
        {
            return "<invalid cloudtrail event: userIdentity field missing>";
        }

        if (!root.TryGetMember("sourceIPAddress"u8, out var sourceIp))
        {
            // Upstream's wording, although it is the source address that is missing.
            return "<invalid cloudtrail event: eventSource field missing>";
        }

        if (!root.TryGetMember("eventName"u8, out var eventName))
        {
            return "<invalid cloudtrail event: eventName field missing>";
        }

        var who = user.Text;
        var where = sourceIp.TextOf();
        var error = root.TryGetMember("errorCode"u8, out _) ? "!" : string.Empty;
        // Left arrow for reads, right arrow for writes; without readOnly the event counts as a read.
        var arrow = root.TryGetMember("readOnly"u8, out var readOnly) && readOnly.Kind != JsonValueKind.True ? "→" : "←";
        var name = eventName.TextOf();

        var info = new StringBuilder(128);
        info.Append(who);
        if (who != where)
        {
            info.Append(" via ").Append(where);
        }

        info.Append(' ').Append(error).Append(arrow).Append(' ').Append(name);
        if (name == "PutBucketPublicAccessBlock")
        {
            AppendPublicAccessBlock(root, info);
            return info.ToString();
        }

        if (S3Values.TryBytesTotal(root, out var bytes))
        {
            info.Append(" Size=").Append(bytes.ToString(CultureInfo.InvariantCulture));
        }

        if (S3Values.Uri(root) is { } uri)
        {
            return info.Append(" URI=").Append(uri).ToString();
        }

        if (root.TryGet("requestParameters"u8, "bucketName"u8, out var bucket))
        {
            return info.Append(" Bucket=").Append(JsonValues.TextOf(bucket)).ToString();
        }

        if (root.TryGet("requestParameters"u8, "key"u8, out var key))
        {
            return info.Append(" Key=").Append(JsonValues.TextOf(key)).ToString();
        }

        if (root.TryGet("requestParameters"u8, "Host"u8, out var host))
        {
            info.Append(" Host=").Append(JsonValues.TextOf(host));
        }

        return info.ToString();
    }

    /// <summary>
    /// The event rendering: "region user service action info", or null (the host's default
    /// rendering) when the record lacks a text eventSource, awsRegion or eventName.
    /// </summary>
    public static string? Render(LazyRecord root)
    {
        if (!TryGetString(root, "eventSource"u8, out var source)
            || !TryGetString(root, "awsRegion"u8, out var region)
            || !TryGetString(root, "eventName"u8, out var eventName))
        {
            return null;
        }

        // Upstream glues its "no user" placeholders (<NA>, <unknown user type>) to the region
        // without a space, and puts a space before a real user name: kept for identical output.
        var user = UserIdentity.User(root);
        var who = user.IsPresent && user.Text.Length > 0 ? " " + user.Text : user.Text;
        return $"{region}{who} {ShortSource(source)} {eventName} {Info(root)}";
    }

    /// <summary>The service name without the ".amazonaws.com" trailer (unchanged when it has none).</summary>
    public static string ShortSource(string source) =>
        source.Length > AmazonAwsSuffix.Length && source.EndsWith(AmazonAwsSuffix, StringComparison.Ordinal)
            ? source[..^AmazonAwsSuffix.Length]
            : source;

    // Upstream reads the four flags from the top of the record rather than from the configuration
    // object, so they are false for real records; kept so that outputs match Falco's.
    private static void AppendPublicAccessBlock(LazyRecord root, StringBuilder info)
    {
        if (!root.TryGet("requestParameters"u8, "PublicAccessBlockConfiguration"u8, out var configuration)
            || configuration.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        info.Append(" BlockPublicAcls=").Append(Flag(root, "BlockPublicAcls"u8))
            .Append(" BlockPublicPolicy=").Append(Flag(root, "BlockPublicPolicy"u8))
            .Append(" IgnorePublicAcls=").Append(Flag(root, "IgnorePublicAcls"u8))
            .Append(" RestrictPublicBuckets=").Append(Flag(root, "RestrictPublicBuckets"u8))
            .Append(' ');
    }

    private static string Flag(LazyRecord root, ReadOnlySpan<byte> name) =>
        root.TryGetMember(name, out var value) ? value.TrueOrFalse() : "false";

    private static bool TryGetString(LazyRecord root, ReadOnlySpan<byte> name, out string text)
    {
        var found = root.TryGetMember(name, out var value) && value.Kind == JsonValueKind.String;
        text = found ? value.TextOf() : string.Empty;
        return found;
    }
}
