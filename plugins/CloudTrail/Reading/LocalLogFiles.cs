namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// The log files under a local path: the file itself, or every *.json and *.json.gz file below a
/// directory. The order is upstream's (a depth-first walk with each directory's entries sorted by
/// name), which for CloudTrail's date-named folders and files is the order of time. Symbolic links
/// to directories are not followed, as upstream.
/// </summary>
internal sealed class LocalLogFiles : LogFileSource
{
    private readonly List<string> _paths;

    private LocalLogFiles(List<string> paths) => _paths = paths;

    public override int Known => _paths.Count;

    /// <summary>Lists the files, failing with upstream's messages when there are none.</summary>
    public static LocalLogFiles List(string path)
    {
        if (path.Length == 0)
        {
            throw new ArgumentException("cloudtrail plugin error: missing input directory argument");
        }

        var paths = new List<string>();
        if (Directory.Exists(path))
        {
            Walk(path, paths);
        }
        else if (File.Exists(path))
        {
            if (LogFile.IsLogFileName(path))
            {
                paths.Add(path);
            }
        }
        else
        {
            throw new FileNotFoundException($"cloudtrail plugin error: cannot open {path}");
        }

        return paths.Count > 0
            ? new LocalLogFiles(paths)
            : throw new FileNotFoundException($"cloudtrail plugin error: no json files found in {path}");
    }

    public override LogFileStatus TryOpenNext(out LogFile? file)
    {
        if (Opened >= _paths.Count)
        {
            file = null;
            return LogFileStatus.End;
        }

        var path = _paths[Opened++];
        try
        {
            file = LogFile.Open(path, new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cloudtrail plugin error: cannot open {path}: {e.Message}", e);
        }

        return LogFileStatus.Ready;
    }

    private static void Walk(string directory, List<string> paths)
    {
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFileSystemInfos();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cloudtrail plugin error: cannot list {directory}: {e.Message}", e);
        }

        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo && entry.LinkTarget is null)
            {
                Walk(entry.FullName, paths);
            }
            else if (entry is FileInfo && LogFile.IsLogFileName(entry.Name))
            {
                paths.Add(Path.Join(directory, entry.Name));
            }
        }
    }
}
