using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Peregrine.Sdk;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

public sealed class WebhookEventStreamTests : IDisposable
{
    private readonly WebhookTestSupport _support = new();

    public void Dispose() => _support.Dispose();

    [Fact]
    public async Task ValidEvent_IsAcceptedAndComesOutWithItsStageTimestamp()
    {
        var stream = _support.Start();
        var body = WebhookTestSupport.ReferenceEvent("create_configmap.json");

        using var response = await _support.PostJsonAsync(stream, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = WebhookTestSupport.ReadEvents(stream, 1);
        var evt = Assert.Single(events);
        Assert.Equal(WebhookTestSupport.Nanoseconds("2018-10-26T13:13:03.544952Z"), evt.Timestamp);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse(evt.Payload)));
    }

    [Fact]
    public async Task EventList_GivesEachItemInOrder()
    {
        var stream = _support.Start();
        string[] files = ["create_configmap.json", "create_service.json", "attach_pod.json"];
        string[] stamps = ["2018-10-26T13:13:03.544952Z", "2018-10-26T13:12:04.420072Z", "2018-10-26T13:42:46.808261Z"];
        var items = files.Select(WebhookTestSupport.ReferenceEvent).ToArray();
        var body = $$"""{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":[{{string.Join(',', items)}}]}""";

        using var response = await _support.PostJsonAsync(stream, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = WebhookTestSupport.ReadEvents(stream, 3);
        Assert.Equal(3, events.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(WebhookTestSupport.Nanoseconds(stamps[i]), events[i].Timestamp);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(items[i]), JsonNode.Parse(events[i].Payload)), $"item {i}");
        }

        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
    }

    [Fact]
    public async Task Requests_AreDeliveredInArrivalOrder_AcrossSmallBatches()
    {
        var stream = _support.Start();
        for (var i = 0; i < 5; i++)
        {
            using var response = await _support.PostJsonAsync(stream, Event(i));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var names = new List<string>();
        while (names.Count < 5)
        {
            var (result, events) = WebhookTestSupport.NextBatch(stream, capacity: 2);
            Assert.Equal(BatchResult.Success, result);
            Assert.InRange(events.Count, 1, 2);
            names.AddRange(events.Select(e => JsonNode.Parse(e.Payload)!["auditID"]!.GetValue<string>()));
        }

        Assert.Equal(["id-0", "id-1", "id-2", "id-3", "id-4"], names);
    }

    [Fact]
    public async Task ArrayOfEvents_IsAccepted()
    {
        var stream = _support.Start();

        using var response = await _support.PostJsonAsync(stream, $"[{Event(1)},{Event(2)}]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, WebhookTestSupport.ReadEvents(stream, 2).Count);
    }

    [Fact]
    public async Task ConcurrentRequests_AllArrive_EachRequestKeptTogether()
    {
        var stream = _support.Start();
        var sends = Enumerable.Range(0, 20).Select(async r =>
        {
            var items = string.Join(',', Enumerable.Range(0, 5).Select(i => Event((r * 5) + i)));
            using var response = await _support.PostJsonAsync(stream, $$"""{"kind":"EventList","items":[{{items}}]}""");
            return response.StatusCode;
        }).ToArray();
        var events = new List<CapturedEvent>();
        var reader = Task.Run(() => events.AddRange(WebhookTestSupport.ReadEvents(stream, 100)));

        Assert.All(await Task.WhenAll(sends), status => Assert.Equal(HttpStatusCode.OK, status));
        await reader;

        var ids = events.Select(e => int.Parse(JsonNode.Parse(e.Payload)!["auditID"]!.GetValue<string>()[3..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, 100), ids.Order());
        for (var start = 0; start < 100; start += 5)
        {
            // The five events of one request follow one another.
            Assert.Equal(Enumerable.Range(ids[start], 5), ids.Skip(start).Take(5));
        }
    }

    [Fact]
    public async Task BadItems_AreLoggedAndDropped_TheRestKept()
    {
        var stream = _support.Start(new K8sAuditConfig { MaxEventSize = 400 });
        var huge = $$"""{"kind":"Event","auditID":"big","stageTimestamp":"2020-01-01T00:00:00Z","pad":"{{new string('x', 500)}}"}""";
        var noStamp = """{"kind":"Event","auditID":"nostamp"}""";
        var body = $$"""{"kind":"EventList","items":[{{Event(1)}},{{noStamp}},{{huge}},{{Event(2)}}]}""";

        using var response = await _support.PostJsonAsync(stream, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = WebhookTestSupport.ReadEvents(stream, 2);
        Assert.Equal(["id-1", "id-2"], events.Select(e => JsonNode.Parse(e.Payload)!["auditID"]!.GetValue<string>()));
        Assert.Contains(_support.Logs, l => l.Contains("stageTimestamp", StringComparison.Ordinal));
        Assert.Contains(_support.Logs, l => l.Contains("maxEventSize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedBody_Is413_AndNothingIsQueued()
    {
        var stream = _support.Start(new K8sAuditConfig { WebhookMaxBatchSize = 1024 });
        var body = $$"""{"kind":"EventList","items":[{{string.Join(',', Enumerable.Range(0, 40).Select(Event))}}]}""";
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1024);

        using var response = await _support.PostJsonAsync(stream, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
        Assert.Contains(_support.Logs, l => l.Contains("too large", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OversizedChunkedBody_Is413_AndNothingIsQueued()
    {
        var stream = _support.Start(new K8sAuditConfig { WebhookMaxBatchSize = 1024 });
        var body = $$"""{"kind":"EventList","items":[{{string.Join(',', Enumerable.Range(0, 40).Select(Event))}}]}""";
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(body));

        using var response = await _support.Client.PostAsync(WebhookTestSupport.Url(stream), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
    }

    [Fact]
    public async Task BodyAtTheLimit_IsAccepted()
    {
        var body = Event(7);
        var stream = _support.Start(new K8sAuditConfig { WebhookMaxBatchSize = (ulong)Encoding.UTF8.GetByteCount(body) });
        using var content = new ChunkedContent(Encoding.UTF8.GetBytes(body));

        using var response = await _support.Client.PostAsync(WebhookTestSupport.Url(stream), content);
        using var declared = await _support.PostJsonAsync(stream, body);

        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.True(HttpStatusCode.OK == response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, WebhookTestSupport.ReadEvents(stream, 2).Count);
    }

    [Fact]
    public async Task MalformedJson_Is400WithTheReason()
    {
        var stream = _support.Start();

        using var response = await _support.PostJsonAsync(stream, """{"kind":"Event",""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(_support.Logs, l => l.Contains("invalid JSON", StringComparison.Ordinal));
        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
    }

    [Fact]
    public async Task JsonThatIsNotAnAuditEvent_Is400()
    {
        var stream = _support.Start();

        using var response = await _support.PostJsonAsync(stream, """{"kind":"Pod","apiVersion":"v1"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not recognized as a k8s audit event", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task WrongContentType_Is400(string? contentType)
    {
        var stream = _support.Start();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Event(1)));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await _support.Client.PostAsync(WebhookTestSupport.Url(stream), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("wrong Content Type\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
    }

    [Fact]
    public async Task ContentTypeWithParameters_IsAccepted()
    {
        var stream = _support.Start();
        using var content = new StringContent(Event(3), Encoding.UTF8, "application/json");
        Assert.Contains("charset", content.Headers.ContentType!.ToString(), StringComparison.Ordinal);

        using var response = await _support.Client.PostAsync(WebhookTestSupport.Url(stream), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_Is405()
    {
        var stream = _support.Start();

        using var response = await _support.Client.GetAsync(WebhookTestSupport.Url(stream));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET method not allowed\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WrongPath_Is404()
    {
        var stream = _support.Start();

        using var response = await _support.PostJsonAsync(stream, Event(1), "/elsewhere");
        using var below = await _support.PostJsonAsync(stream, Event(1), "/k8s-audit/more");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, below.StatusCode);
        Assert.Equal(BatchResult.Timeout, WebhookTestSupport.NextBatch(stream).Result);
    }

    [Fact]
    public async Task PathEndingInSlash_ServesEverythingBelowIt()
    {
        var stream = _support.Start(address: "http://127.0.0.1:0/");

        using var response = await _support.PostJsonAsync(stream, Event(1), "/any/path");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void IdleStream_TimesOutQuickly()
    {
        var stream = _support.Start();
        var clock = Stopwatch.StartNew();

        var (result, events) = WebhookTestSupport.NextBatch(stream);

        Assert.Equal(BatchResult.Timeout, result);
        Assert.Empty(events);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task EmptyHost_ListensOnEveryInterface()
    {
        var stream = _support.Start(Webhook.WebhookEndpoint.Parse("http://:0/k8s-audit"));

        using var response = await _support.PostJsonAsync(stream, Event(1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(WebhookTestSupport.ReadEvents(stream, 1));
    }

    [Fact]
    public void PortInUse_FailsTheOpenWithAClearMessage()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.Throws<InvalidOperationException>(() => _support.Start(address: $"http://127.0.0.1:{port}/k8s-audit"));

        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("in use", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("k8s audit webhook:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnresolvableHost_FailsTheOpen()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _support.Start(address: "http://no-such-host.invalid:0/k8s-audit"));

        Assert.Contains("no-such-host.invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dispose_ReleasesThePort()
    {
        var config = new K8sAuditConfig();
        var stream = new Webhook.WebhookEventStream(Webhook.WebhookEndpoint.Parse("http://127.0.0.1:0/k8s-audit"), config, _ => { });
        var port = stream.Port;
        using (var response = await _support.PostJsonAsync(stream, Event(1)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var clock = Stopwatch.StartNew();
        stream.Dispose();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"stop took {clock.Elapsed}");

        // The same port can be listened on again at once.
        using var again = new Webhook.WebhookEventStream(Webhook.WebhookEndpoint.Parse($"http://127.0.0.1:{port}/k8s-audit"), config, _ => { });
        Assert.Equal(port, again.Port);
        Assert.Throws<ObjectDisposedException>(() => WebhookTestSupport.NextBatch(stream));
    }

    private static string Event(int id) =>
        $$"""{"kind":"Event","apiVersion":"audit.k8s.io/v1","auditID":"id-{{id}}","stage":"ResponseComplete","stageTimestamp":"2024-05-0{{1 + (id % 9)}}T10:00:00.123456789Z"}""";

    /// <summary>A body sent without a length (chunked), so the server must count as it reads.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _body;

        public ChunkedContent(byte[] body)
        {
            _body = body;
            Headers.TryAddWithoutValidation("Content-Type", "application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var offset = 0; offset < _body.Length; offset += 256)
            {
                await stream.WriteAsync(_body.AsMemory(offset, Math.Min(256, _body.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
