namespace Peregrine.Engine.Logging;

/// <summary><c>log_level</c>: the least severe operational log message written (Falco's names, lower case only).</summary>
public enum LogLevel
{
    Emergency,
    Alert,
    Critical,
    Error,
    Warning,
    Notice,
    Info,
    Debug,
}
