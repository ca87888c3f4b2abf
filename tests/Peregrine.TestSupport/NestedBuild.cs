using System.Diagnostics;

namespace Peregrine.TestSupport;

/// <summary>
/// Runs a build tool (dotnet publish, a script that runs it) from inside a test. The test host
/// runs under MSBuild's environment, whose settings would leak into the nested build and point it
/// at the test run's own build nodes, so every <c>MSBUILD*</c> variable is removed first.
/// </summary>
public static class NestedBuild
{
    /// <summary>Runs <paramref name="program"/> to its end; throws with its output when it fails.</summary>
    public static void Run(string program, IEnumerable<string> arguments, string what)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }
    }
}
