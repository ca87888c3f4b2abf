namespace Peregrine.Engine.Configuration;

/// <summary><c>libs_logger.severity</c> (libsinsp's names, lower case only).</summary>
public enum LibsLogSeverity
{
    Fatal,
    Critical,
    Error,
    Warning,
    Notice,
    Info,
    Debug,
    Trace,
}

/// <summary>
/// <c>libs_logger</c>: in Falco, messages of the libs, plugins' log messages included, pass
/// through this logger; Peregrine applies it to the messages plugins log through the host.
/// The severity is only checked when the logger is enabled, as in Falco.
/// </summary>
public sealed record LibsLoggerConfig(bool Enabled = true, LibsLogSeverity Severity = LibsLogSeverity.Info);
