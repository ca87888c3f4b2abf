using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>A throw-away CA with a server certificate for 127.0.0.1/localhost and a client certificate, plus their PEM files.</summary>
public sealed class TestCertificates : IDisposable
{
    private readonly TempDir _dir = new();

    public TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Peregrine Test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        Ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        Server = Issue("CN=127.0.0.1", serverAuth: true, now);
        WrongName = Issue("CN=elsewhere", serverAuth: true, now, dnsName: "elsewhere.example");
        Client = Issue("CN=peregrine-client", serverAuth: false, now);

        CaPemPath = _dir.File("ca.pem");
        File.WriteAllText(CaPemPath, Ca.ExportCertificatePem());
        CaFolder = Directory.CreateDirectory(_dir.File("cas")).FullName;
        File.WriteAllText(Path.Combine(CaFolder, "test-ca.pem"), Ca.ExportCertificatePem());
        File.WriteAllText(Path.Combine(CaFolder, "README"), "not a certificate");

        ClientCertPath = _dir.File("client.crt");
        ClientKeyPath = _dir.File("client.key");
        File.WriteAllText(ClientCertPath, Client.ExportCertificatePem());
        File.WriteAllText(ClientKeyPath, Client.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    /// <summary>A server certificate from the same CA for a name that is not 127.0.0.1.</summary>
    public X509Certificate2 WrongName { get; }

    public string CaPemPath { get; }

    public string CaFolder { get; }

    public string ClientCertPath { get; }

    public string ClientKeyPath { get; }

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        WrongName.Dispose();
        Client.Dispose();
        _dir.Dispose();
    }

    private X509Certificate2 Issue(string subject, bool serverAuth, DateTimeOffset now, string? dnsName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            if (dnsName is null)
            {
                names.AddIpAddress(IPAddress.Loopback);
                names.AddDnsName("localhost");
            }
            else
            {
                names.AddDnsName(dnsName);
            }

            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        using var issued = request.Create(Ca, now.AddDays(-1), now.AddMonths(6), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
