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
        var requests = Requests(
            "ka.auditid", "ka.verb", "ka.target.pod.name", "ka.req.pod.containers.image", "ka.req.pod.containers.image.repository",
            "ka.req.pod.containers.privileged[1]", "ka.req.container.privileged", "ka.req.pod.containers.command",
            "ka.req.pod.containers.eff_run_as_user", "ka.req.pod.volumes.volume_type", "ka.req.pod.containers.add_capabilities",
            "ka.req.pod.containers.host_port", "ka.req.binding.subjects.serviceaccount_ns_names", "ka.user.groups");
        var sink = new CountingSink();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(_host.Host.Plugin.Extract(evt.View, requests, sink));
        }

        sink.Count = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _host.Host.Plugin.Extract(evt.View, requests, sink);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink.Count > 0);
    }

    private PluginFieldRequest[] Requests(params string[] fields)
    {
        var requests = new PluginFieldRequest[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            var definition = _host.Host.Descriptor.FindField(bracket < 0 ? field : field[..bracket])!;
            var argument = PluginFieldArgument.None;
            if (bracket >= 0)
            {
                Assert.True(PluginFieldArgument.TryCreate(definition, field[(bracket + 1)..^1], out argument, out var error), error);
            }

            requests[i] = new PluginFieldRequest(definition.Index, argument);
        }

        return requests;
    }

    private sealed class CountingSink : IPluginFieldSink
    {
        public int Count { get; set; }

        public void OnUInt64(int request, int element, int count, ulong value) => Count++;

        public void OnString(int request, int element, int count, ReadOnlySpan<byte> utf8) => Count++;

        public void OnBool(int request, int element, int count, bool value) => Count++;

        public void OnBytes(int request, int element, int count, ReadOnlySpan<byte> value) => Count++;
    }
}
