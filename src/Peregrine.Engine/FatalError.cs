namespace Peregrine.Engine;

/// <summary>How Falco words a fatal error on stderr: a failed step, or an exception it caught.</summary>
public enum FatalErrorStyle
{
    /// <summary><c>Error: &lt;message&gt;</c></summary>
    Error,

    /// <summary><c>Runtime error: &lt;message&gt;. Exiting.</c> (what Falco prints for exceptions, e.g. a plugin that fails to load).</summary>
    RuntimeError,
}

/// <summary>
/// A problem that stops Peregrine before or while it runs: the message is Falco's text for the same
/// problem, and <see cref="Style"/> says how Falco frames it. The CLI prints it and exits with 1.
/// </summary>
public sealed class FatalError(string message, FatalErrorStyle style = FatalErrorStyle.Error, Exception? inner = null)
    : Exception(message, inner)
{
    public FatalErrorStyle Style { get; } = style;

    /// <summary>The line Falco prints on stderr.</summary>
    public string StderrLine => Style == FatalErrorStyle.Error ? "Error: " + Message : "Runtime error: " + Message + ". Exiting.";
}
