using System.Net;
using System.Net.Sockets;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// A tiny AWS endpoint for tests, holding everything in memory: path-style S3 (ListObjectsV2 with
/// prefix, delimiter, start-after and continuation in pages of <see cref="PageSize"/> keys, and
/// GetObject) and SQS over its JSON protocol (GetQueueUrl, ReceiveMessage, DeleteMessage).
/// </summary>
internal sealed class FakeAwsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly Task _serving;

    private readonly Dictionary<string, Queue<string>> _queues = [];

    public FakeAwsServer(string bucket)
    {
        Bucket = bucket;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Bucket { get; }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public int PageSize { get; set; } = 2;

    public List<string> Requests { get; } = [];

    public List<string> Deleted { get; } = [];

    public void Put(string key, byte[] content) => _objects[key] = content;

    public void Send(string queue, string body)
    {
        lock (_queues)
        {
            if (!_queues.TryGetValue(queue, out var messages))
            {
                _queues[queue] = messages = new Queue<string>();
            }

            messages.Enqueue(body);
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                Handle(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        if (context.Request.Headers["X-Amz-Target"] is { } target)
        {
            HandleSqs(context, target);
            return;
        }

        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath).TrimStart('/');
        lock (Requests)
        {
            Requests.Add(context.Request.HttpMethod + " " + context.Request.Url.PathAndQuery);
        }

        var slash = path.IndexOf('/');
        var bucket = slash < 0 ? path : path[..slash];
        var key = slash < 0 ? string.Empty : path[(slash + 1)..];
        if (bucket != Bucket)
        {
            Error(context, 404, "NoSuchBucket", "The specified bucket does not exist");
        }
        else if (key.Length == 0 && context.Request.QueryString["list-type"] == "2")
        {
            List(context);
        }
        else if (_objects.TryGetValue(key, out var content))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/octet-stream";
            // The SDK checks a single-part object's content against its ETag, an MD5.
            context.Response.Headers["ETag"] = ETag(content);
            context.Response.ContentLength64 = content.Length;
            context.Response.OutputStream.Write(content);
        }
        else
        {
            Error(context, 404, "NoSuchKey", "The specified key does not exist.");
        }
    }

    private void List(HttpListenerContext context)
    {
        var query = context.Request.QueryString;
        var prefix = query["prefix"] ?? string.Empty;
        var delimiter = query["delimiter"];
        var after = query["continuation-token"] ?? query["start-after"] ?? string.Empty;
        var contents = new List<string>();
        var prefixes = new SortedSet<string>(StringComparer.Ordinal);
        var truncated = false;
        string? last = null;
        foreach (var key in _objects.Keys)
        {
            // A page ends after a key or a whole common prefix, which the next page skips.
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || string.CompareOrdinal(key, after) <= 0
                || (delimiter is not null && after.EndsWith(delimiter, StringComparison.Ordinal) && key.StartsWith(after, StringComparison.Ordinal)))
            {
                continue;
            }

            var rest = key[prefix.Length..];
            var cut = delimiter is null ? -1 : rest.IndexOf(delimiter, StringComparison.Ordinal);
            var entry = cut >= 0 ? prefix + rest[..(cut + delimiter!.Length)] : key;
            if (entry == last)
            {
                continue;
            }

            if (contents.Count + prefixes.Count >= PageSize)
            {
                truncated = true;
                break;
            }

            if (cut >= 0)
            {
                prefixes.Add(entry);
            }
            else
            {
                contents.Add(key);
            }

            last = entry;
        }

        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        xml.Append($"<Name>{Bucket}</Name><Prefix>{SecurityElement.Escape(prefix)}</Prefix><KeyCount>{contents.Count + prefixes.Count}</KeyCount>");
        xml.Append($"<MaxKeys>1000</MaxKeys><IsTruncated>{(truncated ? "true" : "false")}</IsTruncated>");
        if (truncated)
        {
            xml.Append($"<NextContinuationToken>{SecurityElement.Escape(last)}</NextContinuationToken>");
        }

        foreach (var key in contents)
        {
            xml.Append($"<Contents><Key>{SecurityElement.Escape(key)}</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>");
            xml.Append($"<ETag>{SecurityElement.Escape(ETag(_objects[key]))}</ETag><Size>{_objects[key].Length}</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }

        foreach (var common in prefixes)
        {
            xml.Append($"<CommonPrefixes><Prefix>{SecurityElement.Escape(common)}</Prefix></CommonPrefixes>");
        }

        xml.Append("</ListBucketResult>");
        Send(context, 200, xml.ToString());
    }

    private void HandleSqs(HttpListenerContext context, string target)
    {
        using var body = JsonDocument.Parse(context.Request.InputStream);
        var request = body.RootElement;
        lock (Requests)
        {
            Requests.Add(target);
        }

        lock (_queues)
        {
            switch (target)
            {
                case "AmazonSQS.GetQueueUrl":
                    var name = request.GetProperty("QueueName").GetString()!;
                    if (!_queues.ContainsKey(name))
                    {
                        SendJson(context, 400, $$"""{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "The specified queue does not exist."}""");
                        return;
                    }

                    SendJson(context, 200, JsonSerializer.Serialize(new Dictionary<string, string> { ["QueueUrl"] = $"{Url}/000000000000/{name}" }));
                    return;
                case "AmazonSQS.ReceiveMessage":
                    var queue = request.GetProperty("QueueUrl").GetString()!.Split('/')[^1];
                    if (!_queues[queue].TryDequeue(out var message))
                    {
                        SendJson(context, 200, "{}");
                        return;
                    }

                    var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(message)));
                    var handle = "handle-" + Guid.NewGuid().ToString("N");
                    SendJson(context, 200, JsonSerializer.Serialize(new Dictionary<string, object>
                    {
                        ["Messages"] = new[] { new Dictionary<string, string> { ["MessageId"] = handle, ["ReceiptHandle"] = handle, ["MD5OfBody"] = md5, ["Body"] = message } },
                    }));
                    return;
                case "AmazonSQS.DeleteMessage":
                    Deleted.Add(request.GetProperty("ReceiptHandle").GetString()!);
                    SendJson(context, 200, "{}");
                    return;
                default:
                    SendJson(context, 400, $$"""{"__type": "com.amazonaws.sqs#InvalidAction", "message": "{{target}}"}""");
                    return;
            }
        }
    }

    private static void SendJson(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
    }

    private static string ETag(byte[] content) =>
        "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(content)) + "\"";

    private static void Error(HttpListenerContext context, int status, string code, string message) =>
        Send(context, status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>req</RequestId></Error>");

    private static void Send(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
    }
}
