using System.Text;
using System.Text.Json.Serialization.Metadata;
using Peregrine.Plugins.K8sAudit.Extraction;
using Peregrine.Plugins.K8sAudit.Fields;
using Peregrine.Plugins.K8sAudit.Sources;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// The k8saudit plugin: reads Kubernetes audit events (source <c>k8s_audit</c>) from files, a
/// followed file or the API server's audit webhook, and extracts the ka.* fields from them.
/// Each event's payload is the audit event as compact JSON, timestamped with its stageTimestamp.
/// </summary>
public sealed class K8sAuditPlugin : Plugin<K8sAuditConfig>, ISourcingPlugin, IExtractionPlugin
{
    private readonly AuditFieldExtractor _extractor = new();
    private ParsedEventCache? _events;

    public override PluginInfo Info { get; } = new()
    {
        Name = "k8saudit",
        Version = "0.18.0",
        Id = 1,
        EventSource = "k8s_audit",
        Description = "Reads Kubernetes audit events and extracts their fields, to monitor Kubernetes clusters",
        Contact = "github.com/falcosecurity/plugins",
    };

    public IReadOnlyList<FieldDefinition> Fields => AuditFields.Definitions;

    protected override JsonTypeInfo<K8sAuditConfig> ConfigTypeInfo => K8sAuditJsonContext.Default.K8sAuditConfig;

    protected override void OnInit(K8sAuditConfig config)
    {
        _events = new ParsedEventCache(message => Log(message, PluginLogSeverity.Warning));
    }

    public EventStream Open(string parameters)
    {
        var target = OpenParams.Parse(parameters);
        return target.Kind switch
        {
            OpenTargetKind.Webhook => new Webhook.WebhookEventStream(WebhookEndpointOf(target.Location), Config, message => Log(message)),
            OpenTargetKind.FollowedFile => new FollowedFileEventStream(target.Location, Config.MaxEventSize, LineLimit, LogWarning),
            _ => FileEventStream.Open(target.Location, Config.MaxEventSize, LineLimit, LogWarning),
        };
    }

    public IReadOnlyList<PluginOpenParam> ListOpenParams() =>
    [
        new("/var/log/kubernetes/audit.log", "A file of audit events, one JSON Event, EventList or array a line (or a directory of such files)", string.Empty),
        new("file:///var/log/kubernetes/audit.log", "A file to follow: events appended to it are read as they come", string.Empty),
        new("http://:9765/k8s-audit", "The audit webhook endpoint to listen on (https:// serves the configured sslCertificate)", string.Empty),
    ];

    /// <summary>The payload itself: the audit event's JSON.</summary>
    public string? EventToString(in PluginEvent evt) => Encoding.UTF8.GetString(evt.Payload);

    public void Extract(in PluginEvent evt, in FieldRequest request, ref FieldWriter values)
    {
        var events = _events ?? throw new InvalidOperationException("the plugin is not initialized");
        if (events.Get(evt.Number, evt.Timestamp, evt.Payload) is { } root)
        {
            _extractor.Extract(root, AuditFields.All[request.Index], request, ref values);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _events?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// The webhook address. Not through <see cref="Uri"/>: it refuses the empty host of upstream's
    /// default <c>http://:9765/k8s-audit</c> (every interface).
    /// </summary>
    private static Webhook.WebhookEndpoint WebhookEndpointOf(string address)
    {
        try
        {
            return Webhook.WebhookEndpoint.Parse(address);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"invalid webhook address: {e.Message}", e);
        }
    }

    /// <summary>
    /// The longest line a file may have: one line may hold an EventList as large as a webhook
    /// request, and no event is larger than maxEventSize. Longer lines are logged and skipped.
    /// </summary>
    private long LineLimit => (long)Math.Min(Math.Max(Config.WebhookMaxBatchSize, Config.MaxEventSize), int.MaxValue);

    private void LogWarning(string message) => Log(message, PluginLogSeverity.Warning);
}
