using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// The Kestrel server behind the webhook. Built on the empty web application builder, the
/// NativeAOT-friendly one: no configuration files, no environment variables (ASPNETCORE_URLS
/// cannot move it), no logging providers (Kestrel's own messages would land on Peregrine's
/// stdout), no routing or MVC; one request delegate answers everything.
/// </summary>
internal sealed class WebhookServer : IDisposable
{
    /// <summary>Upstream's graceful shutdown: open requests get this long to finish.</summary>
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly X509Certificate2? _certificate;

    private WebhookServer(WebApplication app, X509Certificate2? certificate, IReadOnlyList<string> addresses)
    {
        _app = app;
        _certificate = certificate;
        Addresses = addresses;
    }

    /// <summary>The addresses bound, with the ports the system picked (e.g. <c>http://127.0.0.1:41234</c>).</summary>
    public IReadOnlyList<string> Addresses { get; }

    /// <summary>
    /// Listens on <paramref name="endpoint"/> and answers with <paramref name="handler"/>. Throws
    /// <see cref="InvalidOperationException"/> saying why when it cannot (certificate, address, port in use).
    /// </summary>
    public static WebhookServer Start(WebhookEndpoint endpoint, K8sAuditConfig config, WebhookRequestHandler handler)
    {
        var certificate = endpoint.Secure ? WebhookCertificate.Load(config.SslCertificate) : null;
        WebApplication? app = null;
        try
        {
            var address = ResolveAddress(endpoint);
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
            builder.WebHost.UseKestrelCore();
            if (certificate is not null)
            {
                builder.WebHost.UseKestrelHttpsConfiguration();
            }

            builder.WebHost.ConfigureKestrel(options =>
            {
                options.AddServerHeader = false;

                // The handler counts the body against webhookMaxBatchSize itself: Kestrel counts a
                // chunked body with its framing, which would refuse bodies just under the limit.
                options.Limits.MaxRequestBodySize = null;
                Action<ListenOptions> listen = listenOptions =>
                {
                    if (certificate is not null)
                    {
                        listenOptions.UseHttps(certificate);
                    }
                };
                if (address is null)
                {
                    options.ListenAnyIP(endpoint.Port, listen);
                }
                else
                {
                    options.Listen(address, endpoint.Port, listen);
                }
            });

            app = builder.Build();
            app.Run(handler.HandleAsync);
            app.StartAsync().GetAwaiter().GetResult();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
            return new WebhookServer(app, certificate, addresses);
        }
        catch (Exception e)
        {
            (app as IDisposable)?.Dispose();
            certificate?.Dispose();
            throw new InvalidOperationException($"can't listen on {endpoint}: {Describe(e)}", e);
        }
    }

    /// <summary>Stops accepting, lets open requests finish for up to 5 seconds, then closes them.</summary>
    public void Dispose()
    {
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            try
            {
                _app.StopAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // The graceful stop ran out of time; disposing below aborts what is left.
            }
        }

        ((IDisposable)_app).Dispose();
        _certificate?.Dispose();
    }

    /// <summary>
    /// The address to bind: null (every interface, IPv6 and IPv4, as Go's ":port") for an empty host,
    /// an IP literal as written, a name through DNS, taking an IPv4 address first as Go's
    /// listener does.
    /// </summary>
    private static IPAddress? ResolveAddress(WebhookEndpoint endpoint)
    {
        if (endpoint.Host.Length == 0)
        {
            return null;
        }

        if (IPAddress.TryParse(endpoint.Host, out var literal))
        {
            return literal;
        }

        IPAddress[] found;
        try
        {
            found = Dns.GetHostAddresses(endpoint.Host);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"can't resolve host '{endpoint.Host}': {e.Message}", e);
        }

        return found.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? found.FirstOrDefault()
            ?? throw new InvalidOperationException($"host '{endpoint.Host}' has no address");
    }

    private static string Describe(Exception e)
    {
        // Kestrel wraps the socket error ("address already in use") in an IOException of its own.
        var message = e.Message;
        if (e.InnerException is SocketException socket && !message.Contains(socket.Message, StringComparison.Ordinal))
        {
            message += $" ({socket.Message})";
        }

        return message;
    }
}
