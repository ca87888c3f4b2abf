using System.Runtime.InteropServices;

namespace Peregrine.Cli.Tests.Support;

/// <summary>Sends a real signal to a child process (what an operator's <c>kill</c> or Ctrl-C does).</summary>
internal static class PosixSignals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    public static void Send(int pid, int signal)
    {
        if (kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
