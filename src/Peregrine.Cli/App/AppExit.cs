namespace Peregrine.Cli.App;

/// <summary>
/// Why a step of the app stops the run early: a normal exit (a listing was printed, <c>-V</c>
/// succeeded) or a failure, printed by the app as Falco prints it.
/// </summary>
internal sealed class AppExit(int code, string? stderrLine = null) : Exception(stderrLine ?? "exit")
{
    public int Code { get; } = code;

    /// <summary>What to print on stderr (<c>Error: …</c>), or null.</summary>
    public string? StderrLine { get; } = stderrLine;

    public static AppExit Success() => new(0);

    public static AppExit Error(string message) => new(1, "Error: " + message);
}
