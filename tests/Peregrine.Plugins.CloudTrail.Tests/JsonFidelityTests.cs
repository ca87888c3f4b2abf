using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// Records are read as upstream's JSON library reads them: of two members with the same name the
/// first counts (reading the other one would let a crafted record show rules one value and the
/// trail another), nested values keep their strings as written, and a string that
/// System.Text.Json cannot decode (a lone surrogate escape) is read best effort instead of failing.
/// </summary>
public sealed class JsonFidelityTests : IDisposable
{
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("""{"userIdentity": {"type": "IAMUser", "userName": "alice", "userName": "root"}}""", "ct.user", "alice")]
    [InlineData("""{"userIdentity": {"type": "IAMUser", "userName": "alice"}, "userIdentity": {"type": "IAMUser", "userName": "root"}}""", "ct.user", "alice")]
    [InlineData("""{"userIdentity": {"type": "AssumedRole", "sessionContext": {"sessionIssuer": {"userName": "Ops", "userName": "Admin"}}}}""", "ct.user", "Ops")]
    [InlineData("""{"requestParameters": {"userName": "bob", "userName": "root"}}""", "ct.request.username", "bob")]
    [InlineData("""{"tlsDetails": {"tlsVersion": "TLSv1.2", "tlsVersion": "TLSv1.3"}}""", "ct.tlsdetails.tlsversion", "TLSv1.2")]
    // Names are compared as written first: a plain duplicate is found before an escaped one.
    [InlineData("""{"requestParameters": {"user\u004eame": "escaped", "userName": "plain"}}""", "ct.request.username", "plain")]
    [InlineData("""{"requestParameters": {"user\u004eame": "escaped"}}""", "ct.request.username", "escaped")]
    public void DuplicateMembers_TheFirstCounts(string record, string field, string expected) =>
        Assert.Equal([expected], Extract(record, field));

    [Fact]
    public void NestedValues_KeepTheirStringsAsWritten()
    {
        const string record = """{"requestParameters": {"policy" : "{\"a\":\"\u003c\/\"}", "n": [ 1.0 , true ]}}""";
        Assert.Equal(["""{"policy":"{\"a\":\"\u003c\/\"}","n":[1.0,true]}"""], Extract(record, "ct.request"));
        Assert.Equal(["""{"a":"</"}"""], Extract(record, "ct.request.policy"));
    }

    [Fact]
    public void LoneSurrogate_IsKeptAsWritten_AndDoesNotFailTheCall()
    {
        const string record = """{"userIdentity": {"type": "IAMUser", "userName": "x\udc00"}, "requestParameters": {"userName": "\ud800\u0041"}, "eventName": "GetObject"}""";
        var values = _host.ExtractMany(_host.CreateEvent(record), "ct.user", "ct.request.username", "ct.name");
        IReadOnlyList<object>[] expected = [[@"x\udc00"], ["\uFFFD"], ["GetObject"]];
        Assert.Equal(expected, values);
    }

    private IReadOnlyList<object> Extract(string record, string field) => _host.Extract(_host.CreateEvent(record), field)!;
}
