using Amazon.S3;
using Amazon.S3.Model;
using Peregrine.Plugins.CloudTrail.Reading;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// Downloads S3 log files ahead of reading, up to s3DownloadConcurrency at a time, and hands them
/// out in order. Memory is bounded by that many files. A download that fails, or receives nothing
/// for <see cref="AwsSettings.IdleTimeout"/>, fails the read of that file with its s3:// name.
/// </summary>
internal sealed class S3Downloads : IDisposable
{
    // How long a read waits for the next file before telling the host to poll again.
    private static readonly TimeSpan WaitForFile = TimeSpan.FromMilliseconds(200);

    private readonly AmazonS3Client _client;
    private readonly AwsSettings _settings;
    private readonly int _concurrency;
    private readonly List<S3ObjectRef> _objects = [];
    private readonly Queue<(S3ObjectRef Object, Task<MemoryStream> Download)> _running = new();
    private readonly CancellationTokenSource _closing = new();
    private int _started;

    public S3Downloads(AmazonS3Client client, AwsSettings settings, int concurrency)
    {
        _client = client;
        _settings = settings;
        _concurrency = concurrency;
    }

    /// <summary>Objects known so far.</summary>
    public int Count => _objects.Count;

    /// <summary>Whether every known object has been handed out.</summary>
    public bool IsDrained => _started == _objects.Count && _running.Count == 0;

    public void Add(S3ObjectRef item) => _objects.Add(item);

    /// <summary>The next downloaded file, Pending while it is on its way, End when all are handed out.</summary>
    public LogFileStatus TryTakeNext(out LogFile? file)
    {
        file = null;
        while (_running.Count < _concurrency && _started < _objects.Count)
        {
            var item = _objects[_started++];
            _running.Enqueue((item, DownloadAsync(item)));
        }

        if (_running.Count == 0)
        {
            return LogFileStatus.End;
        }

        var (next, download) = _running.Peek();
        try
        {
            if (!download.Wait(WaitForFile))
            {
                return LogFileStatus.Pending;
            }
        }
        catch (AggregateException e)
        {
            _running.Dequeue();
            throw AwsCall.Failure($"cannot download {next}", _settings.Target, e, timedOut: false);
        }

        _running.Dequeue();
        file = LogFile.Open(next.ToString(), download.Result);
        return LogFileStatus.Ready;
    }

    public void Dispose()
    {
        _closing.Cancel();
        _client.Dispose();
        _closing.Dispose();
    }

    private async Task<MemoryStream> DownloadAsync(S3ObjectRef item)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
        deadline.CancelAfter(AwsSettings.CallTimeout);
        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = item.Bucket, Key = item.Key }, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!_closing.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer from {_settings.Target} within {AwsSettings.CallTimeout.TotalSeconds:0} s", e);
        }

        using (response)
        {
            var content = new MemoryStream(response.ContentLength > 0 ? (int)Math.Min(response.ContentLength, int.MaxValue) : 0);
            var buffer = new byte[64 * 1024];
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
            while (true)
            {
                idle.CancelAfter(AwsSettings.IdleTimeout);
                int read;
                try
                {
                    read = await response.ResponseStream.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!_closing.IsCancellationRequested)
                {
                    throw new TimeoutException($"the download stalled for {AwsSettings.IdleTimeout.TotalSeconds:0} s", e);
                }

                if (read == 0)
                {
                    break;
                }

                content.Write(buffer, 0, read);
            }

            content.Position = 0;
            return content;
        }
    }
}
