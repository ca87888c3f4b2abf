namespace Peregrine.Engine.Outputs;

/// <summary>
/// <c>file_output</c>: each alert line and a newline appended to a file. With
/// <c>keep_alive: false</c> (Falco's default) the file is opened, appended to and closed for
/// every alert, so it can be moved or deleted at any time; with <c>keep_alive: true</c> it stays
/// open until <see cref="Reopen"/> (SIGUSR1) or close. A file that cannot be opened or written
/// fails that alert for this channel only; the next alert tries again.
/// </summary>
public sealed class FileOutput : IAlertOutput
{
    private readonly string _filename;
    private readonly bool _keepAlive;
    private readonly bool _buffered;
    private Stream? _stream;
    private LineWriter? _writer;

    /// <param name="filename">Appended to, created if missing.</param>
    /// <param name="keepAlive">Falco's <c>file_output.keep_alive</c>.</param>
    /// <param name="buffered">Falco's <c>buffered_outputs</c>: gather lines in 4 KiB blocks while the file is open.</param>
    public FileOutput(string filename, bool keepAlive, bool buffered)
    {
        _filename = filename;
        _keepAlive = keepAlive;
        _buffered = buffered;
    }

    public string Name => "file";

    /// <summary>Whether the file is open now.</summary>
    public bool IsOpen => _stream is not null;

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        var writer = Open();
        try
        {
            writer.WriteLine(alert.Line);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            CloseFile(flush: false);
            throw new OutputException($"failed to write to output file {_filename}: {e.Message}", e);
        }

        if (!_keepAlive)
        {
            CloseFile(flush: true);
        }
    }

    public void Reopen(CancellationToken abort)
    {
        CloseFile(flush: true);
        Open();
    }

    public void Close(CancellationToken abort) => CloseFile(flush: true);

    public void Dispose() => CloseFile(flush: false);

    private LineWriter Open()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        try
        {
            _stream = AppendFile.Open(_filename);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OutputException($"failed to open output file {_filename}: {e.Message}", e);
        }

        _writer = new LineWriter(_stream, _buffered);
        return _writer;
    }

    private void CloseFile(bool flush)
    {
        var stream = _stream;
        var writer = _writer;
        _stream = null;
        _writer = null;
        if (stream is null)
        {
            return;
        }

        try
        {
            if (flush)
            {
                writer!.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            throw new OutputException($"failed to write to output file {_filename}: {e.Message}", e);
        }
        finally
        {
            stream.Dispose();
        }
    }
}
