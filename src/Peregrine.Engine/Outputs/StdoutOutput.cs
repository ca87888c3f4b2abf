namespace Peregrine.Engine.Outputs;

/// <summary>
/// <c>stdout_output</c>: each alert line and a newline on standard output. Unbuffered (Falco's
/// default, and <c>-U</c>) writes every alert through as one write; buffered behaves as stdio
/// (line-buffered on a terminal, blocks of 4 KiB otherwise) and is flushed at close.
/// </summary>
public sealed class StdoutOutput : IAlertOutput
{
    private readonly LineWriter _writer;

    /// <param name="stream">Standard output, or a stand-in; not disposed by the channel.</param>
    /// <param name="buffered">Falco's <c>buffered_outputs</c>.</param>
    /// <param name="isTerminal">With <paramref name="buffered"/>: flush every line, as stdio does for a terminal.</param>
    public StdoutOutput(Stream stream, bool buffered, bool isTerminal = false)
        : this(new LineWriter(stream, buffered, isTerminal))
    {
    }

    internal StdoutOutput(LineWriter writer) => _writer = writer;

    public string Name => "stdout";

    public void Write(AlertMessage alert, CancellationToken abort) => _writer.WriteLine(alert.Line);

    public void Close(CancellationToken abort) => _writer.Flush();

    public void Dispose()
    {
    }
}
