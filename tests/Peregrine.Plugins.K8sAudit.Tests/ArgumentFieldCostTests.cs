using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// The fields computed from their argument (a URI query parameter, a host path pattern) allocate
/// nothing either once warm, escaped URIs included.
/// </summary>
public sealed class ArgumentFieldCostTests : IDisposable
{
    private static readonly string[] Fields =
    [
        "ka.uri.param[command]", "ka.uri.param[container]", "ka.uri.param[missing]", "ka.uri.param[a b]",
        "ka.req.volume.hostpath[/etc]", "ka.req.volume.hostpath[/e*]", "ka.req.volume.hostpath[/var]",
    ];

    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("/api/v1/namespaces/default/pods/p/exec?command=bash&container=app&stdin=true")]
    [InlineData("/api/v1/namespaces/default/pods/p/exec?command=sh%20-c&a+b=1&container=\\u0061pp")]
    public void UriParametersAndHostPathMatches_DoNotAllocate(string uri)
    {
        var evt = _host.ReadEvent($"\"requestURI\":\"{uri}\"," + FieldCases.Pod);
        Assert.Equal(["app"], _host.Extract(evt, "ka.uri.param[container]"));
        Assert.Equal(["true"], _host.Extract(evt, "ka.req.volume.hostpath[/e*]"));
        Assert.Equal(["false"], _host.Extract(evt, "ka.req.volume.hostpath[/var]"));

        var cost = _host.Host.MeasureExtraction(evt, Fields, times: 100);
        Assert.Equal(0, cost.Failures);
        Assert.Equal(0, cost.AllocatedBytes);
        Assert.True(cost.Values > 0);
    }
}
