using System.Collections.Concurrent;

namespace Peregrine.Plugins.Tests.Support;

internal sealed class RecordingLogger : IPluginLogger
{
    public ConcurrentQueue<(PluginLogSeverity Severity, string Component, string Message)> Messages { get; } = new();

    public void Log(PluginLogSeverity severity, string component, string message) => Messages.Enqueue((severity, component, message));
}
