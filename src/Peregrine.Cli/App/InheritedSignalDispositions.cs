using System.Runtime.InteropServices;

namespace Peregrine.Cli.App;

/// <summary>
/// Falco installs its handlers with <c>signal(2)</c>, which replaces a disposition inherited as
/// ignored: started as a background job of a script (SIGINT ignored) it still stops on SIGINT.
/// .NET instead leaves a signal that was ignored at start ignored, so its
/// <see cref="PosixSignalRegistration"/> would never see it. Before .NET sets up its signal
/// handling (the first use of Console, Process or PosixSignalRegistration), the signals Peregrine
/// handles go back from ignored to their default; handlers already installed are left alone.
/// </summary>
internal static class InheritedSignalDispositions
{
    private const int SigHup = 1;
    private const int SigInt = 2;
    private const int SigUsr1 = 10;
    private const int SigTerm = 15;
    private static readonly nint SigDfl = 0;
    private static readonly nint SigIgn = 1;

    /// <summary>Call first thing in <c>Main</c>.</summary>
    public static void ResetIgnored()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            foreach (var signal in new[] { SigHup, SigInt, SigUsr1, SigTerm })
            {
                // struct sigaction starts with the handler on glibc and musl; the buffer is larger than the struct.
                var current = new nint[32];
                if (sigaction(signal, null, current) == 0 && current[0] == SigIgn) ResetToDefault(signal);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without libc's sigaction the inherited dispositions stay; everything else works as before.
        }
    }

    private static void ResetToDefault(int signal)
    {
        var action = new nint[32];
        action[0] = SigDfl;
        sigaction(signal, action, null);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int sigaction(int signum, nint[]? act, [Out] nint[]? oldact);
}
