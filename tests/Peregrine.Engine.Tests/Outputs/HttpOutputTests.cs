using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Peregrine.Engine.Outputs;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary><c>http_output</c> against a local server started by each test.</summary>
public class HttpOutputTests
{
    private const string JsonAlert =
        "{\"hostname\":\"h\",\"output\":\"12:00:00.000000001: Warning A file was opened (user=root)\",\"output_fields\":{\"evt.time\":1700000000000000001,\"user.name\":\"root\"},\"priority\":\"Warning\",\"rule\":\"R\",\"source\":\"syscall\",\"tags\":[\"filesystem\"],\"time\":\"2023-11-14T22:13:20.000000001Z\"}";

    [Fact]
    public void Posts_the_JSON_alert_as_application_json_with_curls_headers()
    {
        using var server = new MiniHttpServer();
        using var output = new HttpOutput(new HttpOutputOptions { Enabled = true, Url = server.Url("/falco/alerts") }, jsonOutput: true);

        output.Write(Alerts.Message(JsonAlert), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/falco/alerts", "HTTP/1.1"), (request.Method, request.Target, request.Version));
        Assert.Equal("application/json", request.Header("Content-Type"));
        Assert.Equal("falcosecurity/falco", request.Header("User-Agent"));
        Assert.Equal("*/*", request.Header("Accept"));
        Assert.Equal(Encoding.UTF8.GetByteCount(JsonAlert).ToString(), request.Header("Content-Length"));
        Assert.Equal($"127.0.0.1:{server.Port}", request.Header("Host"));
        Assert.Null(request.Header("Content-Encoding"));
        Assert.Null(request.Header("TE"));
        Assert.Equal(JsonAlert, request.BodyText);
        Assert.Equal(1, output.ExtraCounters.Single(c => c.Key == "posts").Value);
    }

    [Fact]
    public void Posts_the_text_line_as_text_plain_when_json_output_is_off()
    {
        using var server = new MiniHttpServer();
        var options = new HttpOutputOptions { Enabled = true, Url = server.Url("/"), UserAgent = "peregrine-test/1.0 (custom)" };
        using var output = new HttpOutput(options, jsonOutput: false);

        output.Write(Alerts.Message("12:00:00.000000001: Warning A file was opened (user=root ✓)"), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("text/plain", request.Header("Content-Type"));
        Assert.Equal("peregrine-test/1.0 (custom)", request.Header("User-Agent"));
        Assert.Equal("12:00:00.000000001: Warning A file was opened (user=root ✓)", request.BodyText);
    }

    [Fact]
    public void An_empty_user_agent_sends_no_User_Agent_header()
    {
        using var server = new MiniHttpServer();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), UserAgent = "" }, jsonOutput: true);
        output.Write(Alerts.Message("{}"), default);
        Assert.Null(Assert.Single(server.Requests).Header("User-Agent"));
    }

    [Fact]
    public void Compress_uploads_asks_for_a_gzip_coded_answer_as_curl_does_and_leaves_the_body_alone()
    {
        using var server = new MiniHttpServer();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CompressUploads = true }, jsonOutput: true);

        output.Write(Alerts.Message(JsonAlert), default);

        var request = Assert.Single(server.Requests);
        Assert.Equal("gzip", request.Header("TE"));
        Assert.Contains("TE", request.Header("Connection")!.Split(',').Select(t => t.Trim()));
        Assert.Null(request.Header("Content-Encoding"));
        Assert.Equal(JsonAlert, request.BodyText); // Falcosidekick keeps accepting it
    }

    [Fact]
    public void Gzip_request_body_compresses_the_upload()
    {
        using var server = new MiniHttpServer();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), GzipRequestBody = true }, jsonOutput: true);

        output.Write(Alerts.Message(JsonAlert), default);
        output.Write(Alerts.Message("{\"second\":true}"), default);

        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.All(requests, r => Assert.Equal("gzip", r.Header("Content-Encoding")));
        Assert.All(requests, r => Assert.Equal("application/json", r.Header("Content-Type")));
        Assert.Equal(0x1f, requests[0].Body[0]);
        Assert.Equal(0x8b, requests[0].Body[1]);
        Assert.Equal(JsonAlert, Gunzip(requests[0].Body));
        Assert.Equal("{\"second\":true}", Gunzip(requests[1].Body));
        Assert.Equal(requests[0].Body.Length.ToString(), requests[0].Header("Content-Length"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void One_connection_carries_successive_alerts_with_or_without_keep_alive(bool keepAlive)
    {
        using var server = new MiniHttpServer();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), KeepAlive = keepAlive }, jsonOutput: true);
        for (var i = 0; i < 5; i++)
        {
            output.Write(Alerts.Message($"{{\"n\":{i}}}"), default);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{{\"n\":{i}}}"), server.Requests.Select(r => r.BodyText));
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public void Echo_copies_the_answers_to_stdout_after_the_alert_lines()
    {
        using var server = new MiniHttpServer(r => new ServerReply(Body: "ack " + r.BodyText.Length));
        var stdout = new RecordingStream();
        var options = Alerts.Options() with
        {
            JsonOutput = true,
            Stdout = new StdoutOutputOptions { Enabled = true },
            Http = new HttpOutputOptions { Enabled = true, Url = server.Url(), Echo = true },
        };
        var pipeline = OutputsPipeline.Create(options, environment: new OutputsEnvironment { StandardOutput = stdout, StandardOutputIsTerminal = false });
        pipeline.TryEnqueue(Alerts.Header(), "{\"a\":1}");
        pipeline.TryEnqueue(Alerts.Header(), "{\"bb\":2}");
        pipeline.Shutdown(TimeSpan.FromSeconds(20));

        Assert.Equal("{\"a\":1}\nack 7{\"bb\":2}\nack 8", stdout.Text);
    }

    [Fact]
    public void Without_echo_answers_are_read_and_discarded()
    {
        using var server = new MiniHttpServer(_ => new ServerReply(Body: new string('z', 100_000)));
        var stdout = new RecordingStream();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url() }, jsonOutput: true, stdout);
        output.Write(Alerts.Message("{}"), default);
        output.Write(Alerts.Message("{}"), default);
        Assert.Equal("", stdout.Text);
        Assert.Equal(1, server.Connections); // the long answer was drained, so the connection was reused
    }

    [Fact]
    public void A_gzip_transfer_coded_answer_is_decoded_for_echo()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("compressed answer"u8);
        }

        using var server = new MiniHttpServer(_ => new ServerReply(RawBody: compressed.ToArray(), Headers: [new("Transfer-Encoding", "gzip, chunked")]));
        var stdout = new RecordingStream();
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CompressUploads = true, Echo = true }, jsonOutput: true, stdout);
        output.Write(Alerts.Message("{}"), default);
        Assert.Equal("compressed answer", stdout.Text);
    }

    [Fact]
    public void A_quoted_url_is_unquoted_and_a_url_without_scheme_is_http_as_with_curl()
    {
        using var server = new MiniHttpServer();
        using (var quoted = new HttpOutput(new HttpOutputOptions { Url = $"\"http://127.0.0.1:{server.Port}/q\"" }, jsonOutput: true))
        {
            quoted.Write(Alerts.Message("{}"), default);
        }

        using (var bare = new HttpOutput(new HttpOutputOptions { Url = $"127.0.0.1:{server.Port}/bare" }, jsonOutput: true))
        {
            bare.Write(Alerts.Message("{}"), default);
        }

        Assert.Equal(["/q", "/bare"], server.Requests.Select(r => r.Target));
    }

    [Theory]
    [InlineData("ftp://example.com/")]
    [InlineData("\"http://x/\\q\"")]
    public void An_unusable_url_fails_at_init(string url)
    {
        var error = Assert.Throws<OutputException>(() => new HttpOutput(new HttpOutputOptions { Url = url }, jsonOutput: true));
        Assert.Contains("invalid http_output.url", error.Message);
    }

    [Fact]
    public void A_timing_out_endpoint_is_retried_max_consecutive_timeouts_times_then_counted_as_failed()
    {
        var slow = true;
        using var server = new MiniHttpServer(_ => new ServerReply(DelayMs: Volatile.Read(ref slow) ? 5000 : 0));
        var log = new RecordingLog();
        var options = new HttpOutputOptions
        {
            Enabled = true,
            Url = server.Url("/slow"),
            RequestTimeout = TimeSpan.FromMilliseconds(500),
            MaxConsecutiveTimeouts = 2,
        };
        var pipeline = new OutputsPipeline(Alerts.Options(), [new HttpOutput(options, jsonOutput: true)], log);

        pipeline.TryEnqueue(Alerts.Header(), "{\"n\":1}"u8);
        Assert.True(pipeline.WaitUntilIdle(TimeSpan.FromSeconds(20)));

        var http = pipeline.GetCounters().Channels[0];
        Assert.Equal((0L, 1L), (http.Written, http.Failed));
        Assert.Equal(3, http.Extra["timeouts"]);
        Assert.Equal(2, http.Extra["retries"]);
        // Each attempt re-posts (on a loaded machine an attempt may time out before its request is out).
        Assert.True(Alerts.Eventually(() => server.Requests.Count >= 2, 3000));
        Assert.InRange(server.Requests.Count, 2, 3);
        Assert.True(log.Contains(LogLevel.Error, "http: post to http://127.0.0.1:"), log.ToString());
        Assert.True(log.Contains(LogLevel.Error, "timed out after 500 ms (3 attempts)"), log.ToString());

        Volatile.Write(ref slow, false); // the endpoint recovers; the channel goes on
        pipeline.TryEnqueue(Alerts.Header(), "{\"n\":2}"u8);
        var report = pipeline.Shutdown(TimeSpan.FromSeconds(20));
        Assert.Equal((1L, 1L), (report.Counters.Channels[0].Written, report.Counters.Channels[0].Failed));
        Assert.Equal("{\"n\":2}", server.Requests.Last().BodyText);
    }

    [Fact]
    public void A_refused_connection_fails_the_alert_at_once_without_retries()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var log = new RecordingLog();
        var recording = new RecordingOutput();
        var http = new HttpOutput(new HttpOutputOptions { Url = $"http://127.0.0.1:{port}/" }, jsonOutput: true);
        var pipeline = new OutputsPipeline(Alerts.Options(), [http, recording], log);

        pipeline.TryEnqueue(Alerts.Header(), "{}"u8);
        pipeline.TryEnqueue(Alerts.Header(), "{}"u8);
        var report = pipeline.Shutdown(TimeSpan.FromSeconds(20));

        Assert.True(report.Drained);
        Assert.Equal(2, recording.Lines.Count);
        var counters = report.Counters.Channels[0];
        Assert.Equal((0L, 2L), (counters.Written, counters.Failed));
        Assert.Equal(0, counters.Extra["retries"]);
        Assert.Equal(2, log.Count("http: post to http://127.0.0.1:" + port + "/ failed"));
    }

    [Fact]
    public void An_answer_outside_2xx_counts_as_a_failed_delivery()
    {
        using var server = new MiniHttpServer(_ => new ServerReply(Status: 400, Body: "Please send a valid request body"));
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url() }, jsonOutput: true);
        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("not json"), default));
        Assert.EndsWith("answered 400 Bad Request", error.Message);
        Assert.Equal(1, output.ExtraCounters.Single(c => c.Key == "http_errors").Value);
    }

    [Fact]
    public void A_shutdown_that_gives_up_cancels_the_request_in_flight()
    {
        using var server = new MiniHttpServer(_ => new ServerReply(DelayMs: 30_000));
        var options = new HttpOutputOptions { Url = server.Url(), RequestTimeout = TimeSpan.FromSeconds(60) };
        var pipeline = new OutputsPipeline(Alerts.Options(outputTimeoutMs: 300), [new HttpOutput(options, jsonOutput: true)]);
        pipeline.TryEnqueue(Alerts.Header(), "{}"u8);
        pipeline.TryEnqueue(Alerts.Header(), "{}"u8);
        Assert.True(Alerts.Eventually(() => server.Requests.Count == 1));

        var report = pipeline.Shutdown(TimeSpan.FromSeconds(60));

        Assert.False(report.Drained);
        Assert.False(report.WorkerAbandoned);
        Assert.Equal(1, report.Discarded);
        Assert.Equal(1, report.Counters.Channels[0].Failed);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(5), report.Elapsed.ToString());
    }

    private static string Gunzip(byte[] data)
    {
        using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
