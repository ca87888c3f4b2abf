using System.Text;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// Audit events are read and re-encoded as upstream's JSON library does: payloads and JSON-valued
/// fields keep their strings exactly as written, and of two members with the same name the first
/// counts, for the event's kind and stageTimestamp as for every ka.* field. Reading the other
/// duplicate than Falco would let a crafted event show rules one value and the audit log another.
/// </summary>
public sealed class JsonFidelityTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Payload_OfASingleEvent_KeepsEscapesAndDropsOnlyWhitespace()
    {
        const string line = """{ "kind" : "Event", "auditID": "a", "stageTimestamp": "2024-01-02T03:04:05Z", "user": {"username": "a\u003cb\u0026c\/d \"q\" \\ \u00e9"}, "n": [ 1.50e3 , -0 ], "\u006bey": { } }""";
        var evt = Assert.Single(_host.ReadLines(line));
        Assert.Equal("""{"kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","user":{"username":"a\u003cb\u0026c\/d \"q\" \\ \u00e9"},"n":[1.50e3,-0],"\u006bey":{}}""",
            Encoding.UTF8.GetString(evt.Payload));
        Assert.Equal(["a<b&c/d \"q\" \\ é"], Extract(evt, "ka.user.name"));
    }

    [Fact]
    public void Payload_OfAnEventListItem_KeepsEscapes()
    {
        const string line = """{"kind": "EventList", "items": [ {"kind": "Event", "auditID": "a", "stageTimestamp": "2024-01-02T03:04:05Z", "x": "\u003c\/"} ]}""";
        var evt = Assert.Single(_host.ReadLines(line));
        Assert.Equal("""{"kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","x":"\u003c\/"}""", Encoding.UTF8.GetString(evt.Payload));
    }

    [Fact]
    public void BindingSubjects_AndContainerPorts_TakeTheFirstOfDuplicateMembers()
    {
        var evt = _host.ReadEvent("""
            "objectRef": {"resource": "clusterrolebindings", "name": "b"},
            "requestObject": {
              "subjects": [{"kind": "User", "kind": "Group", "name": "alice", "name": "system:masters"}],
              "spec": {"containers": [{"image": "nginx", "ports": [{"hostPort": 80, "hostPort": 8080, "containerPort": 81}]}]}}
            """);
        Assert.Equal(["alice"], Extract(evt, "ka.req.binding.subjects.user_names"));
        Assert.Equal([], Extract(evt, "ka.req.binding.subjects.group_names"));
        Assert.Equal(["80"], Extract(evt, "ka.req.pod.containers.host_port"));
    }

    [Fact]
    public void JsonValuedFields_KeepEscapes()
    {
        var evt = _host.ReadEvent("""
            "objectRef": {"resource": "configmaps", "name": "c"},
            "requestObject": {"data": {"script" : "curl x \u0026\u0026 sh \u003e \/dev/null"}}
            """);
        Assert.Equal(["""{"script":"curl x \u0026\u0026 sh \u003e \/dev/null"}"""], Extract(evt, "ka.req.configmap.obj"));
    }

    [Theory]
    [InlineData("\"verb\": \"get\", \"verb\": \"delete\"", "ka.verb", "get")]
    [InlineData("\"user\": {\"username\": \"alice\", \"username\": \"system:admin\"}", "ka.user.name", "alice")]
    [InlineData("\"user\": {\"username\": \"alice\"}, \"user\": {\"username\": \"bob\"}", "ka.user.name", "alice")]
    [InlineData("\"requestObject\": {\"spec\": {\"containers\": [{\"image\": \"nginx\", \"image\": \"evil\"}]}}", "ka.req.pod.containers.image", "nginx")]
    // A plainly written name is found before an earlier one written with escapes, as upstream compares names as written first.
    [InlineData("\"v\\u0065rb\": \"escaped\", \"verb\": \"plain\"", "ka.verb", "plain")]
    [InlineData("\"v\\u0065rb\": \"escaped\"", "ka.verb", "escaped")]
    public void DuplicateMembers_TheFirstCounts(string members, string field, string expected)
    {
        var evt = _host.ReadEvent(members);
        Assert.Equal([expected], Extract(evt, field));
    }

    [Theory]
    // The one-pass reader of single events and the tree-based path for lists must agree.
    [InlineData("""{"kind":"Event","kind":"EventList","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z"}""")]
    [InlineData("""{"k\u0069nd":"Other","kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z"}""")]
    [InlineData("""[{"kind":"Event","kind":"EventList","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z"}]""")]
    [InlineData("""[{"k\u0069nd":"Other","kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z"}]""")]
    public void DuplicateKind_TheFirstDecides(string line)
    {
        Assert.Single(_host.ReadLines(line));
    }

    [Theory]
    [InlineData("""{"kind":"Event","auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","stageTimestamp":"2030-01-01T00:00:00Z"}""")]
    [InlineData("""{"kind":"Event","auditID":"a","st\u0061geTimestamp":"2030-01-01T00:00:00Z","stageTimestamp":"2024-01-02T03:04:05Z"}""")]
    [InlineData("""{"kind":"EventList","items":[{"auditID":"a","stageTimestamp":"2024-01-02T03:04:05Z","stageTimestamp":"2030-01-01T00:00:00Z"}]}""")]
    [InlineData("""{"kind":"EventList","items":[{"auditID":"a","st\u0061geTimestamp":"2030-01-01T00:00:00Z","stageTimestamp":"2024-01-02T03:04:05Z"}]}""")]
    public void DuplicateStageTimestamp_TheFirstIsTheEventTime(string line)
    {
        var evt = Assert.Single(_host.ReadLines(line));
        Assert.Equal(1_704_164_645_000_000_000UL, evt.Timestamp);
    }

    [Fact]
    public void LoneSurrogate_IsKeptAsWrittenInThePayload()
    {
        var evt = _host.ReadEvent("""
            "user": {"username": "bad\ud800name"}, "requestObject": {"data": {"k": "\udc00"}}
            """);
        Assert.Contains("\"bad\\ud800name\"", Encoding.UTF8.GetString(evt.Payload), StringComparison.Ordinal);
        Assert.Equal(["bad\\ud800name"], Extract(evt, "ka.user.name"));
        Assert.Equal(["""{"k":"\udc00"}"""], Extract(evt, "ka.req.configmap.obj"));
    }

    private string[] Extract(Sdk.Testing.CapturedEvent evt, string field) => _host.Extract(evt, field);
}
