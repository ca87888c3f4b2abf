using System.Text;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// The less common branches of the extractors, on small records: identity kinds, members of the
/// wrong JSON type, escapes, and the ct.info variants. Expected values follow upstream 0.17.1.
/// </summary>
public sealed class FieldEdgeCaseTests : IDisposable
{
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("""{"type": "AWSAccount", "accountId": "1"}""", "AWSAccount")]
    [InlineData("""{"type": "FederatedUser", "userName": "x"}""", "FederatedUser")]
    [InlineData("""{"type": "AssumedRole", "arn": "arn:aws:sts::1:assumed-role/R/s"}""", "AssumedRole")]
    [InlineData("""{"type": "AssumedRole", "sessionContext": {"sessionIssuer": {"userName": "Ops"}}}""", "Ops")]
    [InlineData("""{"type": "IAMUser", "userName": 42}""", "")]
    [InlineData("""{"type": "IAMUser", "userName": "caf\u00e9 \"q\""}""", "café \"q\"")]
    [InlineData("""{"type": "IdentityCenterUser", "userName": "x"}""")]
    [InlineData("""{"type": "IAMUser"}""")]
    [InlineData("""{"userName": "x"}""")]
    [InlineData("""{"type": 3, "userName": "x"}""")]
    public void User_ByIdentityType(string identity, params string[] expected) =>
        Assert.Equal(expected, Extract($$"""{"userIdentity": {{identity}}}""", "ct.user"));

    [Theory]
    [InlineData("""{"type": "AssumedRole", "arn": "arn:aws:sts::1:assumed-role/R/s1", "principalId": "AROA:s2"}""", "s1")]
    [InlineData("""{"type": "AssumedRole", "arn": "arn:aws:sts::1:assumed-role/R", "principalId": "AROA:s2"}""", "s2")]
    [InlineData("""{"type": "AssumedRole", "principalId": "AROA:s2"}""", "s2")]
    [InlineData("""{"type": "AssumedRole", "principalId": "AROA:a:b"}""")]
    [InlineData("""{"type": "AssumedRole"}""")]
    [InlineData("""{"type": "AWSService", "userName": "svc"}""", "svc")]
    [InlineData("""{"type": "AWSService"}""")]
    public void OriginalUser_ByIdentityType(string identity, params string[] expected) =>
        Assert.Equal(expected, Extract($$"""{"userIdentity": {{identity}}}""", "ct.originaluser"));

    [Fact]
    public void AccountId_FallsBackToTheRecipientAccount()
    {
        Assert.Equal(["9"], Extract("""{"userIdentity": {"type": "Root"}, "recipientAccountId": "9"}""", "ct.user.accountid"));
        Assert.Equal([], Extract("""{"userIdentity": {"type": "Root"}}""", "ct.user.accountid"));
    }

    [Theory]
    [InlineData("\"s3.amazonaws.com\"", "s3")]
    [InlineData("\".amazonaws.com\"", ".amazonaws.com")]
    [InlineData("\"x.amazonaws.com.cn\"", "x.amazonaws.com.cn")]
    [InlineData("7", "")]
    public void ShortSource(string source, string expected) =>
        Assert.Equal([expected], Extract($$"""{"eventSource": {{source}}}""", "ct.shortsrc"));

    [Fact]
    public void NonTextMembers_ReadAsEmptyText()
    {
        Assert.Equal([""], Extract("""{"eventName": {"a": 1}}""", "ct.name"));
        Assert.Equal([""], Extract("""{"errorCode": null}""", "ct.error"));
        Assert.Equal([""], Extract("""{"awsRegion": 12}""", "ct.region"));
    }

    [Fact]
    public void Flags_AreTrueOnlyForTheJsonValueTrue()
    {
        Assert.Equal(["false"], Extract("""{"readOnly": "true"}""", "ct.readonly"));
        Assert.Equal(["false"], Extract("""{"managementEvent": null}""", "ct.managementevent"));
        Assert.Equal([], Extract("""{}""", "ct.readonly"));
    }

    [Theory]
    [InlineData("""{"bytesTransferredIn": 10, "bytesTransferredOut": 5}""", 15UL, 10UL, 5UL)]
    [InlineData("""{"bytesTransferredIn": 7.9}""", 7UL, 7UL, null)]
    [InlineData("""{"bytesTransferredOut": "12"}""", 0UL, null, 0UL)]
    [InlineData("""{"bytesTransferredOut": -3}""", 0UL, null, 0UL)]
    [InlineData("""{"other": 1}""", null, null, null)]
    public void S3Bytes(string additional, ulong? total, ulong? bytesIn, ulong? bytesOut)
    {
        var record = $$"""{"additionalEventData": {{additional}}}""";
        Assert.Equal(Values(total), Extract(record, "s3.bytes"));
        Assert.Equal(Values(bytesIn), Extract(record, "s3.bytes.in"));
        Assert.Equal(Values(bytesOut), Extract(record, "s3.bytes.out"));
    }

    [Theory]
    [InlineData("GetObject", 1UL, null, null)]
    [InlineData("PutObject", null, 1UL, null)]
    [InlineData("ListBuckets", null, null, 1UL)]
    public void S3Counts(string name, ulong? get, ulong? put, ulong? other)
    {
        var record = $$"""{"eventName": "{{name}}"}""";
        Assert.Equal(Values(get), Extract(record, "s3.cnt.get"));
        Assert.Equal(Values(put), Extract(record, "s3.cnt.put"));
        Assert.Equal(Values(other), Extract(record, "s3.cnt.other"));
        Assert.Equal([1UL], Extract("{}", "s3.cnt.other"));
    }

    [Fact]
    public void S3Uri_NeedsTextBucketAndKey()
    {
        Assert.Equal(["s3://b/k"], Extract("""{"requestParameters": {"bucketName": "b", "key": "k"}}""", "s3.uri"));
        Assert.Equal([], Extract("""{"requestParameters": {"bucketName": "b"}}""", "s3.uri"));
        Assert.Equal([], Extract("""{"requestParameters": {"bucketName": "b", "key": 1}}""", "s3.uri"));
    }

    [Theory]
    [InlineData("""{"type": "AWSAccount"}""", "\"1.1.1.1\"", "GetBucketAcl", """{"bucketName": "b"}""", "AWSAccount via 1.1.1.1 ← GetBucketAcl Bucket=b")]
    [InlineData("""{"type": "AWSAccount"}""", "\"1.1.1.1\"", "DeleteObject", """{"key": "k"}""", "AWSAccount via 1.1.1.1 ← DeleteObject Key=k")]
    [InlineData("""{"type": "AWSAccount"}""", "\"1.1.1.1\"", "ListObjects", """{"Host": "h"}""", "AWSAccount via 1.1.1.1 ← ListObjects Host=h")]
    [InlineData("""{"type": "AWSAccount"}""", null, "X", "{}", "<invalid cloudtrail event: eventSource field missing>")]
    [InlineData("""{"type": "AWSAccount"}""", "\"1.1.1.1\"", null, "{}", "<invalid cloudtrail event: eventName field missing>")]
    public void Info_Variants(string identity, string? sourceIp, string? name, string request, string expected)
    {
        var members = new List<string> { $"\"userIdentity\": {identity}", $"\"requestParameters\": {request}" };
        if (sourceIp is not null)
        {
            members.Add($"\"sourceIPAddress\": {sourceIp}");
        }

        if (name is not null)
        {
            members.Add($"\"eventName\": \"{name}\"");
        }

        Assert.Equal([expected], Extract("{" + string.Join(", ", members) + "}", "ct.info"));
    }

    [Fact]
    public void Info_OfPutBucketPublicAccessBlock_ReadsTheFlagsLikeUpstream()
    {
        // Upstream reads the flags from the top of the record, so real records show false.
        const string record = """
            {"userIdentity": {"type": "IAMUser", "userName": "u"}, "sourceIPAddress": "1.1.1.1", "eventName": "PutBucketPublicAccessBlock", "readOnly": false,
             "requestParameters": {"bucketName": "b", "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true}}}
            """;
        Assert.Equal(["u via 1.1.1.1 → PutBucketPublicAccessBlock BlockPublicAcls=false BlockPublicPolicy=false IgnorePublicAcls=false RestrictPublicBuckets=false "], Extract(record, "ct.info"));
    }

    [Fact]
    public void InstanceName_LastInstanceSpecificationWins_AndEmptyIsNone()
    {
        const string twoInstances = """
            {"requestParameters": {"tagSpecificationSet": {"items": [
              {"resourceType": "instance", "tags": [{"key": "Name", "value": "first"}]},
              {"resourceType": "instance", "tags": [{"key": "env", "value": "x"}]},
              {"resourceType": "instance", "tags": [{"key": "Name", "value": "second"}]}]}}}
            """;
        Assert.Equal(["second"], Extract(twoInstances, "ec2.name"));
        Assert.Equal([], Extract("""{"requestParameters": {"tagSpecificationSet": {"items": [{"resourceType": "instance", "tags": [{"key": "Name", "value": ""}]}]}}}""", "ec2.name"));
    }

    [Fact]
    public void ImageIds_FromOtherRequests()
    {
        Assert.Equal(["ami-f"], Extract("""{"requestParameters": {"DescribeFastLaunchImagesRequest": {"ImageId": {"content": "ami-f"}}}}""", "ec2.imageids"));
        Assert.Equal(["ami-s"], Extract("""{"requestParameters": {"launchSpecification": {"imageId": "ami-s"}}}""", "ec2.imageid"));
        // An instancesSet in the response takes precedence, even an empty one.
        Assert.Equal([], Extract("""{"responseElements": {"instancesSet": {"items": []}}, "requestParameters": {"imageId": "ami-r"}}""", "ec2.imageids"));
    }

    [Fact]
    public void CompactJson_KeepsStringsAndNumbersAsWritten()
    {
        const string record = "{\"requestParameters\": { \"a\" : \"x y\\n\\u00e9\" , \"n\": 1.50e3, \"l\": [ 1, 2 ] }}";
        Assert.Equal(["{\"a\":\"x y\\n\\u00e9\",\"n\":1.50e3,\"l\":[1,2]}"], Extract(record, "ct.request"));
        Assert.Equal([], Extract("""{"resources": []}""", "ct.resources"));
        Assert.Equal([], Extract("""{"resources": {"a": 1}}""", "ct.resources"));
    }

    [Fact]
    public void DuplicateTopLevelMembers_TheFirstCounts()
    {
        // As in upstream's parser; the record is only scanned as far as needed.
        Assert.Equal(["a"], Extract("""{"eventName": "a", "eventName": "b"}""", "ct.name"));
        Assert.Equal(["x"], Extract("""{"eventSource": "x", "eventName": "a", "eventSource": "y"}""", "ct.src"));
    }

    [Fact]
    public void EscapedMemberNames_AreMatched()
    {
        Assert.Equal(["n"], Extract("""{"event\u004eame": "n"}""", "ct.name"));
    }

    [Fact]
    public void PayloadPaddedWithNulBytes_IsRead()
    {
        var payload = Encoding.UTF8.GetBytes("{\"eventName\": \"X\"}\0\0");
        Assert.Equal(["X"], _host.Extract(_host.CreateEvent(payload, number: 9001), "ct.name"));
    }

    [Fact]
    public void PayloadThatIsNotJson_FailsTheExtraction()
    {
        Assert.Null(_host.Extract(_host.CreateEvent("not json"), "ct.name"));
        Assert.Null(_host.Extract(_host.CreateEvent(""), "ct.info"));
    }

    [Fact]
    public void EventsWithTheSameNumber_ButDifferentPayloads_AreNotConfused()
    {
        Assert.Equal(["a"], _host.Extract(_host.CreateEvent("""{"eventName": "a"}""", number: 1), "ct.name"));
        Assert.Equal(["b"], _host.Extract(_host.CreateEvent("""{"eventName": "b"}""", number: 1), "ct.name"));
    }

    [Fact]
    public void ManyFieldsOfOneEvent_InOneCall()
    {
        var evt = _host.CreateEvent(SampleRecords.S3GetObject, number: 77);
        var values = _host.ExtractMany(evt, "ct.name", "ct.user", "s3.bucket", "s3.bytes", "ct.srcip");
        IReadOnlyList<object>[] expected = [["GetObject"], ["alice"], ["amzn-s3-demo-bucket"], [2048UL], ["192.0.2.10"]];
        Assert.Equal(expected, values);
    }

    [Fact]
    public void RepeatedExtraction_OfPlainFields_DoesNotAllocate()
    {
        var evt = _host.CreateEvent(SampleRecords.RunInstances, number: 5);
        string[] fields = ["ct.name", "ct.user", "ct.srcip", "ct.region", "ct.error", "ct.user.identitytype", "ct.response", "ec2.imageids", "s3.cnt.other"];
        Assert.Equal(0, _host.MeasureExtraction(evt, fields).AllocatedBytes);
    }

    private IReadOnlyList<object> Extract(string record, string field) => _host.Extract(_host.CreateEvent(record), field)!;

    private static object[] Values(ulong? value) => value is { } v ? [v] : [];
}
