using System.Globalization;

namespace Peregrine.Plugins.K8sAudit.Sources;

/// <summary>
/// Turns the lines of an audit log into events: each non-empty line is one JSON document (an
/// Event, an EventList or an array of them). As upstream, nothing bad stops the reading: a line
/// that is not an audit document, and an event that cannot be used, are logged with where they
/// were and skipped.
/// </summary>
internal sealed class AuditLineDecoder(ulong maxEventSize, long maxLineLength, Action<string> log)
{
    private readonly AuditEventParser _parser = new(maxEventSize);
    private readonly List<AuditEvent> _events = [];
    private readonly List<string> _errors = [];

    /// <summary>Events decoded and not yet handed out, oldest first.</summary>
    public Queue<AuditEvent> Pending { get; } = new();

    /// <summary>Decodes one line taken from a <see cref="LineBuffer"/>; <paramref name="lineNumber"/> is 1-based.</summary>
    public void Decode(ReadOnlyMemory<byte> line, long oversizedLength, string file, long lineNumber)
    {
        if (oversizedLength > 0)
        {
            log(Where(file, lineNumber) + string.Create(CultureInfo.InvariantCulture,
                $"line of {oversizedLength} bytes is longer than the {maxLineLength} allowed; skipped"));
            return;
        }

        if (line.IsEmpty)
        {
            return;
        }

        _events.Clear();
        _errors.Clear();
        if (_parser.Parse(line, _events, _errors) is { } error)
        {
            log(Where(file, lineNumber) + error);
        }

        foreach (var itemError in _errors)
        {
            log(Where(file, lineNumber) + itemError);
        }

        foreach (var evt in _events)
        {
            Pending.Enqueue(evt);
        }
    }

    private static string Where(string file, long lineNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{file}:{lineNumber}: ");
}
