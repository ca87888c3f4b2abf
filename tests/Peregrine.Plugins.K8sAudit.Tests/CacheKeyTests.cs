namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// An event is parsed once for all its fields, found again by its number and where its payload is
/// (not by comparing the payload, which would cost its size on every field); another payload under
/// the same number is parsed anew.
/// </summary>
public sealed class CacheKeyTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void SameNumber_OtherPayloadOfTheSameLength_IsNotAnsweredFromTheCache()
    {
        // Two copies (two buffers) that differ only in content, as a reopened stream numbering from 1 again might give.
        var first = _host.Host.CreateEvent(AuditJson.Event(auditId: "aaaa"), number: 7);
        var second = _host.Host.CreateEvent(AuditJson.Event(auditId: "bbbb"), number: 7);
        Assert.Equal(first.Payload.Length, second.Payload.Length);

        Assert.Equal(["aaaa"], _host.Extract(first, "ka.auditid"));
        Assert.Equal(["bbbb"], _host.Extract(second, "ka.auditid"));
        Assert.Equal(["aaaa"], _host.Extract(first, "ka.auditid"));
    }

    [Fact]
    public void SameNumber_OtherPayloadLength_IsNotAnsweredFromTheCache()
    {
        var first = _host.Host.CreateEvent(AuditJson.Event("\"verb\":\"get\""), number: 1);
        var second = _host.Host.CreateEvent(AuditJson.Event("\"verb\":\"create\""), number: 1);
        Assert.Equal(["get"], _host.Extract(first, "ka.verb"));
        Assert.Equal(["create"], _host.Extract(second, "ka.verb"));
    }

    [Fact]
    public void EveryFieldOfAnEvent_IsAnsweredFromOneParse()
    {
        // A payload that is not JSON is logged when it is parsed: once per event, not once per field.
        var evt = _host.Host.CreateEvent("not json", number: 3);
        Assert.NotNull(_host.Host.ExtractMany(evt, "ka.auditid", "ka.verb", "ka.user.name"));
        Assert.NotNull(_host.Host.Extract(evt, "ka.stage"));
        Assert.Single(_host.Host.Logs, l => l.Message.Contains("not a JSON object", StringComparison.Ordinal));

        // The same number with another payload is another parse.
        var other = _host.Host.CreateEvent("also not json", number: 3);
        Assert.NotNull(_host.Host.Extract(other, "ka.auditid"));
        Assert.Equal(2, _host.Host.Logs.Count(l => l.Message.Contains("not a JSON object", StringComparison.Ordinal)));
    }
}
