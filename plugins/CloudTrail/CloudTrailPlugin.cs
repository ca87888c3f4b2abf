using System.Text.Json.Serialization.Metadata;
using Peregrine.Plugins;
using Peregrine.Plugins.CloudTrail.Aws;
using Peregrine.Plugins.CloudTrail.Fields;
using Peregrine.Plugins.CloudTrail.Reading;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail;

/// <summary>
/// The cloudtrail plugin: reads AWS CloudTrail log files (from a local file or directory, an S3
/// bucket, or S3 objects announced on an SQS queue) and delivers each record as an event of source
/// aws_cloudtrail, whose payload is the record's JSON. It also extracts the ct.*, s3.*, ec2.*,
/// ecr.* and iam.* fields from those events, with upstream's (0.17.1) names and meanings.
/// </summary>
public sealed class CloudTrailPlugin : Plugin<CloudTrailConfig>, ISourcingPlugin, IExtractionPlugin
{
    private const string S3Scheme = "s3://";
    private const string SqsScheme = "sqs://";

    private readonly LazyRecord _record = new();
    private readonly FieldExtractor _extractor = new();

    public override PluginInfo Info { get; } = new()
    {
        Name = "cloudtrail",
        Version = "0.17.1",
        Description = "Reads AWS CloudTrail log files from a local path, an S3 bucket or an SQS queue, and extracts their fields",
        Contact = "https://github.com/falcosecurity/plugins",
        Id = 2,
        EventSource = "aws_cloudtrail",
        // Upstream declares no extraction sources, which for a sourcing plugin means its own only.
        ExtractEventSources = ["aws_cloudtrail"],
    };

    public IReadOnlyList<FieldDefinition> Fields => CloudTrailFields.All;

    protected override JsonTypeInfo<CloudTrailConfig> ConfigTypeInfo => CloudTrailJsonContext.Default.CloudTrailConfig;

    protected override void OnInit(CloudTrailConfig config)
    {
        // The schema lets text settings be null (as upstream's Go decoder does); null means unset.
        config.S3Interval ??= string.Empty;
        config.S3AccountList ??= string.Empty;
        config.SqsOwnerAccount ??= string.Empty;
        config.Aws ??= new AwsOptions();
        config.Aws.Profile ??= string.Empty;
        config.Aws.Region ??= string.Empty;
        config.Aws.Config ??= string.Empty;
        config.Aws.Credentials ??= string.Empty;
        config.Aws.EndpointUrl ??= string.Empty;
    }

    public IReadOnlyList<PluginOpenParam> ListOpenParams() =>
    [
        new("/path/to/cloudtrail/logs", "A CloudTrail log file (.json or .json.gz), or a directory read recursively", string.Empty),
        new("s3://bucket/prefix", "Every log file in an S3 bucket, optionally below a key prefix", string.Empty),
        new("sqs://queue", "Log files announced on an SQS queue by SNS notifications, read from S3", string.Empty),
    ];

    public EventStream Open(string parameters)
    {
        LogFileSource files;
        if (parameters.StartsWith(S3Scheme, StringComparison.Ordinal))
        {
            files = S3LogFiles.Open(Config, parameters[S3Scheme.Length..]);
        }
        else if (parameters.StartsWith(SqsScheme, StringComparison.Ordinal))
        {
            files = SqsLogFiles.Open(Config, parameters[SqsScheme.Length..]);
        }
        else
        {
            files = LocalLogFiles.List(parameters);
        }

        return new CloudTrailEventStream(files, (severity, message) => Log(message, severity));
    }

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
        _record.Load(evt);
        _extractor.Extract(_record, (FieldId)request.Index, request, ref values);
    }

    public string? EventToString(in PluginEvent evt)
    {
        _record.Load(evt);
        try
        {
            return EventSummary.Render(_record);
        }
        catch (InvalidDataException)
        {
            return null; // not a record: the host's default rendering
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _record.Dispose();
        }

        base.Dispose(disposing);
    }
}
