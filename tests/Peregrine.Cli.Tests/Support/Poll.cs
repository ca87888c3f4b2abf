using System.Diagnostics;

namespace Peregrine.Cli.Tests.Support;

/// <summary>
/// Waiting for a running peregrine to reach a state (a file with alerts in it) before acting on
/// it. The deadline only bounds a hung run; it is never what a test asserts.
/// </summary>
internal static class Poll
{
    public static void Until(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (deadline.Elapsed > limit) throw new TimeoutException($"waited {limit} for {what}");
            Thread.Sleep(20);
        }
    }

    /// <summary>The complete lines of a file another process is appending to (a partial last line is left out).</summary>
    public static IReadOnlyList<string> CompleteLines(string path)
    {
        if (!File.Exists(path)) return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : text[..end].Split('\n');
    }
}
