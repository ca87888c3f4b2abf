using System.Globalization;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Outputs;
using Peregrine.Engine.Processing;
using Peregrine.Engine.Sources;

namespace Peregrine.Cli.App;

internal sealed partial class PeregrineApp
{
    private string? _summary;

    /// <summary>Falco's <c>init_outputs</c>: invalid output settings are fatal; a channel that cannot start is logged and left out.</summary>
    private void InitOutputs()
    {
        var settings = RuntimeSettings.Outputs(_config, _engine!.Hostname);
        var problems = settings.Validate();
        if (problems.Count > 0) throw AppExit.Error(problems[0]);
        if (options.DryRun)
        {
            // As Falco: the settings are checked, but no channel is opened, so no summary is printed either.
            _log.Debug("Skipping outputs initialization in dry-run");
            return;
        }
        _outputs = OutputsPipeline.Create(settings, _log);
        _signals.Reopen = _outputs.RequestReopen;
    }

    /// <summary>
    /// Falco's <c>process_events</c>: every enabled source on its own thread until all reach
    /// their end, one fails, a signal arrives or <c>-M</c> seconds pass. With <c>-v</c>, each
    /// source's rate goes to stderr. The detection summary is printed at teardown.
    /// </summary>
    private void ProcessEvents(IReadOnlyList<string> sources)
    {
        var counters = _engine!.Rules.Compiled?.Rules ?? [];
        _summary = DetectionCounters.Summary(counters, []);
        if (options.DryRun)
        {
            _log.Debug("Skipping event processing in dry-run");
            return;
        }
        if (sources.Count == 0)
        {
            throw AppExit.Error(
                "no event source to run: Peregrine does not capture system calls, so the configuration must load at least one plugin "
                + "with event sourcing capability (plugins and load_plugins in falco.yaml)");
        }

        _log.Info("Loaded event sources: " + string.Join(", ", new[] { PluginRegistry.SyscallSource }.Concat(_engine.Sources.Select(s => s.Name))));
        _log.Info("Enabled event sources: " + string.Join(", ", sources));
        foreach (var source in _engine.Sources.Where(s => sources.Contains(s.Name)))
        {
            var others = source.Members.Where(m => m != source.Input && m.SourcedEventSource == source.Name).ToList();
            if (others.Count > 0)
                _log.Warning($"Enabled event source '{source.Name}' can be opened with multiple loaded plugins, will use only '{source.Input.Name}'");
            _log.Info($"Opening '{source.Name}' source with plugin '{source.Input.Spec.Name}'");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_signals.Stop);
        if (options.DurationSeconds > 0) stop.CancelAfter(TimeSpan.FromSeconds(options.DurationSeconds));
        var run = _engine.Run(sources, new PipelineSink(_outputs!), stop.Token);
        _summary = run.DetectionText();
        // Falco logs SIGINT for SIGTERM too: both raise its terminate signal.
        if (_signals.StopSignal is { } signal) _log.Info(signal == "SIGHUP" ? "SIGHUP received, restarting..." : "SIGINT received, exiting...");

        if (options.Verbose)
        {
            foreach (var source in run.Sources)
            {
                var seconds = source.Elapsed.TotalSeconds;
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"({source.Source}) Elapsed time: {seconds:F3}, Captured Events: {source.Events}, {(seconds > 0 ? source.Events / seconds : 0):F2} eps"));
            }
        }
        if (run.Error is { } error) throw AppExit.Error(error);
    }

    /// <summary>Hands the source threads' alerts to the outputs queue (which counts what it drops).</summary>
    private sealed class PipelineSink(OutputsPipeline outputs) : IAlertSink
    {
        public void Publish(in AlertHeader header, ReadOnlySpan<byte> line) => outputs.TryEnqueue(header, line);
    }
}
