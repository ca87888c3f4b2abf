using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Peregrine.Plugins.CloudTrail;

/// <summary>
/// The init config, with upstream's keys and defaults. Unknown keys are accepted and key case is
/// ignored, as upstream's Go decoder does, so a falco.yaml written for upstream loads unchanged.
/// </summary>
public sealed class CloudTrailConfig
{
    [JsonPropertyName("s3DownloadConcurrency")]
    [Description("How many S3 log files are downloaded at the same time (default 32)")]
    public int S3DownloadConcurrency { get; set; } = 32;

    [JsonPropertyName("s3Interval")]
    [Description("Only read S3 log files whose names fall in this interval, e.g. '5d', '3d-1d' or '2023-04-05T06:00:00Z-2023-04-05T12:00:00Z' (default: no interval)")]
    public string S3Interval { get; set; } = string.Empty;

    [JsonPropertyName("sqsDelete")]
    [Description("Delete each SQS message as soon as it is received (default true)")]
    public bool SqsDelete { get; set; } = true;

    [JsonPropertyName("useAsync")]
    [Description("Accepted for compatibility; extraction is always synchronous here (default true)")]
    public bool UseAsync { get; set; } = true;

    [JsonPropertyName("useS3SNS")]
    [Description("The SQS messages carry S3 event notifications rather than CloudTrail's own notifications (default false)")]
    public bool UseS3Sns { get; set; }

    [JsonPropertyName("s3AccountList")]
    [Description("Comma-separated 12-digit account IDs to read from an organization trail (default: every account)")]
    public string S3AccountList { get; set; } = string.Empty;

    [JsonPropertyName("sqsOwnerAccount")]
    [Description("The account ID that owns the SQS queue, when another account owns it (default: none)")]
    public string SqsOwnerAccount { get; set; } = string.Empty;

    [JsonPropertyName("aws")]
    [Description("AWS SDK settings")]
    public AwsOptions Aws { get; set; } = new();
}

/// <summary>The <c>aws</c> block of the init config: what the AWS SDK should use instead of its defaults.</summary>
public sealed class AwsOptions
{
    [JsonPropertyName("profile")]
    [Description("Shared configuration profile to use instead of AWS_PROFILE / 'default' (default: empty)")]
    public string Profile { get; set; } = string.Empty;

    [JsonPropertyName("region")]
    [Description("Region to use instead of AWS_REGION or the profile's region, e.g. 'us-east-1' (default: empty)")]
    public string Region { get; set; } = string.Empty;

    [JsonPropertyName("config")]
    [Description("Shared config file to use instead of AWS_CONFIG_FILE or ~/.aws/config (default: empty)")]
    public string Config { get; set; } = string.Empty;

    [JsonPropertyName("credentials")]
    [Description("Shared credentials file to use instead of AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials (default: empty)")]
    public string Credentials { get; set; } = string.Empty;

    // A Peregrine extension (upstream has no such key): lets S3 and SQS be served by a local
    // endpoint (LocalStack, MinIO, a test server) without touching the environment.
    [JsonPropertyName("endpointUrl")]
    [Description("Peregrine extension: the S3 and SQS endpoint to use instead of AWS's, e.g. 'http://localhost:4566'; AWS_ENDPOINT_URL is used when empty (default: empty)")]
    public string EndpointUrl { get; set; } = string.Empty;
}

/// <summary>Source-generated serializer metadata: no reflection, ready for NativeAOT.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CloudTrailConfig))]
internal sealed partial class CloudTrailJsonContext : JsonSerializerContext;
