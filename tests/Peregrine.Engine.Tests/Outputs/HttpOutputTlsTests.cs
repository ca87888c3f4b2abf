using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>The TLS options of <c>http_output</c>, against a local HTTPS server with a throw-away CA.</summary>
public class HttpOutputTlsTests : IClassFixture<HttpOutputTlsTests.Certificates>
{
    private readonly TestCertificates _certificates;

    public HttpOutputTlsTests(Certificates certificates) => _certificates = certificates.Value;

    [Fact]
    public void A_server_signed_by_an_unknown_CA_is_refused_by_default()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url() }, jsonOutput: true);

        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("{}"), default));

        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Ca_cert_makes_that_CA_trusted()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url("/tls"), CaCert = _certificates.CaPemPath }, jsonOutput: true);
        output.Write(Alerts.Message("{\"over\":\"tls\"}"), default);
        Assert.Equal("{\"over\":\"tls\"}", Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public void Ca_bundle_is_used_when_ca_cert_is_empty()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CaBundle = _certificates.CaPemPath }, jsonOutput: true);
        output.Write(Alerts.Message("{}"), default);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Ca_path_loads_the_certificates_of_a_folder()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CaPath = _certificates.CaFolder }, jsonOutput: true);
        output.Write(Alerts.Message("{}"), default);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void The_host_name_is_still_checked_against_a_trusted_certificate()
    {
        using var server = new MiniHttpServer(certificate: _certificates.WrongName);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CaCert = _certificates.CaPemPath }, jsonOutput: true);
        var error = Assert.Throws<OutputException>(() => output.Write(Alerts.Message("{}"), default));
        Assert.Contains("SSL", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Insecure_skips_verification()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), Insecure = true }, jsonOutput: true);
        output.Write(Alerts.Message("{}"), default);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void Mtls_presents_the_client_certificate()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server, requireClientCertificate: true);
        var options = new HttpOutputOptions
        {
            Url = server.Url(),
            CaCert = _certificates.CaPemPath,
            Mtls = true,
            ClientCert = _certificates.ClientCertPath,
            ClientKey = _certificates.ClientKeyPath,
        };
        using var output = new HttpOutput(options, jsonOutput: true);
        output.Write(Alerts.Message("{}"), default);

        var request = Assert.Single(server.Requests);
        Assert.NotNull(request.ClientCertificate);
        Assert.Equal("CN=peregrine-client", request.ClientCertificate!.Subject);
    }

    [Fact]
    public void Without_mtls_a_server_that_requires_a_client_certificate_refuses()
    {
        using var server = new MiniHttpServer(certificate: _certificates.Server, requireClientCertificate: true);
        using var output = new HttpOutput(new HttpOutputOptions { Url = server.Url(), CaCert = _certificates.CaPemPath }, jsonOutput: true);
        Assert.Throws<OutputException>(() => output.Write(Alerts.Message("{}"), default));
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("ca_cert")]
    [InlineData("ca_path")]
    [InlineData("mtls")]
    public void Missing_certificate_files_fail_at_init(string which)
    {
        var options = new HttpOutputOptions { Url = "https://127.0.0.1:1/" };
        options = which switch
        {
            "ca_cert" => options with { CaCert = "/nonexistent/ca.pem" },
            "ca_path" => options with { CaPath = "/nonexistent/cas" },
            _ => options with { Mtls = true, ClientCert = "/nonexistent/c.crt", ClientKey = "/nonexistent/c.key" },
        };
        var error = Assert.Throws<OutputException>(() => new HttpOutput(options, jsonOutput: true));
        Assert.Contains("/nonexistent/", error.Message);
    }

    public sealed class Certificates : IDisposable
    {
        public TestCertificates Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
