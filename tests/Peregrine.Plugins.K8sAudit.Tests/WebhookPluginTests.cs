using System.Net;
using System.Net.Sockets;
using System.Text;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>The webhook as the engine reaches it: through the plugin's open parameters and the host.</summary>
public sealed class WebhookPluginTests
{
    [Theory]
    [InlineData("http://127.0.0.1:{0}/k8s-audit")]
    [InlineData("http://:{0}/k8s-audit")] // upstream's default form: an empty host is every interface
    public async Task OpenParams_StartTheWebhook_AndItsEventsReachTheHost(string openParams)
    {
        using var host = PluginTestHost.Create<K8sAuditPlugin>();
        var port = FreePort();
        var body = WebhookTestSupport.ReferenceEvent("create_configmap.json");
        using var client = new HttpClient();
        var sender = Task.Run(async () =>
        {
            // The stream starts listening when ReadEvents opens it; retry until it does.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await client.PostAsync(
                        $"http://127.0.0.1:{port}/k8s-audit", new StringContent(body, Encoding.UTF8, "application/json"));
                    return response.StatusCode;
                }
                catch (HttpRequestException) when (attempt < 100)
                {
                    await Task.Delay(50);
                }
            }
        });

        var events = host.ReadEvents(string.Format(System.Globalization.CultureInfo.InvariantCulture, openParams, port), maxEvents: 1, maxTimeouts: 200);

        Assert.Equal(HttpStatusCode.OK, await sender);
        var evt = Assert.Single(events);
        Assert.Equal(WebhookTestSupport.Nanoseconds("2018-10-26T13:13:03.544952Z"), evt.Timestamp);
        Assert.Equal(["my-config"], host.Extract(evt, "ka.target.name"));
    }

    [Fact]
    public void OpenParams_ForABusyPort_FailTheOpen()
    {
        using var host = PluginTestHost.Create<K8sAuditPlugin>();
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var error = Assert.ThrowsAny<Exception>(() => host.ReadEvents($"http://127.0.0.1:{port}/k8s-audit"));

        Assert.Contains("in use", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
