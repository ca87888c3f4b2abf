using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.CloudTrail.Fields;

/// <summary>The s3.* values: the object a call names and the bytes it moved.</summary>
internal static class S3Values
{
    /// <summary>s3://bucket/key, when both bucketName and key are strings in the request.</summary>
    public static string? Uri(LazyRecord root)
    {
        if (!root.TryGet("requestParameters"u8, out var request)
            || !JsonValues.TryGet(request, "bucketName"u8, out var bucket) || bucket.ValueKind != JsonValueKind.String
            || !JsonValues.TryGet(request, "key"u8, out var key) || key.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return $"s3://{JsonStrings.Text(bucket)}/{JsonStrings.Text(key)}";
    }

    /// <summary>Bytes uploaded (additionalEventData.bytesTransferredIn), when the record says.</summary>
    public static bool TryBytesIn(LazyRecord root, out ulong bytes) => TryCount(root, "bytesTransferredIn"u8, out bytes);

    /// <summary>Bytes downloaded (additionalEventData.bytesTransferredOut), when the record says.</summary>
    public static bool TryBytesOut(LazyRecord root, out ulong bytes) => TryCount(root, "bytesTransferredOut"u8, out bytes);

    /// <summary>Bytes moved either way: present when either direction is.</summary>
    public static bool TryBytesTotal(LazyRecord root, out ulong bytes)
    {
        var hasIn = TryBytesIn(root, out var bytesIn);
        var hasOut = TryBytesOut(root, out var bytesOut);
        bytes = unchecked(bytesIn + bytesOut);
        return hasIn || hasOut;
    }

    /// <summary>Whether the event's name is <paramref name="name"/> (a missing or non-text name is "").</summary>
    public static bool EventNameIs(LazyRecord root, ReadOnlySpan<byte> name)
    {
        if (root.TryGetMember("eventName"u8, out var eventName) && eventName.Kind == JsonValueKind.String)
        {
            return eventName.StringEquals(name);
        }

        return name.IsEmpty;
    }

    private static bool TryCount(LazyRecord root, ReadOnlySpan<byte> member, out ulong bytes)
    {
        bytes = 0;
        if (!root.TryGet("additionalEventData"u8, member, out var value))
        {
            return false;
        }

        bytes = JsonValues.ToUInt64(value);
        return true;
    }
}
