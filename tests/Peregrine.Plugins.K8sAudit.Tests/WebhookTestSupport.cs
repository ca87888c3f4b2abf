using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Peregrine.Plugins.K8sAudit.Webhook;
using Peregrine.Sdk;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// Starts webhook streams on a free loopback port and reads their batches back. The streams are
/// driven directly (not through the plugin) to control batch capacity and the timing of each
/// NextBatch call.
/// </summary>
internal sealed class WebhookTestSupport : IDisposable
{
    public const string Path = "/k8s-audit";

    /// <summary>The source of the plugin's events, which a batch does not record.</summary>
    private const string Source = "k8s_audit";

    private readonly List<IDisposable> _owned = [];

    public ConcurrentQueue<string> Logs { get; } = new();

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>One of the reference audit events (one JSON Event a file), as text.</summary>
    public static string ReferenceEvent(string name) =>
        File.ReadAllText(TestPaths.Sample(name)).Trim();

    /// <summary>The stageTimestamp of <paramref name="rfc3339"/> in nanoseconds, computed independently of the parser.</summary>
    public static ulong Nanoseconds(string rfc3339) =>
        (ulong)(DateTimeOffset.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UnixEpoch).Ticks * 100;

    public WebhookEventStream Start(K8sAuditConfig? config = null, string address = "http://127.0.0.1:0" + Path)
    {
        var stream = new WebhookEventStream(WebhookEndpoint.Parse(address), config ?? new K8sAuditConfig(), Logs.Enqueue);
        _owned.Add(stream);
        return stream;
    }

    public WebhookEventStream Start(WebhookEndpoint endpoint, K8sAuditConfig? config = null)
    {
        var stream = new WebhookEventStream(endpoint, config ?? new K8sAuditConfig(), Logs.Enqueue);
        _owned.Add(stream);
        return stream;
    }

    public static Uri Url(WebhookEventStream stream, string path = Path, string scheme = "http") =>
        new($"{scheme}://127.0.0.1:{stream.Port}{path}");

    public Task<HttpResponseMessage> PostJsonAsync(WebhookEventStream stream, string body, string path = Path) =>
        Client.PostAsync(Url(stream, path), new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Calls NextBatch once with a fresh batch and returns the result and its events.</summary>
    public static (BatchResult Result, IReadOnlyList<CapturedEvent> Events) NextBatch(WebhookEventStream stream, int capacity = EventBatch.DefaultCapacity)
    {
        using var batch = new EventBatch(capacity: capacity);
        var result = stream.NextBatch(batch);
        return (result, Read(batch));
    }

    /// <summary>Reads until <paramref name="count"/> events came or a few seconds passed.</summary>
    public static List<CapturedEvent> ReadEvents(WebhookEventStream stream, int count)
    {
        var events = new List<CapturedEvent>();
        var clock = Stopwatch.StartNew();
        while (events.Count < count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            events.AddRange(NextBatch(stream).Events);
        }

        return events;
    }

    /// <summary>The events in <paramref name="batch"/>, each checked to be a well-formed plugin event.</summary>
    public static IReadOnlyList<CapturedEvent> Read(EventBatch batch)
    {
        var events = EventBatchReader.Read(batch, Source);
        Assert.All(events, evt => Assert.True(evt.View.IsPluginEvent));
        return events;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        Client.Dispose();
    }
}
