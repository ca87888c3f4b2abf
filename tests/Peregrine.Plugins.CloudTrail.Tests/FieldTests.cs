using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// Every field against hand-written records, read through the plugin itself (file → event →
/// extraction). Expected values follow upstream 0.17.1's extractor: an empty expectation means
/// no value (what Falco shows as &lt;NA&gt;).
/// </summary>
public sealed class FieldTests : IDisposable
{
    private static readonly Dictionary<string, string> Records = new()
    {
        ["s3get"] = SampleRecords.S3GetObject,
        ["run"] = SampleRecords.RunInstances,
        ["login"] = SampleRecords.RootConsoleLogin,
        ["service"] = SampleRecords.ServiceEvent,
        ["many"] = SampleRecords.ManyRequestParameters,
    };

    private readonly TempLogs _logs = new();
    private readonly PluginTestHost _host = PluginTestHost.Create<CloudTrailPlugin>();
    private readonly Dictionary<string, CapturedEvent> _events = [];

    public FieldTests()
    {
        var names = Records.Keys.ToArray();
        var path = _logs.Write("all.json", [.. names.Select(n => Records[n])]);
        var events = _host.ReadEvents(path);
        Assert.Equal(names.Length, events.Count);
        for (var i = 0; i < names.Length; i++)
        {
            _events[names[i]] = events[i];
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        _logs.Dispose();
    }

    [Theory]
    [InlineData("s3get", "ct.id", "11111111-2222-3333-4444-555555555555")]
    [InlineData("s3get", "ct.error")]
    [InlineData("many", "ct.error", "AccessDenied")]
    [InlineData("s3get", "ct.errormessage")]
    [InlineData("many", "ct.errormessage", "User: carol is not authorized")]
    [InlineData("s3get", "ct.time", "2024-03-01T12:00:00Z")]
    [InlineData("many", "ct.time", "2024-03-01T12:20:00.250+01:00")]
    [InlineData("s3get", "ct.src", "s3.amazonaws.com")]
    [InlineData("s3get", "ct.shortsrc", "s3")]
    [InlineData("many", "ct.shortsrc", "custom.example")]
    [InlineData("s3get", "ct.name", "GetObject")]
    [InlineData("s3get", "ct.user", "alice")]
    [InlineData("run", "ct.user", "Admin")]
    [InlineData("login", "ct.user")]
    [InlineData("service", "ct.user", "ssm.amazonaws.com")]
    [InlineData("s3get", "ct.originaluser", "alice")]
    [InlineData("run", "ct.originaluser", "bob-session")]
    [InlineData("login", "ct.originaluser")]
    [InlineData("s3get", "ct.user.accountid", "111122223333")]
    [InlineData("many", "ct.user.accountid", "444455556666")]
    [InlineData("s3get", "ct.user.identitytype", "IAMUser")]
    [InlineData("run", "ct.user.identitytype", "AssumedRole")]
    [InlineData("s3get", "ct.user.principalid", "AIDAEXAMPLEALICE")]
    [InlineData("service", "ct.user.principalid")]
    [InlineData("run", "ct.user.arn", "arn:aws:sts::111122223333:assumed-role/Admin/bob-session")]
    [InlineData("s3get", "ct.region", "us-east-1")]
    [InlineData("run", "ct.response.subnetid", "subnet-resp")]
    [InlineData("s3get", "ct.response.subnetid")]
    [InlineData("run", "ct.response.reservationid", "r-0123")]
    [InlineData("run", "ct.response", """{"requestId":"r-1","reservationId":"r-0123","subnetId":"subnet-resp","instancesSet":{"items":[{"instanceId":"i-1","imageId":"ami-0abc"},{"instanceId":"i-2","imageId":"ami-0def"},{"instanceId":"i-3"}]}}""")]
    [InlineData("s3get", "ct.response", "null")]
    [InlineData("many", "ct.response")]
    [InlineData("run", "ct.request.availabilityzone", "eu-west-1a")]
    [InlineData("many", "ct.request.cluster", "prod")]
    [InlineData("many", "ct.request.functionname", "fn-1")]
    [InlineData("many", "ct.request.groupname", "admins")]
    [InlineData("s3get", "ct.request.host", "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com")]
    [InlineData("many", "ct.request.name", "thing-1")]
    [InlineData("many", "ct.request.policy", """{"Version":"2012-10-17"}""")]
    [InlineData("service", "ct.request.reason", "patching")]
    [InlineData("service", "ct.request.target", "i-0123")]
    [InlineData("service", "ct.request.documentname")] // never a value, as upstream 0.17.1
    [InlineData("many", "ct.request.serialnumber", "arn:aws:iam::111122223333:mfa/carol")]
    [InlineData("many", "ct.request.servicename", "svc-1")]
    [InlineData("run", "ct.request.subnetid", "subnet-req")]
    [InlineData("many", "ct.request.taskdefinition", "td:3")]
    [InlineData("many", "ct.request.username", "dave")]
    [InlineData("s3get", "ct.request", """{"bucketName":"amzn-s3-demo-bucket","Host":"amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com","key":"reports/q1.csv"}""")]
    [InlineData("login", "ct.request", "null")]
    [InlineData("s3get", "ct.srcip", "192.0.2.10")]
    [InlineData("s3get", "ct.useragent", "[aws-cli/2.15.0]")]
    [InlineData("s3get", "ct.info", "alice via 192.0.2.10 ← GetObject Size=2048 URI=s3://amzn-s3-demo-bucket/reports/q1.csv")]
    [InlineData("run", "ct.info", "Admin via 198.51.100.7 → RunInstances")]
    [InlineData("login", "ct.info", "<invalid cloudtrail event: userIdentity field missing>")]
    [InlineData("service", "ct.info", "ssm.amazonaws.com → SendCommand")]
    [InlineData("many", "ct.info", "carol via 192.0.2.99 !→ PutEverything")]
    [InlineData("s3get", "ct.managementevent", "false")]
    [InlineData("run", "ct.managementevent", "true")]
    [InlineData("many", "ct.managementevent")]
    [InlineData("s3get", "ct.readonly", "true")]
    [InlineData("run", "ct.readonly", "false")]
    [InlineData("s3get", "ct.requestid", "REQ-S3-1")]
    [InlineData("s3get", "ct.eventtype", "AwsApiCall")]
    [InlineData("run", "ct.apiversion", "2016-11-15")]
    [InlineData("s3get", "ct.apiversion")]
    [InlineData("s3get", "ct.resources", """{"type":"AWS::S3::Object","ARN":"arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv"},{"accountId":"111122223333","type":"AWS::S3::Bucket","ARN":"arn:aws:s3:::amzn-s3-demo-bucket"}""")]
    [InlineData("run", "ct.resources")]
    [InlineData("s3get", "ct.recipientaccountid", "111122223333")]
    [InlineData("service", "ct.serviceeventdetails", "")] // an object reads as empty text, as upstream
    [InlineData("s3get", "ct.serviceeventdetails")]
    [InlineData("s3get", "ct.sharedeventid", "shared-0001")]
    [InlineData("s3get", "ct.vpcendpointid", "vpce-0a1b2c3d")]
    [InlineData("s3get", "ct.eventcategory", "Data")]
    [InlineData("service", "ct.addendum.reason", "DELIVERY_DELAY")]
    [InlineData("service", "ct.addendum.updatedfields", "requestParameters")]
    [InlineData("service", "ct.addendum.originalrequestid", "orig-req")]
    [InlineData("service", "ct.addendum.originaleventid", "orig-ev")]
    [InlineData("s3get", "ct.addendum.reason")]
    [InlineData("run", "ct.sessioncredentialfromconsole", "true")]
    [InlineData("login", "ct.sessioncredentialfromconsole", "false")] // the text "true" is not the JSON value true
    [InlineData("s3get", "ct.sessioncredentialfromconsole")]
    [InlineData("service", "ct.edgedevicedetails", "snowball-1")]
    [InlineData("s3get", "ct.tlsdetails.tlsversion", "TLSv1.3")]
    [InlineData("s3get", "ct.tlsdetails.ciphersuite", "TLS_AES_128_GCM_SHA256")]
    [InlineData("s3get", "ct.tlsdetails.clientprovidedhostheader", "amzn-s3-demo-bucket.s3.us-east-1.amazonaws.com")]
    [InlineData("run", "ct.tlsdetails.tlsversion")]
    [InlineData("s3get", "ct.additionaleventdata", """{"SignatureVersion":"SigV4","bytesTransferredIn":0,"bytesTransferredOut":2048.0,"x-amz-id-2":"abc"}""")]
    [InlineData("run", "ct.additionaleventdata")]
    [InlineData("s3get", "s3.uri", "s3://amzn-s3-demo-bucket/reports/q1.csv")]
    [InlineData("run", "s3.uri")]
    [InlineData("s3get", "s3.bucket", "amzn-s3-demo-bucket")]
    [InlineData("s3get", "s3.key", "reports/q1.csv")]
    [InlineData("run", "s3.bucket")]
    [InlineData("run", "ec2.name", "web-1")]
    [InlineData("s3get", "ec2.name")]
    [InlineData("run", "ec2.imageid", "ami-0abc")]
    [InlineData("many", "ec2.imageid", "ami-0single")]
    [InlineData("s3get", "ec2.imageid")]
    [InlineData("run", "ec2.imageids", "ami-0abc", "ami-0def")]
    [InlineData("run", "ec2.imageids[1]", "ami-0def")]
    [InlineData("run", "ec2.imageids[2]")] // that instance has no imageId
    [InlineData("run", "ec2.imageids[7]")]
    [InlineData("many", "ec2.imageids", "ami-0single")]
    [InlineData("many", "ec2.imageids[0]", "ami-0single")]
    [InlineData("many", "ec2.imageids[1]")]
    [InlineData("many", "ecr.repository", "repo-1")]
    [InlineData("many", "ecr.imagetag", "v1.2")]
    [InlineData("many", "iam.role", "role-1")]
    [InlineData("many", "iam.policy", "policy-1")]
    [InlineData("s3get", "iam.policy")]
    public void TextField(string record, string field, params string[] expected) =>
        Assert.Equal(expected, _host.Extract(_events[record], field)!.Cast<string>());

    [Theory]
    [InlineData("s3get", "s3.bytes", 2048UL)]
    [InlineData("s3get", "s3.bytes.in", 0UL)]
    [InlineData("s3get", "s3.bytes.out", 2048UL)]
    [InlineData("run", "s3.bytes", null)]
    [InlineData("run", "s3.bytes.in", null)]
    [InlineData("run", "s3.bytes.out", null)]
    [InlineData("s3get", "s3.cnt.get", 1UL)]
    [InlineData("run", "s3.cnt.get", null)]
    [InlineData("s3get", "s3.cnt.put", null)]
    [InlineData("s3get", "s3.cnt.other", null)]
    [InlineData("run", "s3.cnt.other", 1UL)]
    public void CountField(string record, string field, ulong? expected)
    {
        var values = _host.Extract(_events[record], field)!;
        Assert.Equal(expected is { } value ? [value] : Array.Empty<object>(), values);
    }

    [Fact]
    public void EveryDeclaredField_IsCoveredByATest()
    {
        var tested = typeof(FieldTests).GetMethods()
            .SelectMany(m => m.GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>())
            .Select(a => a.GetData(null!).First()[1] as string)
            .Select(f => f!.Split('[')[0])
            .ToHashSet();
        var untested = _host.Descriptor.Fields.Select(f => f.Name).Where(n => !tested.Contains(n)).ToList();
        Assert.True(untested.Count == 0, "no test for " + string.Join(", ", untested));
    }

    [Fact]
    public void EventToString_IsRegionUserServiceActionAndInfo()
    {
        Assert.Equal(
            "us-east-1 alice s3 GetObject alice via 192.0.2.10 ← GetObject Size=2048 URI=s3://amzn-s3-demo-bucket/reports/q1.csv",
            _host.EventToString(_events["s3get"]));
        Assert.Equal("eu-west-1 Admin ec2 RunInstances Admin via 198.51.100.7 → RunInstances", _host.EventToString(_events["run"]));
        // Upstream glues its "no user" placeholder to the region.
        Assert.Equal(
            "us-east-1<NA> signin ConsoleLogin <invalid cloudtrail event: userIdentity field missing>",
            _host.EventToString(_events["login"]));
    }

    [Fact]
    public void Timestamp_IsTheEventTime()
    {
        Assert.Equal(Nanoseconds("2024-03-01T12:00:00Z"), _events["s3get"].Timestamp);
        Assert.Equal(Nanoseconds("2024-03-01T11:20:00.250Z"), _events["many"].Timestamp);
    }

    internal static ulong Nanoseconds(string time) =>
        (ulong)(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100UL;
}
