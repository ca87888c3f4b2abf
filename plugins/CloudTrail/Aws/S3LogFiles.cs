using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.S3;
using Amazon.S3.Model;
using Peregrine.Plugins.CloudTrail.Reading;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// The log files of <c>s3://bucket[/prefix]</c>: every *.json and *.json.gz object below the prefix,
/// listed once at open (S3 lists keys in name order, which for CloudTrail is time order per
/// region), then downloaded ahead of reading. A prefix that ends at an account's or an
/// organization's AWSLogs folder is narrowed to the CloudTrail region folders of the accounts
/// (s3AccountList, else every account found), and s3Interval then skips files by the time in
/// their names, as upstream does.
/// </summary>
internal sealed partial class S3LogFiles : LogFileSource
{
    private readonly S3Downloads _downloads;

    private S3LogFiles(S3Downloads downloads) => _downloads = downloads;

    public override int Known => _downloads.Count;

    /// <param name="config">The init config (AWS settings, concurrency, interval, account list).</param>
    /// <param name="location">The open parameter without "s3://": bucket, then optionally "/" and a key prefix.</param>
    public static S3LogFiles Open(CloudTrailConfig config, string location)
    {
        if (config.S3DownloadConcurrency < 1)
        {
            throw new ArgumentException($"cloudtrail invalid S3DownloadConcurrency: \"{config.S3DownloadConcurrency}\"");
        }

        var slash = location.IndexOf('/');
        var bucket = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? string.Empty : location[(slash + 1)..];
        if (bucket.Length == 0)
        {
            throw new ArgumentException("cloudtrail plugin error: the open parameter s3:// names no bucket");
        }

        (DateTime? Start, DateTime? End) interval;
        try
        {
            interval = S3Interval.Parse(config.S3Interval, DateTime.UtcNow);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"cloudtrail invalid interval: \"{config.S3Interval}\": {e.Message}", e);
        }

        if (!AccountListPattern().IsMatch(config.S3AccountList))
        {
            throw new ArgumentException($"cloudtrail invalid account list: \"{config.S3AccountList}\"");
        }

        var settings = AwsSettings.From(config.Aws);
        var client = settings.CreateS3Client();
        var downloads = new S3Downloads(client, settings, config.S3DownloadConcurrency);
        try
        {
            var listing = new Listing(client, settings, bucket);
            foreach (var key in listing.Keys(prefix, config.S3AccountList, interval))
            {
                downloads.Add(new S3ObjectRef(bucket, key));
            }

            return new S3LogFiles(downloads);
        }
        catch
        {
            downloads.Dispose();
            throw;
        }
    }

    public override LogFileStatus TryOpenNext(out LogFile? file)
    {
        var status = _downloads.TryTakeNext(out file);
        if (status == LogFileStatus.Ready)
        {
            Opened++;
        }

        return status;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _downloads.Dispose();
        }

        base.Dispose(disposing);
    }

    // bucket/[prefix/]AWSLogs/<account>/ or .../AWSLogs/<org>/<account>/: one account's logs.
    [GeneratedRegex(@"/AWSLogs/(?:o-[a-z0-9]{10,32}/)?\d{12}/?$")]
    private static partial Regex AccountFolderPattern();

    // bucket/[prefix/]AWSLogs/ or .../AWSLogs/<org>/: the logs of several accounts.
    [GeneratedRegex(@"/AWSLogs(?:/o-[a-z0-9]{10,32})?/?$")]
    private static partial Regex OrganizationFolderPattern();

    [GeneratedRegex(@"^(?: *\d{12} *,?)*$")]
    private static partial Regex AccountListPattern();

    // The time in a log file's name: <account>_CloudTrail_<region>_<yyyyMMddTHHmm>Z_<unique>.json.gz
    [GeneratedRegex(@".*_CloudTrail_[^_]+_([^_]+)Z_")]
    private static partial Regex FileTimePattern();

    /// <summary>The listing of one bucket.</summary>
    private sealed class Listing(AmazonS3Client client, AwsSettings settings, string bucket)
    {
        public List<string> Keys(string prefix, string accountList, (DateTime? Start, DateTime? End) interval)
        {
            // Narrow to region folders, each listed from the interval's first day onwards.
            var origins = new List<(string Prefix, string? StartAfter)>();
            foreach (var trailFolder in TrailFolders(prefix, accountList))
            {
                foreach (var region in Folders(trailFolder))
                {
                    origins.Add((region, interval.Start is { } start ? region + start.ToString("yyyy/MM/dd/", CultureInfo.InvariantCulture) : null));
                }
            }

            string? startStamp = null;
            string? endStamp = null;
            if (origins.Count > 0)
            {
                startStamp = interval.Start?.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
                endStamp = interval.Start is null ? null : interval.End?.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);
                if (startStamp is not null && endStamp is not null && string.CompareOrdinal(endStamp, startStamp) < 0)
                {
                    throw new ArgumentException(
                        $"cloudtrail start time {interval.Start:yyyy-MM-ddTHH:mm:ssZ} must be less than end time {interval.End:yyyy-MM-ddTHH:mm:ssZ}");
                }
            }
            else
            {
                // No region folders: read the prefix as given (upstream then ignores the interval).
                origins.Add((prefix, null));
            }

            var keys = new List<string>();
            foreach (var (origin, startAfter) in origins)
            {
                ListObjects(origin, startAfter, key =>
                {
                    if (startStamp is not null && FileTimePattern().Match(key) is { Success: true } match)
                    {
                        var stamp = match.Groups[1].Value;
                        if (string.CompareOrdinal(stamp, startStamp) < 0 || (endStamp is not null && string.CompareOrdinal(stamp, endStamp) > 0))
                        {
                            return;
                        }
                    }

                    if (LogFile.IsLogFileName(key))
                    {
                        keys.Add(key);
                    }
                });
            }

            return keys;
        }

        // The <...>/CloudTrail/ folders the prefix stands for, or none when it is not an AWSLogs folder.
        private List<string> TrailFolders(string prefix, string accountList)
        {
            var folder = prefix.EndsWith('/') ? prefix : prefix + "/";
            if (AccountFolderPattern().IsMatch(prefix))
            {
                return [folder + "CloudTrail/"];
            }

            if (!OrganizationFolderPattern().IsMatch(prefix))
            {
                return [];
            }

            if (accountList.Length > 0)
            {
                return [.. accountList.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).Select(a => folder + a + "/CloudTrail/")];
            }

            return [.. Folders(folder).Where(f => AccountFolderPattern().IsMatch(f)).Select(f => f + "CloudTrail/")];
        }

        // The "subfolders" (common prefixes) right below a folder.
        private List<string> Folders(string folder)
        {
            var folders = new List<string>();
            string? token = null;
            do
            {
                var page = AwsCall.Run($"cannot list s3://{bucket}/{folder}", settings.Target, cancel => client.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = bucket, Prefix = folder, Delimiter = "/", ContinuationToken = token }, cancel));
                folders.AddRange(page.CommonPrefixes ?? []);
                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
            return folders;
        }

        private void ListObjects(string prefix, string? startAfter, Action<string> onKey)
        {
            string? token = null;
            do
            {
                var page = AwsCall.Run($"cannot list s3://{bucket}/{prefix}", settings.Target, cancel => client.ListObjectsV2Async(
                    new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, StartAfter = startAfter, ContinuationToken = token }, cancel));
                foreach (var item in page.S3Objects ?? [])
                {
                    onKey(item.Key);
                }

                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
        }
    }
}
