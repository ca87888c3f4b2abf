using System.Runtime.InteropServices;

namespace Peregrine.Cli.App;

/// <summary>
/// Falco's signals: SIGINT and SIGTERM stop event processing (queued alerts are still flushed),
/// SIGHUP stops and restarts the whole app, SIGUSR1 reopens the outputs. Handlers only set
/// flags; the app acts on them.
/// </summary>
internal sealed class SignalRequests
{
    private const int SigUsr1 = 10;
    private readonly CancellationTokenSource _stop = new();

    /// <summary>Signalled by SIGINT, SIGTERM and SIGHUP.</summary>
    public CancellationToken Stop => _stop.Token;

    public bool Restart { get; private set; }

    /// <summary>The signal that stopped the run, for the log ("SIGINT received, exiting...").</summary>
    public string? StopSignal { get; private set; }

    /// <summary>Called on SIGUSR1 (set once the outputs exist).</summary>
    public Action? Reopen { get; set; }

    public IDisposable Register()
    {
        var registrations = new List<PosixSignalRegistration>
        {
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnStop(c, "SIGINT", restart: false)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnStop(c, "SIGTERM", restart: false)),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => OnStop(c, "SIGHUP", restart: true)),
        };
        if (!OperatingSystem.IsWindows())
        {
            // .NET accepts raw signal numbers on Unix; SIGUSR1 has no named member.
            registrations.Add(PosixSignalRegistration.Create((PosixSignal)SigUsr1, c =>
            {
                c.Cancel = true;
                Reopen?.Invoke();
            }));
        }
        return new Registrations(registrations);
    }

    private void OnStop(PosixSignalContext context, string name, bool restart)
    {
        // Keep the process alive: the app stops its sources, flushes the outputs and exits itself.
        context.Cancel = true;
        StopSignal ??= name;
        Restart |= restart;
        _stop.Cancel();
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations) registration.Dispose();
        }
    }
}
