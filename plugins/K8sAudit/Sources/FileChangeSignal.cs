namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Wakes a follower when a file changes, and says whether the file may have been replaced (created,
/// deleted or renamed) rather than written to. Built on a <see cref="FileSystemWatcher"/> of the
/// file's directory (watching the directory also sees the file come and go); only a hint, the
/// follower polls anyway, so where no watcher can be had it works without one.
/// </summary>
internal sealed class FileChangeSignal : IDisposable
{
    private readonly string _fileName;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly FileSystemWatcher? _watcher;
    private volatile bool _maybeReplaced;

    public FileChangeSignal(string path, Action<string> log)
    {
        _fileName = Path.GetFileName(path);
        try
        {
            _watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!)
            {
                IncludeSubdirectories = false,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            _watcher.Changed += (_, e) => OnChange(e.Name, replaced: false);
            _watcher.Created += (_, e) => OnChange(e.Name, replaced: true);
            _watcher.Deleted += (_, e) => OnChange(e.Name, replaced: true);
            _watcher.Renamed += (_, e) =>
            {
                OnChange(e.OldName, replaced: true);
                OnChange(e.Name, replaced: true);
            };
            _watcher.Error += (_, e) => log($"{path}: file watcher error ({e.GetException().Message}); polling continues");
            _watcher.EnableRaisingEvents = true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or ArgumentException or UnauthorizedAccessException)
        {
            _watcher?.Dispose();
            _watcher = null;
            log($"{path}: cannot watch its directory ({e.Message}); polling it instead");
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a change.</summary>
    public void Wait(TimeSpan timeout) => _changed.Wait(timeout);

    /// <summary>Whether the file was created, deleted or renamed since the last call (and clears it).</summary>
    public bool TakeMaybeReplaced()
    {
        var replaced = _maybeReplaced;
        _maybeReplaced = false;
        return replaced;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
    }

    /// <summary>Runs on the watcher's thread: only flags and wakes; the reading stays on the host's thread.</summary>
    private void OnChange(string? name, bool replaced)
    {
        if (!string.Equals(name, _fileName, StringComparison.Ordinal))
        {
            return;
        }

        if (replaced)
        {
            _maybeReplaced = true;
        }

        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or closed meanwhile: nothing to wake.
        }
    }
}
