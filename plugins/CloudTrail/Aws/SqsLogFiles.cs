using Amazon.SQS;
using Amazon.SQS.Model;
using Peregrine.Plugins.CloudTrail.Reading;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// The log files announced on an SQS queue (<c>sqs://queue</c>): each message is an SNS notification
/// naming new log files in S3 (CloudTrail's own notification, or with useS3SNS an S3 event
/// notification), which are then downloaded and read. The queue is polled for ever: an empty
/// queue makes the host poll again later. Messages are deleted on receipt when sqsDelete is set.
/// </summary>
internal sealed class SqsLogFiles : LogFileSource
{
    private readonly AmazonSQSClient _queue;
    private readonly AwsSettings _settings;
    private readonly CloudTrailConfig _config;
    private readonly string _queueName;
    private readonly string _queueUrl;
    private readonly S3Downloads _downloads;

    private SqsLogFiles(AmazonSQSClient queue, AwsSettings settings, CloudTrailConfig config, string queueName, string queueUrl)
    {
        _queue = queue;
        _settings = settings;
        _config = config;
        _queueName = queueName;
        _queueUrl = queueUrl;
        _downloads = new S3Downloads(settings.CreateS3Client(), settings, Math.Max(1, config.S3DownloadConcurrency));
    }

    public override int Known => _downloads.Count;

    /// <summary>Finds the queue and takes its first message, as upstream does at open.</summary>
    public static SqsLogFiles Open(CloudTrailConfig config, string queueName)
    {
        if (queueName.Length == 0)
        {
            throw new ArgumentException("cloudtrail plugin error: the open parameter sqs:// names no queue");
        }

        var settings = AwsSettings.From(config.Aws);
        var queue = settings.CreateSqsClient();
        try
        {
            var request = new GetQueueUrlRequest { QueueName = queueName };
            if (config.SqsOwnerAccount.Length > 0)
            {
                request.QueueOwnerAWSAccountId = config.SqsOwnerAccount;
            }

            var url = AwsCall.Run($"cannot find SQS queue {queueName}", settings.Target, cancel => queue.GetQueueUrlAsync(request, cancel)).QueueUrl;
            var files = new SqsLogFiles(queue, settings, config, queueName, url);
            files.ReceiveOne();
            return files;
        }
        catch
        {
            queue.Dispose();
            throw;
        }
    }

    public override LogFileStatus TryOpenNext(out LogFile? file)
    {
        if (_downloads.IsDrained)
        {
            ReceiveOne();
        }

        var status = _downloads.TryTakeNext(out file);
        if (status == LogFileStatus.Ready)
        {
            Opened++;
        }

        // The queue never ends: nothing to read means "later".
        return status == LogFileStatus.End ? LogFileStatus.Pending : status;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _downloads.Dispose();
            _queue.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ReceiveOne()
    {
        var received = AwsCall.Run($"cannot receive from SQS queue {_queueName}", _settings.Target, cancel => _queue.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = _queueUrl, MaxNumberOfMessages = 1, MessageAttributeNames = ["All"], WaitTimeSeconds = 1 }, cancel));
        if (received.Messages is not [var message, ..])
        {
            return;
        }

        if (_config.SqsDelete)
        {
            AwsCall.Run($"cannot delete a message from SQS queue {_queueName}", _settings.Target, cancel => _queue.DeleteMessageAsync(
                new DeleteMessageRequest { QueueUrl = _queueUrl, ReceiptHandle = message.ReceiptHandle }, cancel));
        }

        foreach (var item in Notification.Files(message.Body, _config.UseS3Sns, _queueName))
        {
            _downloads.Add(item);
        }
    }
}
