using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Peregrine.Cli.Tests.Support;

/// <summary>One request received by <see cref="HttpRecorder"/>.</summary>
internal sealed record RecordedPost(string Method, string Path, string? ContentType, string Body);

/// <summary>
/// An HTTP listener on 127.0.0.1 that answers 200 to everything and records each request, for
/// <c>http_output</c>. Requests are served one at a time, in arrival order.
/// </summary>
internal sealed class HttpRecorder : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<RecordedPost> _requests = new();
    private readonly Thread _loop;

    public HttpRecorder()
    {
        // HttpListener cannot pick a free port itself: take one from the OS, retry if it was taken meanwhile.
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener = new HttpListener();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Close();
            }
        }
        _loop = new Thread(Serve) { IsBackground = true, Name = "http recorder" };
        _loop.Start();
    }

    public int Port { get; }

    public string Url(string path = "/") => $"http://127.0.0.1:{Port}{path}";

    public IReadOnlyList<RecordedPost> Requests => _requests.ToArray();

    public void Dispose()
    {
        _listener.Close();
        _loop.Join(TimeSpan.FromSeconds(5));
    }

    private void Serve()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = _listener.GetContext();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            _requests.Enqueue(new RecordedPost(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, reader.ReadToEnd()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
