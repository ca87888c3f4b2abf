using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Outputs;

/// <summary>
/// Where the outputs report their own operation: init failures, write errors, drops, blocked
/// channels. These are operational logs, not alerts. The engine provides the implementation
/// (stderr, syslog, level filtering); it may be called from any thread, including the outputs
/// worker and a timer, and must not block for long.
/// </summary>
public interface IOutputLog
{
    void Log(LogLevel level, string message);
}

/// <summary>Ready-made <see cref="IOutputLog"/> implementations.</summary>
public static class OutputLog
{
    /// <summary>Discards everything.</summary>
    public static IOutputLog Null { get; } = new DelegateLog(static (_, _) => { });

    /// <summary>Adapts a delegate.</summary>
    public static IOutputLog From(Action<LogLevel, string> log) => new DelegateLog(log);

    private sealed class DelegateLog(Action<LogLevel, string> log) : IOutputLog
    {
        public void Log(LogLevel level, string message)
        {
            try
            {
                log(level, message);
            }
            catch
            {
                // A failing logger must not take an output channel down with it.
            }
        }
    }
}
