using System.Net;
using System.Net.Sockets;
using System.Text;
using Peregrine.Cli.Tests.Support;
using Peregrine.TestSupport;

namespace Peregrine.Cli.Tests.Examples;

/// <summary>
/// examples/k8saudit through the real program: its falco.yaml (the webhook on a free port of
/// 127.0.0.1 instead of :9765) and the upstream rules. The README's curl is an HTTP POST of a sample
/// event; the test does the same, then posts bodies that must be refused, then stops peregrine
/// with SIGTERM and checks that the accepted event alerted and nothing else did.
/// </summary>
public sealed class K8sAuditWebhookExampleTests
{
    private static readonly string ExampleDirectory = RepositoryPaths.Examples("k8saudit");

    [Fact]
    public async Task Posted_event_alerts_and_bad_bodies_are_refused_with_4xx()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}/k8s-audit";
        using var process = PeregrineProcess.Start(
            ["-c", "falco.yaml", "-o", $"plugins[0].open_params={url}",
             "-o", "plugins[0].init_config.webhookMaxBatchSize=65536"],
            workingDirectory: ExampleDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilListening(port, process);

            var sample = await File.ReadAllBytesAsync(RepositoryPaths.Reference("events/k8s_audit/create_nginx_pod_privileged.json"));
            Assert.Equal(HttpStatusCode.OK, (await Post(http, url, sample)).StatusCode);

            Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, url, "{\"kind\": \"Event\", "u8.ToArray())).StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, (await Post(http, url, "{\"kind\": 0}"u8.ToArray())).StatusCode);
            var oversized = await Post(http, url, Encoding.UTF8.GetBytes("[" + new string(' ', 70_000) + "]"));
            Assert.True((int)oversized.StatusCode is >= 400 and < 500, $"oversized body answered {(int)oversized.StatusCode}");

            // The 200 means queued, not yet evaluated: give the source loop a moment before stopping.
            await Task.Delay(500);
            if (process.HasExited) Assert.Fail("peregrine ended before the signal: " + await stderr);
            PosixSignals.Send(process.Id, PosixSignals.SigTerm);
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) Assert.Fail("peregrine did not stop within 30 s of SIGTERM");
            process.WaitForExit();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(": Warning Pod started with privileged container (user=system:serviceaccount:kube-system:replicaset-controller pod=nginx-deployment-5cdcc99dbf-rgw6z", result.Stdout);
        Assert.Contains("Events detected: 1\n", result.Stdout);
        Assert.Contains("Create Privileged Pod: 1\n", result.Stdout);
        // Every refusal is logged, naming what was wrong.
        Assert.Contains("invalid JSON", result.Stderr);
        Assert.Contains("data not recognized as a k8s audit event", result.Stderr);
        Assert.Contains("too large", result.Stderr);
    }

    private static Task<HttpResponseMessage> Post(HttpClient http, string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        return http.PostAsync(url, content);
    }

    private static async Task WaitUntilListening(int port, System.Diagnostics.Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) Assert.Fail("peregrine exited before its webhook listened");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        Assert.Fail($"nothing listened on 127.0.0.1:{port} within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
