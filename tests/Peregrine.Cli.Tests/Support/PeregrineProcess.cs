using System.Diagnostics;
using System.Text;

namespace Peregrine.Cli.Tests.Support;

/// <summary>What a finished <c>peregrine</c> run printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the real <c>peregrine</c> program (built next to the tests) as a child process.</summary>
internal static class PeregrineProcess
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "peregrine.dll");

    public static ProcessResult Run(params string[] args) => Run(args, null, TimeSpan.FromMinutes(2));

    public static ProcessResult Run(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, string? workingDirectory = null)
    {
        using var process = Start(args, environment, workingDirectory: workingDirectory);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"peregrine {string.Join(' ', args)} did not finish within {timeout}");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts peregrine with redirected output; the caller reads, signals and waits.</summary>
    /// <param name="args">peregrine's arguments.</param>
    /// <param name="environment">Extra environment variables.</param>
    /// <param name="launcher">A command that runs peregrine's command line given as its arguments (e.g. a shell that changes a signal disposition, then execs it); null to start it directly.</param>
    /// <param name="workingDirectory">Where it runs (relative paths in its configuration resolve there); null for the tests' own.</param>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? launcher = null,
        string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(launcher is { Count: > 0 } ? launcher[0] : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var arg in launcher?.Skip(1) ?? []) info.ArgumentList.Add(arg);
        if (launcher is { Count: > 0 }) info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Program);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Stable alert text: UTC local times and a fixed host name unless a test says otherwise.
        info.Environment["TZ"] = "UTC";
        info.Environment["FALCO_HOSTNAME"] = "testhost";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start peregrine");
    }
}
