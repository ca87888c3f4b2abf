using Amazon.Runtime;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// Runs one AWS call with a deadline and turns its failure into one clear message: what was being
/// done, against which endpoint, and why (the service's error code, a network error, or no answer
/// in time).
/// </summary>
internal static class AwsCall
{
    public static T Run<T>(string what, string target, Func<CancellationToken, Task<T>> call)
    {
        using var deadline = new CancellationTokenSource(AwsSettings.CallTimeout);
        try
        {
            return call(deadline.Token).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            throw Failure(what, target, e, deadline.IsCancellationRequested);
        }
    }

    /// <summary>The plugin's error for a failed call.</summary>
    public static Exception Failure(string what, string target, Exception e, bool timedOut)
    {
        if (e is AggregateException { InnerException: { } inner })
        {
            e = inner;
        }

        var reason = e switch
        {
            _ when timedOut => $"no answer from {target} within {AwsSettings.CallTimeout.TotalSeconds:0} s",
            TimeoutException timeout => timeout.Message,
            AmazonServiceException { ErrorCode.Length: > 0 } service when service.InnerException is not HttpRequestException
                => $"{service.ErrorCode}: {service.Message}",
            _ when Innermost(e) is HttpRequestException or System.Net.Sockets.SocketException or IOException
                => $"cannot reach {target}: {Innermost(e).Message}",
            _ => Innermost(e).Message,
        };
        return new InvalidOperationException($"cloudtrail plugin error: {what}: {reason}", e);
    }

    private static Exception Innermost(Exception e)
    {
        // Keep the most specific network error: HttpRequestException wraps the socket error.
        while (e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
