using System.Diagnostics;
using System.Net;
using System.Text;
using Peregrine.Plugins.K8sAudit.Webhook;
using Peregrine.Sdk;

namespace Peregrine.Plugins.K8sAudit.Tests;

public sealed class WebhookBackpressureTests : IDisposable
{
    private readonly WebhookTestSupport _support = new();

    public void Dispose() => _support.Dispose();

    [Fact]
    public async Task FullQueue_HoldsTheResponseUntilTheStreamReads()
    {
        // A one-byte queue: the first request always gets in, the second must wait for it to be read.
        using var stream = new WebhookEventStream(
            WebhookEndpoint.Parse("http://127.0.0.1:0/k8s-audit"), new K8sAuditConfig(), _support.Logs.Enqueue, queueCapacityBytes: 1);
        using var first = await _support.PostJsonAsync(stream, Event("a"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        var second = _support.PostJsonAsync(stream, Event("b"));
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the second request was answered while the queue was full");

        var events = WebhookTestSupport.ReadEvents(stream, 2);
        using var answered = await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(["a", "b"], events.Select(e => AuditId(Encoding.UTF8.GetString(e.Payload))));
    }

    [Fact]
    public async Task Dispose_AnswersAWaitingRequestAndStopsPromptly()
    {
        var stream = new WebhookEventStream(
            WebhookEndpoint.Parse("http://127.0.0.1:0/k8s-audit"), new K8sAuditConfig(), _support.Logs.Enqueue, queueCapacityBytes: 1);
        using var first = await _support.PostJsonAsync(stream, Event("a"));
        var waiting = _support.PostJsonAsync(stream, Event("b"));
        await Task.Delay(200);

        var clock = Stopwatch.StartNew();
        stream.Dispose();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"stop took {clock.Elapsed}");
        try
        {
            using var response = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        catch (HttpRequestException)
        {
            // The connection may also be closed before the answer gets out; either way it was not taken.
        }

        Assert.Contains(_support.Logs, l => l.Contains("not yet read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Queue_AdmitsARequestLargerThanTheBoundWhenEmpty()
    {
        var queue = new AuditEventQueue(capacityBytes: 4);
        AuditEvent[] large = [new(new byte[10], 1), new(new byte[10], 2)];

        await queue.EnqueueAsync(large, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var blocked = queue.EnqueueAsync([new(new byte[1], 3)], CancellationToken.None);
        Assert.False(blocked.IsCompleted);

        using var batch = new EventBatch(capacity: 1);
        Assert.Equal(1, queue.TakeInto(batch, TimeSpan.Zero));
        Assert.False(blocked.IsCompleted);
        using var next = new EventBatch();
        Assert.Equal(1, queue.TakeInto(next, TimeSpan.Zero));
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public async Task Queue_WaitingProducerGivesUpOnCancellation()
    {
        var queue = new AuditEventQueue(capacityBytes: 4);
        await queue.EnqueueAsync([new(new byte[4], 1)], CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var blocked = queue.EnqueueAsync([new(new byte[4], 2)], cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blocked);
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Queue_IdleTakeWaitsAboutTheGivenTime()
    {
        var queue = new AuditEventQueue(capacityBytes: 4);
        using var batch = new EventBatch();
        var clock = Stopwatch.StartNew();

        Assert.Equal(0, queue.TakeInto(batch, TimeSpan.FromMilliseconds(50)));

        Assert.InRange(clock.ElapsedMilliseconds, 40, 1000);
    }

    [Fact]
    public async Task Queue_IdleTakeWakesWhenEventsArrive()
    {
        var queue = new AuditEventQueue(capacityBytes: 1024);
        using var batch = new EventBatch();
        var producer = Task.Run(async () =>
        {
            await Task.Delay(100);
            await queue.EnqueueAsync([new(Encoding.UTF8.GetBytes("{}"), 7)], CancellationToken.None);
        });

        var clock = Stopwatch.StartNew();
        var taken = queue.TakeInto(batch, TimeSpan.FromSeconds(5));

        Assert.Equal(1, taken);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4));
        Assert.Equal(7UL, WebhookTestSupport.Read(batch)[0].Timestamp);
        await producer;
    }

    private static string Event(string id) =>
        $$"""{"kind":"Event","auditID":"{{id}}","stageTimestamp":"2024-05-01T10:00:00Z"}""";

    private static string AuditId(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!["auditID"]!.GetValue<string>();
}
