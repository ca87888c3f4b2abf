using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Peregrine.Conditions.Text;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// <c>http_output</c>: every alert POSTed on its own to the configured URL, as Falco does with
/// libcurl. The body is the formatted line: the JSON object when <c>json_output</c> is on,
/// sent as <c>Content-Type: application/json</c> (what Falcosidekick reads on its port 2801),
/// otherwise the text line as <c>text/plain</c>. Headers follow curl's: <c>User-Agent</c> from
/// the configuration (<c>falcosecurity/falco</c> by default), <c>Accept: */*</c>, a
/// <c>Content-Length</c>; redirects are not followed; proxies come from the usual environment
/// variables. One connection is kept and reused.
/// <para>
/// Each attempt is limited by <see cref="HttpOutputOptions.RequestTimeout"/>; a timed-out post
/// is retried up to <c>max_consecutive_timeouts</c> times (Falco's rule for curl timeouts), then
/// the alert fails for this channel. Connection errors and answers outside 2xx fail it at once.
/// Failures are thrown to the worker, which logs and counts them.
/// </para>
/// </summary>
public sealed class HttpOutput : IAlertOutput
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue Text = new("text/plain");
    private static readonly MediaTypeWithQualityHeaderValue AnyMedia = new("*/*");
    private static readonly TransferCodingWithQualityHeaderValue GzipCoding = new("gzip");

    private readonly HttpOutputOptions _options;
    private readonly bool _json;
    private readonly Uri _uri;
    private readonly HttpClient _client;
    private readonly LineWriter? _echo;
    private readonly MemoryStream? _gzipBuffer;
    private long _posted;
    private long _timeouts;
    private long _retries;
    private long _httpErrors;

    /// <summary>Prepares the client; throws <see cref="OutputException"/> when the options cannot work (URL, certificate files).</summary>
    /// <param name="options">Falco's <c>http_output</c> block.</param>
    /// <param name="jsonOutput">Falco's <c>json_output</c>: decides the Content-Type.</param>
    /// <param name="echo">Where answers go when <see cref="HttpOutputOptions.Echo"/> is on (standard output); null discards them.</param>
    public HttpOutput(HttpOutputOptions options, bool jsonOutput, Stream? echo = null)
        : this(options, jsonOutput, echo is null ? null : new LineWriter(echo, buffered: false))
    {
    }

    internal HttpOutput(HttpOutputOptions options, bool jsonOutput, LineWriter? echo)
    {
        _options = options;
        _json = jsonOutput;
        _uri = ParseUrl(options.Url);
        _echo = options.Echo ? echo : null;
        _gzipBuffer = options.GzipRequestBody ? new MemoryStream() : null;
        _client = new HttpClient(CreateHandler(options, _uri), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Name => "http";

    /// <summary>The URL posted to, after unquoting.</summary>
    public Uri Url => _uri;

    public IEnumerable<KeyValuePair<string, long>> ExtraCounters =>
    [
        new("posts", Interlocked.Read(ref _posted)),
        new("timeouts", Interlocked.Read(ref _timeouts)),
        new("retries", Interlocked.Read(ref _retries)),
        new("http_errors", Interlocked.Read(ref _httpErrors)),
    ];

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        // The body is copied: the alert's buffer returns to the pool when this call returns,
        // and the handler must never read a buffer that already holds the next alert.
        var body = _gzipBuffer is null ? alert.Line.ToArray() : Gzip(alert.Line);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(abort);
            timeout.CancelAfter(_options.RequestTimeout);
            try
            {
                Post(body, timeout.Token);
                return;
            }
            catch (Exception e) when (e is not OutputException && timeout.IsCancellationRequested)
            {
                if (abort.IsCancellationRequested)
                {
                    throw new OutputException($"post to {_uri} abandoned at shutdown", e);
                }

                Interlocked.Increment(ref _timeouts);
                if (attempt > _options.MaxConsecutiveTimeouts)
                {
                    throw new OutputException(
                        $"post to {_uri} timed out after {(long)_options.RequestTimeout.TotalMilliseconds} ms ({attempt} attempt{(attempt == 1 ? "" : "s")})", e);
                }

                Interlocked.Increment(ref _retries);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                throw new OutputException($"post to {_uri} failed: {Describe(e)}", e);
            }
        }
    }

    public void Close(CancellationToken abort) => _echo?.Flush();

    public void Dispose()
    {
        _client.Dispose();
        _gzipBuffer?.Dispose();
    }

    private void Post(byte[] body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = _json ? Json : Text;
        if (_gzipBuffer is not null)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        if (_options.UserAgent.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        }

        request.Headers.Accept.Add(AnyMedia);
        if (_options.CompressUploads)
        {
            // What curl's CURLOPT_TRANSFER_ENCODING sends: a request for a gzip-coded answer.
            request.Headers.TE.Add(GzipCoding);
            request.Headers.Connection.Add("TE");
        }

        using var response = _client.Send(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
        Interlocked.Increment(ref _posted);
        using (cancellation.Register(static r => ((HttpResponseMessage)r!).Dispose(), response))
        {
            ReadAnswer(response, cancellation);
        }

        cancellation.ThrowIfCancellationRequested();
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref _httpErrors);
            throw new OutputException($"post to {_uri} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
    }

    /// <summary>Reads the answer to the end (so the connection can be reused), echoing it when asked.</summary>
    private void ReadAnswer(HttpResponseMessage response, CancellationToken cancellation)
    {
        Stream stream = response.Content.ReadAsStream(cancellation);
        if (_echo is not null && response.Headers.TransferEncoding.Any(t => string.Equals(t.Value, "gzip", StringComparison.OrdinalIgnoreCase)))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        using (stream)
        {
            Span<byte> chunk = stackalloc byte[4096];
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                _echo?.Write(chunk[..read]);
            }
        }
    }

    private byte[] Gzip(ReadOnlySpan<byte> line)
    {
        var buffer = _gzipBuffer!;
        buffer.SetLength(0);
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(line);
        }

        return buffer.ToArray();
    }

    private static string Describe(Exception e)
    {
        var text = new StringBuilder(e.Message);
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!text.ToString().Contains(inner.Message, StringComparison.Ordinal))
            {
                text.Append(" (").Append(inner.Message).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The URL as Falco hands it to curl: surrounding quotes removed and the text unescaped;
    /// like curl, a URL without a scheme is taken as http.
    /// </summary>
    internal static Uri ParseUrl(string url)
    {
        var text = url;
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0])
        {
            try
            {
                text = Encoding.UTF8.GetString(ConditionEscaping.Unescape(Encoding.UTF8.GetBytes(text)));
            }
            catch (FormatException e)
            {
                throw new OutputException($"invalid http_output.url {url}: {e.Message}", e);
            }
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "http://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new OutputException($"invalid http_output.url {url}: an http or https URL is required");
        }

        return uri;
    }

    private static SocketsHttpHandler CreateHandler(HttpOutputOptions options, Uri uri)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ConnectTimeout = options.RequestTimeout,
        };

        if (options.KeepAlive)
        {
            handler.ConnectCallback = ConnectWithKeepAlive;
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            handler.SslOptions = CreateTls(options);
        }

        return handler;
    }

    /// <summary>The TLS side, mapped from curl's options.</summary>
    private static SslClientAuthenticationOptions CreateTls(HttpOutputOptions options)
    {
        var tls = new SslClientAuthenticationOptions();
        if (options.Insecure)
        {
            // CURLOPT_SSL_VERIFYPEER and CURLOPT_SSL_VERIFYHOST off.
            tls.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
        }
        else
        {
            var roots = LoadTrustedRoots(options);
            if (roots is not null)
            {
                var policy = new X509ChainPolicy
                {
                    TrustMode = X509ChainTrustMode.CustomRootTrust,
                    RevocationMode = X509RevocationMode.NoCheck,
                };
                policy.CustomTrustStore.AddRange(roots);
                tls.CertificateChainPolicy = policy;
            }
        }

        if (options.Mtls)
        {
            var certificate = LoadClientCertificate(options.ClientCert, options.ClientKey);
            tls.ClientCertificates = [certificate];

            // curl presents its certificate whatever CAs the server names; .NET would withhold it
            // when the server's list does not name its issuer.
            tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate;
        }

        return tls;
    }

    /// <summary>
    /// <c>ca_cert</c>, else <c>ca_bundle</c>, else <c>ca_path</c> (as Falco picks them); null
    /// means the system store (<c>ca_path</c> empty or its default, which is the system's folder).
    /// </summary>
    private static X509Certificate2Collection? LoadTrustedRoots(HttpOutputOptions options)
    {
        if (options.CaCert.Length > 0)
        {
            return LoadPem(options.CaCert, "ca_cert");
        }

        if (options.CaBundle.Length > 0)
        {
            return LoadPem(options.CaBundle, "ca_bundle");
        }

        if (options.CaPath.Length == 0 || Path.TrimEndingDirectorySeparator(options.CaPath) == HttpOutputOptions.DefaultCaPath)
        {
            return null;
        }

        if (!Directory.Exists(options.CaPath))
        {
            throw new OutputException($"http_output.ca_path {options.CaPath} is not a directory");
        }

        var all = new X509Certificate2Collection();
        foreach (var file in Directory.EnumerateFiles(options.CaPath))
        {
            try
            {
                all.ImportFromPemFile(file);
            }
            catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
            {
                // Not a certificate (OpenSSL folders hold other files too).
            }
        }

        if (all.Count == 0)
        {
            throw new OutputException($"http_output.ca_path {options.CaPath} holds no PEM certificate");
        }

        return all;
    }

    private static X509Certificate2Collection LoadPem(string path, string key)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot read http_output.{key} {path}: {e.Message}", e);
        }

        if (certificates.Count == 0)
        {
            throw new OutputException($"http_output.{key} {path} holds no PEM certificate");
        }

        return certificates;
    }

    private static X509Certificate2 LoadClientCertificate(string certificatePath, string keyPath)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);

            // Through PKCS#12 so the key is usable by the TLS stack on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new OutputException($"cannot load the mTLS client certificate {certificatePath} / key {keyPath}: {e.Message}", e);
        }
    }

    /// <summary>Connects with TCP keep-alive probes, as curl's <c>CURLOPT_TCP_KEEPALIVE</c> (idle 60 s, interval 60 s).</summary>
    private static async ValueTask<Stream> ConnectWithKeepAlive(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 60);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 60);
            await socket.ConnectAsync(context.DnsEndPoint, cancellation).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
