using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// The certificate of the https webhook. As upstream (and the legacy Falco webhook before it), one
/// PEM file holds both the certificate and its private key: <c>sslCertificate</c> is passed as
/// both the certificate and the key file.
/// </summary>
internal static class WebhookCertificate
{
    /// <summary>Loads <paramref name="path"/>; throws <see cref="InvalidOperationException"/> saying why it cannot serve.</summary>
    public static X509Certificate2 Load(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException("https needs sslCertificate: the path of a PEM file with the certificate and its private key");
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(path, path);
            if (!certificate.HasPrivateKey)
            {
                certificate.Dispose();
                throw new InvalidOperationException($"sslCertificate {path} has no private key");
            }

            return certificate;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"can't read sslCertificate {path}: {e.Message}", e);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"sslCertificate {path} is not a PEM file with a certificate and its private key: {e.Message}", e);
        }
    }
}
