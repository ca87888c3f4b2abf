using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

public sealed class K8sAuditPluginTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Descriptor_IsUpstreamsK8sAuditPlugin()
    {
        var descriptor = _host.Host.Descriptor;
        Assert.Equal("k8saudit", descriptor.Name);
        Assert.Equal("0.18.0", descriptor.Version.ToString());
        Assert.Equal(1u, descriptor.Id);
        Assert.Equal("k8s_audit", descriptor.EventSource);
        Assert.True(descriptor.Has(PluginCapabilities.Sourcing));
        Assert.True(descriptor.Has(PluginCapabilities.Extraction));
        Assert.Equal(100, descriptor.Fields.Count);
    }

    [Fact]
    public void RulesRequirement_IsMet()
    {
        // The current k8s_audit rules ask for k8saudit 0.18.0 or later.
        var rules = File.ReadAllText(Path.Combine(TestPaths.SampleEvents, "..", "..", "rules", "current", "k8s_audit_rules.yaml"));
        Assert.Contains("- name: k8saudit\n      version: 0.18.0", rules.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("0.18.0", _host.Host.Descriptor.Version.ToString());
    }

    [Fact]
    public void InitSchema_HasUpstreamsKeys()
    {
        var schema = _host.Host.Descriptor.InitSchema.Text;
        foreach (var key in new[] { "sslCertificate", "useAsync", "maxEventSize", "webhookMaxBatchSize" })
        {
            Assert.Contains($"\"{key}\"", schema, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Config_DefaultsAreUpstreams()
    {
        var config = new K8sAuditConfig();
        Assert.Equal("/etc/falco/falco.pem", config.SslCertificate);
        Assert.True(config.UseAsync);
        Assert.Equal(262144UL, config.MaxEventSize);
        Assert.Equal(12582912UL, config.WebhookMaxBatchSize);
    }

    [Fact]
    public void Config_IsAccepted_WithUpstreamKeysAndUnknownOnes()
    {
        using var host = PluginTestHost.Create<K8sAuditPlugin>(
            """{"sslCertificate": "/tmp/x.pem", "useAsync": false, "maxEventSize": 1000, "webhookMaxBatchSize": 2000, "somethingElse": 1}""");
        Assert.Equal("k8saudit", host.Descriptor.Name);
    }

    [Fact]
    public void Config_OfTheWrongType_IsRefused()
    {
        var e = Assert.ThrowsAny<Exception>(() => PluginTestHost.Create<K8sAuditPlugin>("""{"maxEventSize": "big"}"""));
        Assert.Contains("maxEventSize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://:99999/k8s-audit", "invalid webhook address")]
    [InlineData("https://[::1/k8s-audit", "invalid webhook address")]
    public void BadWebhookAddress_FailsTheOpen(string parameters, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => _host.Host.Plugin.Open(parameters));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenParamSuggestions_CoverEachSourceKind()
    {
        var suggestions = _host.Host.Plugin.ListOpenParams().Select(p => p.Value).ToArray();
        Assert.Contains(suggestions, s => s.StartsWith('/'));
        Assert.Contains(suggestions, s => s.StartsWith("file://", StringComparison.Ordinal));
        Assert.Contains(suggestions, s => s.StartsWith("http://", StringComparison.Ordinal));
    }

    [Fact]
    public void EventToString_IsThePayload()
    {
        var evt = _host.ReadEvent("\"verb\":\"get\"");
        Assert.Equal(AuditJson.Event("\"verb\":\"get\""), _host.Host.EventToString(evt));
    }

    [Fact]
    public void Payload_KeepsStringsAndNumbersExactlyAsWritten()
    {
        // As upstream (fastjson re-marshals strings and numbers from their raw text): escapes stay.
        var line = """{"kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","x":"\u00e9 \ud83d\ude00 😀 it's \"q\" \\ \n \u0001 \/","n":[1.50,-0,2e3,true,null],"\u006bey":{}}""";
        var evt = Assert.Single(_host.ReadLines(line));
        Assert.Equal(line, System.Text.Encoding.UTF8.GetString(evt.Payload));
    }

    [Fact]
    public void Payload_IsCompactJson_WithTextKeptAsItIs()
    {
        var evt = Assert.Single(_host.ReadLines("""{ "kind" : "Event", "auditID": "a", "stageTimestamp": "2024-01-02T03:04:05Z", "user": {"username": "zoë <admin> & co"} }"""));
        Assert.Equal("""{"kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","user":{"username":"zoë <admin> & co"}}""",
            System.Text.Encoding.UTF8.GetString(evt.Payload));
        Assert.Equal(["zoë <admin> & co"], _host.Extract(evt, "ka.user.name"));
    }
}
