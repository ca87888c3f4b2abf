using System.Globalization;

namespace Peregrine.Plugins.K8sAudit.Webhook;

/// <summary>
/// Where the webhook listens, read from the open parameters (<c>http://:9765/k8s-audit</c>,
/// <c>https://10.0.0.1:443/audit</c>...). Parsed by hand rather than through <see cref="Uri"/>:
/// upstream's default open parameters leave the host empty to mean "every interface", and
/// <see cref="Uri"/> refuses an empty host.
/// </summary>
internal sealed record WebhookEndpoint
{
    private WebhookEndpoint(bool secure, string host, int port, string path)
    {
        Secure = secure;
        Host = host;
        Port = port;
        Path = path;
    }

    /// <summary>Whether this is https (TLS with the configured certificate).</summary>
    public bool Secure { get; }

    /// <summary>An IP literal (IPv6 without brackets), a host name, or empty for every interface.</summary>
    public string Host { get; }

    /// <summary>The TCP port; 0 lets the system pick one (tests).</summary>
    public int Port { get; }

    /// <summary>
    /// The decoded path served. As in Go's ServeMux, which upstream registers it with, a path
    /// ending in '/' serves everything below it and any other path serves only itself.
    /// </summary>
    public string Path { get; }

    /// <summary>Whether <paramref name="text"/> names a webhook (http or https) rather than a file.</summary>
    public static bool IsWebhook(string text) =>
        text.TrimStart().StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads <c>http[s]://[host][:port][/path]</c>; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static WebhookEndpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var separator = trimmed.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? string.Empty : trimmed[..separator];
        var secure = scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        if (!secure && !scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{text}' is not an http:// or https:// address");
        }

        var rest = trimmed[(separator + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var path = end < 0 || rest[end] != '/' ? string.Empty : rest[end..];
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            path = path[..query];
        }

        // Credentials before '@' are no part of where to listen; Go's URL parser drops them too.
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var (host, port) = SplitHostPort(authority, text);
        return new WebhookEndpoint(
            secure,
            host,
            port ?? (secure ? 443 : 80),
            path.Length == 0 ? "/" : Uri.UnescapeDataString(path));
    }

    /// <summary>Whether a request for <paramref name="requestPath"/> (decoded) is served.</summary>
    public bool Serves(string requestPath) =>
        Path.EndsWith('/')
            ? requestPath.StartsWith(Path, StringComparison.Ordinal)
            : requestPath.Equals(Path, StringComparison.Ordinal);

    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return $"{(Secure ? "https" : "http")}://{host}:{Port.ToString(CultureInfo.InvariantCulture)}{Path}";
    }

    private static (string Host, int? Port) SplitHostPort(string authority, string text)
    {
        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"'{text}' has an IPv6 address without its closing ']'");
            }

            host = authority[1..close];
            var after = authority[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    throw new FormatException($"'{text}' has text after its IPv6 address that is not a port");
                }

                port = after[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (port is null or "")
        {
            return (host, null);
        }

        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
        {
            throw new FormatException($"'{text}' has an invalid port '{port}'");
        }

        return (host, number);
    }
}
