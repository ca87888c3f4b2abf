using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// Answers one webhook request. The checks and messages are upstream's (405, then 400 for the
/// content type, then the body limit), with one deliberate difference: a body that is not JSON or
/// not an audit Event/EventList is refused with 400 and its reason, where upstream answers 200 and
/// only logs it later, so a misconfigured sender learns at once that nothing was taken. Events of a
/// good body are queued before the 200, so a full queue slows the sender rather than losing events.
/// </summary>
internal sealed class WebhookRequestHandler(
    WebhookEndpoint endpoint,
    K8sAuditConfig config,
    AuditEventQueue queue,
    Action<string> log,
    CancellationToken stopping)
{
    // Bodies read and parsed at once. Each holds up to webhookMaxBatchSize twice (raw and parsed),
    // so this bounds the memory of concurrent senders; further requests wait, unread.
    private const int ConcurrentBodies = 4;

    private readonly SemaphoreSlim _bodies = new(ConcurrentBodies, ConcurrentBodies);

    /// <summary>Never throws: any failure becomes an error response and a log line.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await HandleCoreAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await TryRespondAsync(context, StatusCodes.Status503ServiceUnavailable, "the k8s audit webhook is shutting down").ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The sender went away (a cancelled read, a reset connection): there is no one to answer,
            // and nothing of the request was queued.
        }
        catch (BadHttpRequestException e)
        {
            // Raised by Kestrel while reading the body: a malformed chunked body, a client too slow...
            await TryRespondAsync(context, e.StatusCode, $"bad request: {e.Message}").ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log($"request failed: {e.Message}");
            await TryRespondAsync(context, StatusCodes.Status500InternalServerError, "internal error").ConfigureAwait(false);
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        if (!endpoint.Serves(request.Path.Value ?? "/"))
        {
            // Go's ServeMux answer for a path nothing is registered on.
            await RespondAsync(context, StatusCodes.Status404NotFound, "404 page not found").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "POST";
            await RespondAsync(context, StatusCodes.Status405MethodNotAllowed, $"{request.Method} method not allowed").ConfigureAwait(false);
            return;
        }

        // Upstream looks for the text anywhere in the header (so "application/json; charset=utf-8"
        // passes); media types are case-insensitive, so this check is too.
        if (request.ContentType is not { } contentType
            || !contentType.Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await RespondAsync(context, StatusCodes.Status400BadRequest, "wrong Content Type").ConfigureAwait(false);
            return;
        }

        // Waits end when the stream closes or the sender goes away; a sender that left is not
        // queued for, since it will send the request again.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping, context.RequestAborted);
        await _bodies.WaitAsync(waiting.Token).ConfigureAwait(false);
        try
        {
            await ReadParseAndQueueAsync(context, waiting.Token).ConfigureAwait(false);
        }
        finally
        {
            _bodies.Release();
        }
    }

    private async Task ReadParseAndQueueAsync(HttpContext context, CancellationToken waiting)
    {
        var limit = BodyLimit(config);
        var body = await ReadBodyAsync(context.Request, limit, context.RequestAborted).ConfigureAwait(false);
        if (body.Array is null)
        {
            // 413 rather than upstream's 400: the status says what is wrong, and both are refusals.
            var tooLarge = $"bad request: request body too large (webhookMaxBatchSize is {limit.ToString(CultureInfo.InvariantCulture)} bytes)";
            Log(tooLarge);
            await RespondAsync(context, StatusCodes.Status413PayloadTooLarge, tooLarge).ConfigureAwait(false);
            return;
        }

        var events = new List<AuditEvent>();
        var itemErrors = new List<string>();
        string? error;
        try
        {
            error = new AuditEventParser(config.MaxEventSize).Parse(body.AsMemory(), events, itemErrors);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body.Array);
        }

        if (error is not null)
        {
            Log($"refused a request: {error}");
            await RespondAsync(context, StatusCodes.Status400BadRequest, $"bad request: {error}").ConfigureAwait(false);
            return;
        }

        foreach (var itemError in itemErrors)
        {
            // Upstream logs each dropped item and keeps the rest of the request.
            Log($"dropped an audit event: {itemError}");
        }

        if (events.Count > 0)
        {
            await queue.EnqueueAsync(events, waiting).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// The whole body in a pooled array, or a default segment when it is larger than
    /// <paramref name="limit"/>. A declared length over the limit is refused before reading; a
    /// chunked body is counted as it arrives and refused once it passes the limit.
    /// </summary>
    private static async Task<ArraySegment<byte>> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellation)
    {
        if (request.ContentLength > limit)
        {
            return default;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 16 * 1024, Array.MaxLength) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellation).ConfigureAwait(false);
                if (read == 0)
                {
                    return new ArraySegment<byte>(buffer, 0, length);
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return default;
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>webhookMaxBatchSize, capped to what one array can hold.</summary>
    private static long BodyLimit(K8sAuditConfig config) =>
        (long)Math.Min(config.WebhookMaxBatchSize, (ulong)Array.MaxLength - 1);

    private static Task RespondAsync(HttpContext context, int status, string message)
    {
        // As Go's http.Error: plain text, newline-terminated, not to be sniffed as anything else.
        context.Response.StatusCode = status;
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
        {
            // A refused body may be left unread, and Kestrel sets no limit on it (the handler does):
            // closing the connection saves reading it to its end just to reuse the connection.
            context.Response.Headers.Connection = "close";
        }

        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return context.Response.WriteAsync(message + "\n", context.RequestAborted);
    }

    private static async Task TryRespondAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        try
        {
            context.Response.Clear();
            await RespondAsync(context, status, message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The connection is gone or closing; the answer cannot be delivered.
        }
    }

    private void Log(string message)
    {
        try
        {
            log($"webhook: {message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing logger must not turn a request into a crash.
        }
    }
}
