using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>The hot path: an event is parsed once, and answering its fields allocates nothing.</summary>
public sealed class ExtractionCostTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void RepeatedExtraction_OfAParsedEvent_DoesNotAllocate()
    {
        var evt = _host.ReadEvent(FieldCases.Pod);
        var cost = _host.Host.MeasureExtraction(
            evt,
            [
                "ka.auditid", "ka.verb", "ka.target.pod.name", "ka.req.pod.containers.image", "ka.req.pod.containers.image.repository",
                "ka.req.pod.containers.privileged[1]", "ka.req.container.privileged", "ka.req.pod.containers.command",
                "ka.req.pod.containers.eff_run_as_user", "ka.req.pod.volumes.volume_type", "ka.req.pod.containers.add_capabilities",
                "ka.req.pod.containers.host_port", "ka.req.binding.subjects.serviceaccount_ns_names", "ka.user.groups",
            ],
            times: 100);
        Assert.Equal(0, cost.Failures);
        Assert.Equal(0, cost.AllocatedBytes);
        Assert.True(cost.Values > 0);
    }
}
