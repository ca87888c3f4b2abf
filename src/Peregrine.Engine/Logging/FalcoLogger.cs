using System.Globalization;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Outputs;
using Peregrine.Plugins;
using Peregrine.Rules;

namespace Peregrine.Engine.Logging;

/// <summary>
/// Peregrine's operational log, written the way Falco's logger writes it: messages at or above
/// <c>log_level</c> go to stderr (<c>log_stderr</c>) prefixed by the local time as
/// <c>Thu Nov 26 11:28:40 2026: </c> (or UTC ISO 8601 with <c>time_format_iso_8601</c>), and to
/// syslog (<c>log_syslog</c>). Plugins' own log messages pass through <c>libs_logger</c> first, as
/// libsinsp's do. Safe to call from any thread.
/// </summary>
public sealed class FalcoLogger : IOutputLog, IPluginLogger, IDisposable
{
    private readonly object _gate = new();
    private readonly LogLevel _level;
    private readonly TextWriter? _stderr;
    private readonly SyslogOutput? _syslog;
    private readonly bool _isoTime;
    private readonly LibsLoggerConfig _libs;
    private readonly Func<DateTimeOffset> _now;

    public FalcoLogger(LogLevel level, TextWriter? stderr, bool syslog, bool isoTime, LibsLoggerConfig? libs = null,
        Func<DateTimeOffset>? now = null)
    {
        _level = level;
        _stderr = stderr;
        _syslog = syslog ? new SyslogOutput() : null;
        _isoTime = isoTime;
        _libs = libs ?? new LibsLoggerConfig();
        _now = now ?? (() => DateTimeOffset.Now);
    }

    /// <summary>Before the configuration is read, Falco logs at info level to stderr.</summary>
    public static FalcoLogger Bootstrap(TextWriter stderr) => new(LogLevel.Info, stderr, syslog: false, isoTime: false);

    public static FalcoLogger From(FalcoConfiguration config, TextWriter stderr) =>
        new(config.LogLevel, config.LogStderr ? stderr : null, config.LogSyslog, config.TimeFormatIso8601, config.LibsLogger);

    public bool IsEnabled(LogLevel level) => level <= _level;

    public void Log(LogLevel level, string message)
    {
        if (!IsEnabled(level)) return;
        var text = message.TrimEnd('\n');
        lock (_gate)
        {
            if (_stderr is not null)
            {
                _stderr.Write(Timestamp());
                _stderr.Write(": ");
                _stderr.Write(text);
                _stderr.Write('\n');
                _stderr.Flush();
            }
            if (_syslog is not null)
            {
                try
                {
                    // Falco's log levels are the syslog severities, as are rule priorities.
                    _syslog.Write(new AlertMessage(new AlertHeader((Priority)(int)level, "", "", 0, AlertHeader.NoTags), text, ""), CancellationToken.None);
                }
                catch (OutputException)
                {
                    // No syslog daemon: syslog(3) drops the message silently too.
                }
            }
        }
    }

    public void Info(string message) => Log(LogLevel.Info, message);

    public void Warning(string message) => Log(LogLevel.Warning, message);

    public void Debug(string message) => Log(LogLevel.Debug, message);

    /// <summary>A plugin's log message: kept when <c>libs_logger</c> is enabled and allows its severity, then logged as libsinsp's are.</summary>
    public void Log(PluginLogSeverity severity, string component, string message)
    {
        if (!_libs.Enabled || (int)severity > (int)_libs.Severity + 1) return;
        Log(_level, "[libs]: " + component + ": " + message);
    }

    public void Dispose() => _syslog?.Dispose();

    private string Timestamp()
    {
        var now = _now();
        return _isoTime
            ? now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000"
            : now.ToString("ddd MMM dd HH:mm:ss yyyy", CultureInfo.InvariantCulture);
    }
}
