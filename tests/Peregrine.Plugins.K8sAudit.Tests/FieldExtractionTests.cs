using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Every ka.* field, on upstream sample events and hand-written ones (see <see cref="FieldCases"/>).</summary>
public sealed class FieldExtractionTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [MemberData(nameof(FieldCases.All), MemberType = typeof(FieldCases))]
    public void Field_GivesTheExpectedValues(string source, string field, string[] expected)
    {
        var evt = Read(source);
        Assert.Equal(expected, _host.Extract(evt, field));
    }

    [Fact]
    public void EveryField_HasACase()
    {
        var covered = FieldCases.All.Select(row => ((string)row[1]).Split('[')[0]).ToHashSet();
        var missing = _host.Host.Descriptor.Fields.Select(f => f.Name).Where(name => !covered.Contains(name)).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void AnEventWithoutAuditId_HasNoValues()
    {
        // Read through the file source (an Event with a stageTimestamp), but without an auditID.
        var evt = Assert.Single(_host.ReadLines("""{"kind":"Event","stageTimestamp":"2024-01-02T03:04:05Z","verb":"get"}"""));
        Assert.Empty(_host.Extract(evt, "ka.verb"));
        Assert.Empty(_host.Extract(evt, "ka.req.binding.subject.has_name[x]"));
    }

    [Fact]
    public void NonStringValues_AreCompactJson_AndNullIsTheTextNull()
    {
        var evt = _host.ReadEvent("""
            "verb": null, "requestURI": 12.50,
            "objectRef": {"name": {"a": [1, true, "x"]}, "namespace": false}
            """);
        Assert.Equal(["null"], _host.Extract(evt, "ka.verb"));
        Assert.Equal(["12.50"], _host.Extract(evt, "ka.uri"));
        Assert.Equal(["""{"a":[1,true,"x"]}"""], _host.Extract(evt, "ka.target.name"));
        Assert.Equal(["false"], _host.Extract(evt, "ka.target.namespace"));
    }

    [Fact]
    public void EscapedStrings_AreUnescaped()
    {
        var evt = _host.ReadEvent("""
            "user": {"username": "tab\there \"quoted\" \u00e9"}
            """);
        Assert.Equal(["tab\there \"quoted\" é"], _host.Extract(evt, "ka.user.name"));
    }

    [Fact]
    public void ListFields_OfTheWrongShape_HaveNoValue()
    {
        var evt = _host.ReadEvent("""
            "user": {"groups": "not-a-list"},
            "requestObject": {"subjects": {"kind": "User"}, "rules": [], "spec": {"containers": [{"name": "a"}, {"image": "x"}]}}
            """);
        Assert.Empty(_host.Extract(evt, "ka.user.groups"));
        Assert.Empty(_host.Extract(evt, "ka.req.binding.subjects"));
        Assert.Empty(_host.Extract(evt, "ka.req.binding.subjects.user_names"));
        Assert.Empty(_host.Extract(evt, "ka.req.role.rules"));

        // A container without a name makes the names unreadable, as upstream.
        Assert.Empty(_host.Extract(evt, "ka.req.pod.containers.name"));
        Assert.Empty(_host.Extract(evt, "ka.req.pod.containers.image"));
        Assert.Equal(["a"], _host.Extract(evt, "ka.req.pod.containers.name[0]"));
    }

    [Fact]
    public void ContainerCommand_WithANonStringPart_HasNoValue()
    {
        var evt = _host.ReadEvent("""
            "requestObject": {"spec": {"containers": [{"command": ["sleep", 10]}, {"command": ["true"]}]}}
            """);
        Assert.Empty(_host.Extract(evt, "ka.req.pod.containers.command"));
        Assert.Equal(["true"], _host.Extract(evt, "ka.req.pod.containers.command[1]"));
    }

    [Theory]
    [InlineData("/api?a=1&b=x+y%21", "b", new[] { "x y!" })]
    [InlineData("/api?a=1&a=2", "a", new[] { "1" })]
    [InlineData("/api?flag&x=1", "flag", new[] { "" })]
    [InlineData("/api?x=%zz&a=1", "a", new string[0])]
    [InlineData("/api?x=1;y=2&a=1", "a", new string[0])]
    [InlineData("/api/%zz?a=1", "a", new string[0])]
    [InlineData("/api?a=1#frag", "a", new[] { "1" })]
    [InlineData("/api?caf%C3%A9=cr%C3%A8me", "café", new[] { "crème" })]
    [InlineData("/api", "a", new string[0])]
    public void UriParam_FollowsGoQueryRules(string uri, string key, string[] expected)
    {
        var evt = _host.ReadEvent($"\"requestURI\": \"{uri}\"");
        Assert.Equal(expected, _host.Extract(evt, $"ka.uri.param[{key}]"));
    }

    [Fact]
    public void AllSampleEvents_ExtractEveryFieldWithoutFailing()
    {
        var fields = _host.Host.Descriptor.Fields;
        foreach (var file in Directory.EnumerateFiles(TestPaths.SampleEvents, "*.json"))
        {
            foreach (var evt in _host.Host.ReadEvents(file))
            {
                foreach (var field in fields)
                {
                    var name = field.ArgIsRequired ? field.Name + "[x]" : field.Name;
                    Assert.NotNull(_host.Host.Extract(evt, name));
                }
            }
        }
    }

    [Theory]
    [InlineData("\"requestObject\": null, \"user\": 1, \"objectRef\": [], \"annotations\": \"x\", \"responseStatus\": [1]")]
    [InlineData("\"requestObject\": {\"spec\": {\"containers\": \"x\", \"initContainers\": 5, \"ephemeralContainers\": null, \"volumes\": {\"hostPath\": {\"path\": \"/\"}}}}")]
    [InlineData("\"requestObject\": {\"spec\": {\"containers\": [[{\"image\": \"x\"}], null, 3, {\"securityContext\": [true]}, {\"ports\": {\"hostPort\": 1}}, {\"command\": \"ls\"}]}}")]
    [InlineData("\"requestObject\": {\"spec\": {\"volumes\": [null, 1, [], {\"name\": \"only\"}]}, \"rules\": [null, {\"verbs\": \"get\"}, {\"verbs\": [null, 1, {}]}], \"subjects\": [null, {\"kind\": 1, \"name\": 2}]}")]
    [InlineData("\"requestURI\": \"?%\", \"requestObject\": {\"spec\": [{\"containers\": [{\"name\": \"in-array\"}]}]}")]
    public void OddShapes_NeverFailTheExtraction(string members)
    {
        var evt = _host.ReadEvent(members);
        foreach (var field in _host.Host.Descriptor.Fields)
        {
            foreach (var argument in field.ArgIsRequired ? ["[x]", "[*]"] : field.ArgIsIndex ? new[] { "", "[0]", "[1]", "[99]" } : [""])
            {
                Assert.NotNull(_host.Host.Extract(evt, field.Name + argument));
            }
        }
    }

    [Fact]
    public void ArraysOnThePath_AreFannedOut_AsUpstream()
    {
        // Upstream expands any array met before a key, not only the container list.
        var evt = _host.ReadEvent("\"requestObject\": {\"spec\": [{\"containers\": [{\"name\": \"a\"}, {\"name\": \"b\"}]}, {\"containers\": [{\"name\": \"c\"}]}]}");
        Assert.Equal(["a", "b", "c"], _host.Extract(evt, "ka.req.pod.containers.name"));
        Assert.Equal(["a"], _host.Extract(evt, "ka.req.pod.containers.name[0]"));

        // An index applies to every array on the path: spec[1].containers[1] does not exist.
        Assert.Empty(_host.Extract(evt, "ka.req.pod.containers.name[1]"));
    }

    private CapturedEvent Read(string source)
    {
        if (source.StartsWith("sample:", StringComparison.Ordinal))
        {
            return Assert.Single(_host.ReadSample(source["sample:".Length..]));
        }

        return _host.ReadEvent(source.Trim());
    }
}
