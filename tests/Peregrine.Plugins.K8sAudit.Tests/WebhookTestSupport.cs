using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using Peregrine.Plugins.K8sAudit.Webhook;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>One event read back from a batch.</summary>
internal sealed record WebhookEvent(ulong Timestamp, byte[] Payload)
{
    public string Text => Encoding.UTF8.GetString(Payload);
}

/// <summary>
/// Starts webhook streams on a free loopback port and reads their batches back. A batch's events
/// are only published to the host (an internal SDK call), so they are read through reflection
/// here: the test assembly sees the plugin's internals, not the SDK's.
/// </summary>
internal sealed class WebhookTestSupport : IDisposable
{
    public const string Path = "/k8s-audit";

    private static readonly MethodInfo Publish =
        typeof(EventBatch).GetMethod("Publish", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException("EventBatch.Publish not found");

    private readonly List<IDisposable> _owned = [];

    public ConcurrentQueue<string> Logs { get; } = new();

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static readonly Lazy<string> ReferenceEvents = new(() =>
    {
        // The repository's reference/ folder (upstream's test events, kept unchanged), found above the test binaries.
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Peregrine.slnx")))
            {
                return System.IO.Path.Combine(directory.FullName, "reference", "events", "k8s_audit");
            }
        }

        throw new InvalidOperationException("the repository root (Peregrine.slnx) is not above " + AppContext.BaseDirectory);
    });

    /// <summary>One of the reference audit events (one JSON Event a file), as text.</summary>
    public static string ReferenceEvent(string name) =>
        File.ReadAllText(System.IO.Path.Combine(ReferenceEvents.Value, name)).Trim();

    /// <summary>The stageTimestamp of <paramref name="rfc3339"/> in nanoseconds, computed independently of the parser.</summary>
    public static ulong Nanoseconds(string rfc3339) =>
        (ulong)(DateTimeOffset.Parse(rfc3339, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.UnixEpoch).Ticks * 100;

    public WebhookEventStream Start(K8sAuditConfig? config = null, string address = "http://127.0.0.1:0" + Path)
    {
        var stream = new WebhookEventStream(new Uri(address), config ?? new K8sAuditConfig(), Logs.Enqueue);
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
    public static (BatchResult Result, List<WebhookEvent> Events) NextBatch(WebhookEventStream stream, int capacity = EventBatch.DefaultCapacity)
    {
        using var batch = new EventBatch(capacity: capacity);
        var result = stream.NextBatch(batch);
        return (result, Read(batch));
    }

    /// <summary>Reads until <paramref name="count"/> events came or a few seconds passed.</summary>
    public static List<WebhookEvent> ReadEvents(WebhookEventStream stream, int count)
    {
        var events = new List<WebhookEvent>();
        var clock = Stopwatch.StartNew();
        while (events.Count < count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            events.AddRange(NextBatch(stream).Events);
        }

        return events;
    }

    public static unsafe List<WebhookEvent> Read(EventBatch batch)
    {
        var pointers = (byte**)Pointer.Unbox(Publish.Invoke(batch, null)!);
        var events = new List<WebhookEvent>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var evt = new PluginEvent(pointers[i], (ulong)i + 1, null!);
            Assert.True(evt.IsPluginEvent);
            events.Add(new WebhookEvent(evt.Timestamp, evt.Payload.ToArray()));
        }

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
