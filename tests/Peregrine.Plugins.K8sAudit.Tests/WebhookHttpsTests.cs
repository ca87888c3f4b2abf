using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Peregrine.Plugins.K8sAudit.Tests;

public sealed class WebhookHttpsTests : IDisposable
{
    private readonly WebhookTestSupport _support = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("peregrine-webhook-").FullName;

    public void Dispose()
    {
        _support.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Https_ServesWithTheCertificateAndKeyOfOnePemFile(bool keyFirst)
    {
        using var certificate = SelfSigned(out var key);
        var certificatePem = certificate.ExportCertificatePem();
        var keyPem = key.ExportPkcs8PrivateKeyPem();
        var path = Write("falco.pem", keyFirst ? keyPem + "\n" + certificatePem : certificatePem + "\n" + keyPem);
        var stream = _support.Start(new K8sAuditConfig { SslCertificate = path }, "https://127.0.0.1:0/k8s-audit");
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler);
        var body = WebhookTestSupport.ReferenceEvent("create_configmap.json");

        using var response = await client.PostAsync(
            WebhookTestSupport.Url(stream, scheme: "https"),
            new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var evt = Assert.Single(WebhookTestSupport.ReadEvents(stream, 1));
        Assert.Equal(WebhookTestSupport.Nanoseconds("2018-10-26T13:13:03.544952Z"), evt.Timestamp);
        key.Dispose();
    }

    [Fact]
    public async Task Https_ServesHttp2_AsGoDoesThroughAlpn()
    {
        using var certificate = SelfSigned(out var key);
        var path = Write("falco.pem", certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
        key.Dispose();
        var stream = _support.Start(new K8sAuditConfig { SslCertificate = path }, "https://127.0.0.1:0/k8s-audit");
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var client = new HttpClient(handler)
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        var url = WebhookTestSupport.Url(stream, scheme: "https");

        using var accepted = await client.PostAsync(url, new StringContent(WebhookTestSupport.ReferenceEvent("create_service.json"), Encoding.UTF8, "application/json"));
        using var refused = await client.GetAsync(url);

        Assert.Equal(HttpVersion.Version20, accepted.Version);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, refused.StatusCode);
        Assert.Equal("GET method not allowed\n", await refused.Content.ReadAsStringAsync());
        Assert.Single(WebhookTestSupport.ReadEvents(stream, 1));
    }

    [Fact]
    public void Https_WithoutTheCertificateFile_FailsTheOpen()
    {
        var path = Path.Combine(_directory, "missing.pem");

        var error = Assert.Throws<InvalidOperationException>(
            () => _support.Start(new K8sAuditConfig { SslCertificate = path }, "https://127.0.0.1:0/k8s-audit"));

        Assert.Contains("can't read sslCertificate", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_WithACertificateButNoKey_FailsTheOpen()
    {
        using var certificate = SelfSigned(out var key);
        key.Dispose();
        var path = Write("cert-only.pem", certificate.ExportCertificatePem());

        var error = Assert.Throws<InvalidOperationException>(
            () => _support.Start(new K8sAuditConfig { SslCertificate = path }, "https://127.0.0.1:0/k8s-audit"));

        Assert.Contains("sslCertificate", error.Message, StringComparison.Ordinal);
        Assert.Contains("private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Https_WithGarbage_FailsTheOpen()
    {
        var path = Write("garbage.pem", "not a certificate");

        var error = Assert.Throws<InvalidOperationException>(
            () => _support.Start(new K8sAuditConfig { SslCertificate = path }, "https://127.0.0.1:0/k8s-audit"));

        Assert.Contains("is not a PEM file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_DoesNotNeedTheCertificate()
    {
        var stream = _support.Start(new K8sAuditConfig { SslCertificate = Path.Combine(_directory, "missing.pem") });

        Assert.True(stream.Port > 0);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static X509Certificate2 SelfSigned(out ECDsa key)
    {
        key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
    }
}
