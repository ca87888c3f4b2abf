using System.Text;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Escapes are undone as upstream's JSON library does, never failing on lone surrogates.</summary>
public sealed class JsonEscapesTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData(@"plain", "plain")]
    [InlineData(@"a\""b\\c\/d", "a\"b\\c/d")]
    [InlineData(@"\b\f\n\r\t", "\b\f\n\r\t")]
    [InlineData(@"\u00e9\u20AC", "é€")]
    [InlineData(@"\ud83d\ude00", "😀")]
    [InlineData(@"x\ud800y", @"x\ud800y")]
    [InlineData(@"\udc00", @"\udc00")]
    [InlineData(@"\ud800\u0041", "\uFFFD")]
    public void Unescape_FollowsUpstream(string raw, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(raw);
        var destination = new byte[bytes.Length];
        var written = JsonEscapes.Unescape(bytes, destination);
        Assert.Equal(expected, Encoding.UTF8.GetString(destination, 0, written));
    }

    [Fact]
    public void LoneSurrogates_NeitherFailTheLineNorTheExtraction()
    {
        var evt = _host.ReadEvent("""
            "user": {"username": "bad\ud800name", "groups": ["\udc00"]}, "annotations": {"a\ud800": "v"},
            "requestObject": {"spec": {"volumes": [{"name": "n", "h\ud800": {}}]}, "subjects": [{"kind": "User", "name": "\ud800"}]}
            """);
        Assert.Equal(["bad\\ud800name"], _host.Extract(evt, "ka.user.name"));
        Assert.Equal(["\\udc00"], _host.Extract(evt, "ka.user.groups"));
        Assert.Equal(["h\\ud800"], _host.Extract(evt, "ka.req.pod.volumes.volume_type"));
        Assert.Equal(["\\ud800"], _host.Extract(evt, "ka.req.binding.subjects.user_names"));
        // JSON-valued fields and the payload keep the escape as written, as upstream's fastjson does.
        Assert.Equal(["""{"kind":"User","name":"\ud800"}"""], _host.Extract(evt, "ka.req.binding.subjects"));
        Assert.Contains("\"bad\\ud800name\"", Encoding.UTF8.GetString(evt.Payload), StringComparison.Ordinal);
        foreach (var field in _host.Host.Descriptor.Fields)
        {
            Assert.NotNull(_host.Host.Extract(evt, field.ArgIsRequired ? field.Name + "[x]" : field.Name));
        }
    }

    [Fact]
    public void StageTimestamp_WithALoneSurrogate_IsLoggedAndSkipped()
    {
        Assert.Empty(_host.ReadLines("""{"kind":"Event","auditID":"a","stageTimestamp":"\ud800"}"""));
        Assert.Contains(_host.Host.Logs, l => l.Message.Contains("can't parse stageTimestamp", StringComparison.Ordinal));
    }
}
