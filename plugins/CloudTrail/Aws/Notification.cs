using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// Reads the S3 objects an SQS message announces. The message body is an SNS notification
/// (<c>{"Type": "Notification", "Message": "..."}</c>) whose Message is either CloudTrail's own
/// notification (<c>{"s3Bucket": "...", "s3ObjectKey": ["..."]}</c>) or, with useS3SNS, an S3
/// event notification (<c>{"Records": [{"s3": {"bucket": {"name"}, "object": {"key"}}}]}</c>).
/// </summary>
internal static class Notification
{
    public static List<S3ObjectRef> Files(string body, bool fromS3Events, string queueName)
    {
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Type"u8, out var type)
                || type.ValueKind != JsonValueKind.String || !type.ValueEquals("Notification"u8))
            {
                throw new InvalidDataException("received SQS message that was not a SNS Notification");
            }

            var message = root.TryGetProperty("Message"u8, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : string.Empty;
            using var inner = JsonDocument.Parse(message);
            return fromS3Events ? FromS3Event(inner.RootElement) : FromCloudTrail(inner.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or InvalidOperationException)
        {
            throw new InvalidDataException($"cloudtrail plugin error: a message of SQS queue {queueName} is not a log file notification: {e.Message}", e);
        }
    }

    private static List<S3ObjectRef> FromCloudTrail(JsonElement message)
    {
        var bucket = message.GetProperty("s3Bucket"u8).GetString() ?? string.Empty;
        var files = new List<S3ObjectRef>();
        if (message.TryGetProperty("s3ObjectKey"u8, out var keys) && keys.ValueKind == JsonValueKind.Array)
        {
            foreach (var key in keys.EnumerateArray())
            {
                files.Add(new S3ObjectRef(bucket, key.GetString() ?? string.Empty));
            }
        }

        return files;
    }

    private static List<S3ObjectRef> FromS3Event(JsonElement message)
    {
        var files = new List<S3ObjectRef>();
        if (message.TryGetProperty("Records"u8, out var records) && records.ValueKind == JsonValueKind.Array)
        {
            foreach (var record in records.EnumerateArray())
            {
                var s3 = record.GetProperty("s3"u8);
                // Keys stay as the notification writes them (URL-encoded), as upstream reads them.
                files.Add(new S3ObjectRef(
                    s3.GetProperty("bucket"u8).GetProperty("name"u8).GetString() ?? string.Empty,
                    s3.GetProperty("object"u8).GetProperty("key"u8).GetString() ?? string.Empty));
            }
        }

        return files;
    }
}
