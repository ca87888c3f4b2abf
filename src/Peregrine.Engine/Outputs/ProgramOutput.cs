using System.ComponentModel;
using System.Diagnostics;
using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// <c>program_output</c>: a child process, <c>/bin/sh -c &lt;program&gt;</c> as Falco's popen,
/// reading alerts on its standard input, one line each; its standard output and error are the
/// engine's. With <c>keep_alive: false</c> (Falco's default) every alert gets its own process:
/// spawned, fed the line, its input closed, and waited for. With <c>keep_alive: true</c> one
/// process reads every alert; if it has exited, that is logged and a new one is started for the
/// next alert. Waiting for a child that does not exit is cut short only by the abort signal of a
/// shutdown that gave up (the child is then killed), as Falco's pclose waits too.
/// </summary>
public sealed class ProgramOutput : IAlertOutput
{
    private readonly string _program;
    private readonly bool _keepAlive;
    private readonly bool _buffered;
    private readonly string _shell;
    private readonly IOutputLog _log;
    private Process? _process;
    private LineWriter? _writer;
    private long _spawned;
    private long _restarts;
    private long _failedExits;

    /// <param name="program">The command line given to the shell.</param>
    /// <param name="keepAlive">Falco's <c>program_output.keep_alive</c>.</param>
    /// <param name="buffered">Falco's <c>buffered_outputs</c>: lines to a kept-alive process gather in 4 KiB blocks.</param>
    /// <param name="log">Where restarts are reported.</param>
    /// <param name="shell">The shell run with <c>-c</c>.</param>
    public ProgramOutput(string program, bool keepAlive, bool buffered, IOutputLog? log = null, string shell = "/bin/sh")
    {
        _program = program;
        _keepAlive = keepAlive;
        _buffered = buffered;
        _shell = shell;
        _log = log ?? OutputLog.Null;
    }

    public string Name => "program";

    /// <summary>The running child's process id, or null.</summary>
    public int? ProcessId => _process?.Id;

    public IEnumerable<KeyValuePair<string, long>> ExtraCounters =>
    [
        new("spawned", Interlocked.Read(ref _spawned)),
        new("restarts", Interlocked.Read(ref _restarts)),
        new("failed_exits", Interlocked.Read(ref _failedExits)),
    ];

    public void Write(AlertMessage alert, CancellationToken abort)
    {
        if (_process is not null && _process.HasExited)
        {
            var status = _process.ExitCode;
            DisposeProcess(kill: false);
            Interlocked.Increment(ref _restarts);
            _log.Log(LogLevel.Warning, $"program output exited with status {status}, restarting it: {_program}");
        }

        var writer = Start();
        try
        {
            writer.WriteLine(alert.Line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            DisposeProcess(kill: true);
            throw new OutputException($"failed to write to program output ({_program}): {e.Message}", e);
        }

        if (!_keepAlive)
        {
            Stop(abort);
        }
    }

    public void Reopen(CancellationToken abort)
    {
        Stop(abort);
        Start();
    }

    public void Close(CancellationToken abort) => Stop(abort);

    public void Dispose() => DisposeProcess(kill: true);

    private LineWriter Start()
    {
        if (_writer is not null)
        {
            return _writer;
        }

        var info = new ProcessStartInfo(_shell)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(_program);
        try
        {
            _process = Process.Start(info) ?? throw new InvalidOperationException("no process started");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            _process = null;
            throw new OutputException($"Failed to open program output: {_program} (error: {e.Message})", e);
        }

        Interlocked.Increment(ref _spawned);
        _writer = new LineWriter(_process.StandardInput.BaseStream, _buffered);
        return _writer;
    }

    /// <summary>Flushes, closes the child's input and waits for it to exit (pclose), unless aborted.</summary>
    private void Stop(CancellationToken abort)
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        Exception? failure = null;
        try
        {
            _writer!.Flush();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            failure = e;
        }

        try
        {
            process.StandardInput.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            failure ??= e;
        }

        while (!process.WaitForExit(100))
        {
            if (abort.IsCancellationRequested)
            {
                DisposeProcess(kill: true);
                throw new OutputException($"program output did not exit and was killed: {_program}");
            }
        }

        if (process.ExitCode != 0)
        {
            Interlocked.Increment(ref _failedExits);
        }

        DisposeProcess(kill: false);
        if (failure is not null)
        {
            throw new OutputException($"failed to write to program output ({_program}): {failure.Message}", failure);
        }
    }

    private void DisposeProcess(bool kill)
    {
        var process = _process;
        _process = null;
        _writer?.Discard();
        _writer = null;
        if (process is null)
        {
            return;
        }

        if (kill)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Already gone.
            }
        }

        try
        {
            process.StandardInput.Dispose();
        }
        catch (IOException)
        {
            // The pipe is broken; nothing left to release.
        }

        process.Dispose();
    }
}
