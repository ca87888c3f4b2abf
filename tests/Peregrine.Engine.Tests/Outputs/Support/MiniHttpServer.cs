using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Peregrine.Engine.Tests.Outputs;

/// <summary>One request as it arrived on the wire.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Target,
    string Version,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    int ConnectionId,
    X509Certificate? ClientCertificate)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>What the server answers; a delay longer than the client's timeout makes it time out.</summary>
internal sealed record ServerReply(int Status = 200, string Body = "", int DelayMs = 0, IReadOnlyList<KeyValuePair<string, string>>? Headers = null, byte[]? RawBody = null);

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 over <see cref="TcpListener"/>, optionally TLS (with
/// an optional client-certificate requirement): records requests exactly as received
/// (headers in order, raw body), answers with Content-Length, keeps connections alive. It runs
/// on its own threads with blocking I/O, so a busy thread pool cannot delay it into the
/// client's timeouts.
/// </summary>
internal sealed class MiniHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, ServerReply> _handler;
    private readonly X509Certificate2? _certificate;
    private readonly bool _requireClientCertificate;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private int _connections;

    public MiniHttpServer(Func<RecordedRequest, ServerReply>? handler = null, X509Certificate2? certificate = null, bool requireClientCertificate = false)
    {
        _handler = handler ?? (_ => new ServerReply());
        _certificate = certificate;
        _requireClientCertificate = requireClientCertificate;
        _listener.Start();
        new Thread(AcceptLoop) { IsBackground = true, Name = "mini-http-accept" }.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Connections accepted (TLS handshakes included, successful or not).</summary>
    public int Connections => Volatile.Read(ref _connections);

    public string Url(string path = "/") => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private void AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (Exception)
            {
                return;
            }

            _clients.Add(client);
            var id = Interlocked.Increment(ref _connections);
            new Thread(() => Serve(client, id)) { IsBackground = true, Name = "mini-http-connection" }.Start();
        }
    }

    private void Serve(TcpClient client, int id)
    {
        using (client)
        {
            try
            {
                Stream stream = client.GetStream();
                X509Certificate? clientCertificate = null;
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                    ssl.AuthenticateAsServer(
                        new SslServerAuthenticationOptions
                        {
                            ServerCertificate = _certificate,
                            ClientCertificateRequired = _requireClientCertificate,
                            RemoteCertificateValidationCallback = (_, certificate, _, _) => !_requireClientCertificate || certificate is not null,
                        });
                    clientCertificate = ssl.RemoteCertificate;
                    stream = ssl;
                }

                var reader = new WireReader(stream);
                while (true)
                {
                    var request = ReadRequest(reader, id, clientCertificate);
                    if (request is null)
                    {
                        return;
                    }

                    Requests.Enqueue(request);
                    var reply = _handler(request);
                    if (reply.DelayMs > 0 && _stop.Token.WaitHandle.WaitOne(reply.DelayMs))
                    {
                        return;
                    }

                    var body = reply.RawBody ?? Encoding.UTF8.GetBytes(reply.Body);
                    var head = new StringBuilder()
                        .Append("HTTP/1.1 ").Append(reply.Status).Append(' ').Append(Reason(reply.Status)).Append("\r\n");
                    var chunked = false;
                    foreach (var (name, value) in reply.Headers ?? [])
                    {
                        head.Append(name).Append(": ").Append(value).Append("\r\n");
                        chunked |= name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && value.Contains("chunked");
                    }

                    if (!chunked)
                    {
                        head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
                    }

                    head.Append("\r\n");
                    stream.Write(Encoding.ASCII.GetBytes(head.ToString()));
                    if (chunked)
                    {
                        stream.Write(Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"));
                        stream.Write(body);
                        stream.Write("\r\n0\r\n\r\n"u8);
                    }
                    else
                    {
                        stream.Write(body);
                    }

                    stream.Flush();
                }
            }
            catch (Exception)
            {
                // The client went away (timeouts, failed handshakes): that is what some tests want.
            }
        }
    }

    private static RecordedRequest? ReadRequest(WireReader reader, int id, X509Certificate? clientCertificate)
    {
        var requestLine = reader.ReadLine();
        if (requestLine is null)
        {
            return null;
        }

        var parts = requestLine.Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        while (true)
        {
            var line = reader.ReadLine() ?? throw new IOException("truncated headers");
            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        byte[] body;
        var length = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var encoding = headers.FirstOrDefault(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Value;
        if (length is not null)
        {
            body = reader.ReadBytes(int.Parse(length));
        }
        else if (encoding is not null && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            var all = new MemoryStream();
            while (true)
            {
                var size = Convert.ToInt32(reader.ReadLine()!.Split(';')[0], 16);
                if (size == 0)
                {
                    reader.ReadLine();
                    break;
                }

                all.Write(reader.ReadBytes(size));
                reader.ReadLine();
            }

            body = all.ToArray();
        }
        else
        {
            body = [];
        }

        return new RecordedRequest(parts[0], parts[1], parts[2], headers, body, id, clientCertificate);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        400 => "Bad Request",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>Reads CRLF lines and exact byte counts off a stream.</summary>
    private sealed class WireReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public string? ReadLine()
        {
            var line = new MemoryStream();
            while (true)
            {
                if (_start == _end && !Fill())
                {
                    return line.Length == 0 ? null : throw new IOException("truncated line");
                }

                var b = _buffer[_start++];
                if (b == (byte)'\n')
                {
                    var bytes = line.ToArray();
                    var count = bytes.Length > 0 && bytes[^1] == (byte)'\r' ? bytes.Length - 1 : bytes.Length;
                    return Encoding.Latin1.GetString(bytes, 0, count);
                }

                line.WriteByte(b);
            }
        }

        public byte[] ReadBytes(int count)
        {
            var result = new byte[count];
            var filled = 0;
            while (filled < count)
            {
                if (_start == _end && !Fill())
                {
                    throw new IOException("truncated body");
                }

                var n = Math.Min(count - filled, _end - _start);
                Array.Copy(_buffer, _start, result, filled, n);
                _start += n;
                filled += n;
            }

            return result;
        }

        private bool Fill()
        {
            _start = 0;
            _end = stream.Read(_buffer);
            return _end > 0;
        }
    }
}
