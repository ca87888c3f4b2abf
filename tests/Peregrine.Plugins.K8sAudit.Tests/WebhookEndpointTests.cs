using Peregrine.Plugins.K8sAudit.Webhook;

namespace Peregrine.Plugins.K8sAudit.Tests;

public sealed class WebhookEndpointTests
{
    [Theory]
    [InlineData("http://:9765/k8s-audit", false, "", 9765, "/k8s-audit")]
    [InlineData("https://:9765/k8s-audit", true, "", 9765, "/k8s-audit")]
    [InlineData("  HTTP://127.0.0.1:0/k8s-audit  ", false, "127.0.0.1", 0, "/k8s-audit")]
    [InlineData("http://[::1]:8080/audit", false, "::1", 8080, "/audit")]
    [InlineData("http://localhost/k8s-audit", false, "localhost", 80, "/k8s-audit")]
    [InlineData("https://example.com", true, "example.com", 443, "/")]
    [InlineData("http://:9765", false, "", 9765, "/")]
    [InlineData("http://:9765/a%20b?token=x#frag", false, "", 9765, "/a b")]
    [InlineData("http://user:secret@0.0.0.0:9765/k8s-audit", false, "0.0.0.0", 9765, "/k8s-audit")]
    public void Parse_ReadsSchemeHostPortAndPath(string text, bool secure, string host, int port, string path)
    {
        var endpoint = WebhookEndpoint.Parse(text);

        Assert.Equal(secure, endpoint.Secure);
        Assert.Equal(host, endpoint.Host);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(path, endpoint.Path);
    }

    [Theory]
    [InlineData("ftp://:9765/k8s-audit", "not an http:// or https:// address")]
    [InlineData("/var/log/audit.json", "not an http:// or https:// address")]
    [InlineData("http://:99999/k8s-audit", "invalid port '99999'")]
    [InlineData("http://:http/k8s-audit", "invalid port 'http'")]
    [InlineData("http://[::1/k8s-audit", "closing ']'")]
    [InlineData("http://[::1]x/k8s-audit", "not a port")]
    public void Parse_RefusesWhatCannotBeListenedOn(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => WebhookEndpoint.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://:9765/k8s-audit", true)]
    [InlineData("HTTPS://host/x", true)]
    [InlineData("file:///var/log/audit.json", false)]
    [InlineData("/var/log/audit.json", false)]
    [InlineData("httpfoo", false)]
    public void IsWebhook_TellsAddressesFromFiles(string text, bool expected) =>
        Assert.Equal(expected, WebhookEndpoint.IsWebhook(text));

    [Theory]
    [InlineData("/k8s-audit", "/k8s-audit", true)]
    [InlineData("/k8s-audit", "/k8s-audit/", false)]
    [InlineData("/k8s-audit", "/k8s-audit/x", false)]
    [InlineData("/k8s-audit", "/K8S-AUDIT", false)]
    [InlineData("/audit/", "/audit/", true)]
    [InlineData("/audit/", "/audit/deep/er", true)]
    [InlineData("/audit/", "/audit", false)]
    [InlineData("/", "/anything", true)]
    public void Serves_MatchesAsGoServeMux(string path, string request, bool expected) =>
        Assert.Equal(expected, WebhookEndpoint.Parse($"http://:1{path}").Serves(request));

    [Theory]
    [InlineData("http://:9765/k8s-audit", "http://:9765/k8s-audit")]
    [InlineData("https://[::1]/x", "https://[::1]:443/x")]
    public void ToString_ShowsWhereItListens(string text, string expected) =>
        Assert.Equal(expected, WebhookEndpoint.Parse(text).ToString());
}
