using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Peregrine.Plugins.K8sAudit;

/// <summary>
/// The k8saudit init config. Keys and defaults are upstream's, so a falco.yaml written for the
/// upstream plugin works unchanged; like upstream, unknown keys are accepted.
/// </summary>
public sealed class K8sAuditConfig
{
    /// <summary>The certificate (with its key) the HTTPS webhook serves.</summary>
    [JsonPropertyName("sslCertificate")]
    [Description("The SSL certificate (PEM, with its private key) of the HTTPS webhook endpoint (default: /etc/falco/falco.pem)")]
    public string SslCertificate { get; set; } = "/etc/falco/falco.pem";

    /// <summary>Upstream's async-extraction switch; accepted for compatibility, extraction here is in-process anyway.</summary>
    [JsonPropertyName("useAsync")]
    [Description("Whether async extraction is enabled (default: true); accepted for compatibility")]
    public bool UseAsync { get; set; } = true;

    /// <summary>The largest accepted audit event, in bytes of compact JSON; larger events are logged and dropped.</summary>
    [JsonPropertyName("maxEventSize")]
    [Description("The largest size in bytes of one audit event (default: 262144)")]
    public ulong MaxEventSize { get; set; } = 262144;

    /// <summary>The largest accepted webhook request body, in bytes.</summary>
    [JsonPropertyName("webhookMaxBatchSize")]
    [Description("The largest size in bytes of a webhook POST request body (default: 12582912)")]
    public ulong WebhookMaxBatchSize { get; set; } = 12 * 1024 * 1024;
}

/// <summary>Source-generated serializer metadata of <see cref="K8sAuditConfig"/> (no reflection, NativeAOT-friendly).</summary>
[JsonSerializable(typeof(K8sAuditConfig))]
internal sealed partial class K8sAuditJsonContext : JsonSerializerContext;
