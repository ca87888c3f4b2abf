namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>What the open parameters name.</summary>
internal enum OpenTargetKind
{
    /// <summary>A file or a directory of files, read once to the end.</summary>
    Files,

    /// <summary>A file followed as it grows (<c>file://path</c>).</summary>
    FollowedFile,

    /// <summary>The audit webhook to listen on (<c>http://</c> or <c>https://</c>).</summary>
    Webhook,
}

/// <summary>The open parameters, read: what to open and where.</summary>
/// <param name="Kind">The kind of source.</param>
/// <param name="Location">The path (files) or the whole address (webhook).</param>
internal readonly record struct OpenTarget(OpenTargetKind Kind, string Location);

/// <summary>
/// Reads the open parameters as upstream does: a URL scheme picks the source (http and https the
/// webhook, file a followed file), no scheme means a path, and any other scheme is refused.
/// </summary>
internal static class OpenParams
{
    public static OpenTarget Parse(string parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var scheme = Scheme(parameters);
        switch (scheme)
        {
            case "http":
            case "https":
                return new OpenTarget(OpenTargetKind.Webhook, parameters.Trim());
            case "file":
                return new OpenTarget(OpenTargetKind.FollowedFile, FilePath(parameters.Trim()));
            case "":
                var path = parameters.Trim();
                if (path.Length == 0)
                {
                    throw new InvalidOperationException(
                        "no open parameters: give a file or directory of audit events, file://path to follow a file, or http(s)://[host]:port/path for the webhook");
                }

                return new OpenTarget(OpenTargetKind.Files, path);
            default:
                throw new InvalidOperationException($"scheme \"{scheme}\" is not supported");
        }
    }

    /// <summary>
    /// The URL scheme, lowercased, or empty when there is none. As in Go's URL parser, a scheme is a
    /// letter followed by letters, digits, '+', '-' or '.', then ':'; a ':' first is an error.
    /// </summary>
    private static string Scheme(string parameters)
    {
        var text = parameters.TrimStart();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))
            {
                continue;
            }

            if (c != ':')
            {
                return string.Empty;
            }

            if (i == 0)
            {
                throw new InvalidOperationException($"invalid open parameters '{parameters}': missing protocol scheme");
            }

            return text[..i].ToLowerInvariant();
        }

        return string.Empty;
    }

    /// <summary>The path of a <c>file:</c> URL: after <c>file://</c> and an optional host, percent-decoded.</summary>
    private static string FilePath(string url)
    {
        var rest = url[(url.IndexOf(':') + 1)..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            // file://host/path: the host part is not part of the path (file:///path has none).
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        var query = rest.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            rest = rest[..query];
        }

        var path = Uri.UnescapeDataString(rest);
        if (path.Length == 0)
        {
            throw new InvalidOperationException($"invalid open parameters '{url}': a file:// URL needs a path, e.g. file:///var/log/kubernetes/audit.log");
        }

        return path;
    }
}
