using System.Collections.Concurrent;
using System.Text;
using Peregrine.Engine.Outputs;
using Peregrine.Engine.Processing;

namespace Peregrine.Engine.Tests.Support;

/// <summary>Keeps every alert (header and line) a run publishes.</summary>
internal sealed class CollectingSink : IAlertSink
{
    private readonly ConcurrentQueue<(AlertHeader Header, string Line)> _alerts = new();

    public IReadOnlyList<(AlertHeader Header, string Line)> Alerts => _alerts.ToArray();

    public IReadOnlyList<string> Lines => _alerts.Select(a => a.Line).ToArray();

    public void Publish(in AlertHeader header, ReadOnlySpan<byte> line) => _alerts.Enqueue((header, Encoding.UTF8.GetString(line)));
}
