using System.IO.Compression;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>Whether a source has a log file ready.</summary>
internal enum LogFileStatus
{
    /// <summary>The next file is open.</summary>
    Ready,

    /// <summary>Nothing yet (a download under way, an empty queue): ask again later.</summary>
    Pending,

    /// <summary>No more files.</summary>
    End,
}

/// <summary>One log file to read: its name for messages and its (decompressed) content.</summary>
internal sealed record LogFile(string Name, Stream Content)
{
    /// <summary>Wraps <paramref name="content"/> in a decompressor when the name says it is gzipped.</summary>
    public static LogFile Open(string name, Stream content) =>
        new(name, IsCompressed(name) ? new GZipStream(content, CompressionMode.Decompress) : content);

    /// <summary>Whether a name is that of a log file: *.json, or *.json.gz (compressed), as upstream.</summary>
    public static bool IsLogFileName(string name) =>
        name.EndsWith(".json", StringComparison.Ordinal) || IsCompressed(name);

    private static bool IsCompressed(string name) => name.EndsWith(".json.gz", StringComparison.Ordinal);
}

/// <summary>Where log files come from, in reading order: a local path, an S3 bucket, an SQS queue.</summary>
internal abstract class LogFileSource : IDisposable
{
    /// <summary>Files handed out so far.</summary>
    public int Opened { get; protected set; }

    /// <summary>Files known so far (for progress).</summary>
    public abstract int Known { get; }

    /// <summary>Opens the next file. Throws, naming the file, when it cannot be read.</summary>
    public abstract LogFileStatus TryOpenNext(out LogFile? file);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
