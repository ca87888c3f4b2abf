using System.Globalization;
using System.Runtime.ExceptionServices;
using Peregrine.Plugins;
using Peregrine.Sdk;

namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// An open stream: the records of each log file in turn, each one an event whose payload is the
/// record's JSON and whose timestamp is its eventTime. The records are read ahead by a
/// <see cref="RecordPipeline"/>; this side only moves them into the host's batches.
/// </summary>
internal sealed class CloudTrailEventStream : EventStream
{
    // How long an empty batch waits for records before telling the host to poll again.
    private static readonly TimeSpan WaitForRecords = TimeSpan.FromMilliseconds(100);

    private readonly RecordPipeline _pipeline;
    private readonly Action<PluginLogSeverity, string> _log;
    private RecordChunk? _chunk;
    private bool _ended;

    public CloudTrailEventStream(LogFileSource files, Action<PluginLogSeverity, string> log)
    {
        _log = log;
        _pipeline = new RecordPipeline(files);
    }

    public override PluginProgress Progress
    {
        get
        {
            var (opened, known) = _pipeline.Files;
            var fraction = known == 0 ? 0 : Math.Min(1.0, (double)opened / known);
            var text = string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:F2}% - {opened}/{known} files");
            return new PluginProgress(text, (uint)Math.Round(fraction * 10_000));
        }
    }

    public override BatchResult NextBatch(EventBatch batch)
    {
        while (!batch.IsFull)
        {
            if (_chunk is null)
            {
                if (_ended)
                {
                    return BatchResult.Eof;
                }

                // With events in hand, do not wait: deliver them.
                if (!_pipeline.TryTake(out var next, batch.Count > 0 ? TimeSpan.Zero : WaitForRecords))
                {
                    return batch.Count > 0 ? BatchResult.Success : BatchResult.Timeout;
                }

                _chunk = next;
                foreach (var (severity, message) in _chunk.Logs)
                {
                    _log(severity, message);
                }
            }

            if (_chunk.Position < _chunk.Records.Count)
            {
                var index = _chunk.Position++;
                batch.TryAdd(_chunk.Payload(index), _chunk.Records[index].Timestamp);
                continue;
            }

            // The chunk is used up: what ended it comes after its events.
            if (_chunk.Failure is { } failure)
            {
                if (batch.Count > 0)
                {
                    return BatchResult.Success;
                }

                _pipeline.Return(_chunk);
                _chunk = null;
                _ended = true;
                ExceptionDispatchInfo.Throw(failure);
            }

            _ended = _chunk.IsLast;
            _pipeline.Return(_chunk);
            _chunk = null;
        }

        return BatchResult.Success;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _pipeline.Dispose();
        }

        base.Dispose(disposing);
    }
}
