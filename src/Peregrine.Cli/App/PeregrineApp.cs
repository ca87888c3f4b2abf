using System.Runtime.InteropServices;
using Peregrine.Cli.CommandLine;
using Peregrine.Engine;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Logging;
using Peregrine.Engine.Outputs;

namespace Peregrine.Cli.App;

/// <summary>
/// The <c>peregrine</c> program: Falco's sequence of steps (read options and configuration,
/// informational actions, load plugins, lay out sources, validate or load rules, start outputs,
/// process events) and its teardown (flush outputs, print the detection summary). Each step
/// either continues or ends the run through an <see cref="AppExit"/> or a <see cref="FatalError"/>.
/// </summary>
internal sealed partial class PeregrineApp(CliOptions options, TextWriter stdout, TextWriter stderr)
{
    private const string DefaultConfigFile = "/etc/falco/falco.yaml";

    private readonly SignalRequests _signals = new();
    private FalcoLogger _log = FalcoLogger.Bootstrap(stderr);
    private FalcoConfiguration _config = FalcoConfiguration.Default;
    private string? _configFile;
    private DetectionEngine? _engine;
    private OutputsPipeline? _outputs;

    /// <summary>Set by SIGHUP: the app runs again from the start, as Falco does.</summary>
    public bool RestartRequested => _signals.Restart;

    public static int Main(string[] args)
    {
        InheritedSignalDispositions.ResetIgnored();
        var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        try
        {
            var parsed = CliParser.Parse(args);
            if (parsed.Options is null)
            {
                stderr.WriteLine("Error: " + parsed.Error);
                return 1;
            }
            if (parsed.Options.Help)
            {
                stdout.Flush();
                return parsed.Parsed.Invoke();
            }
            while (true)
            {
                var app = new PeregrineApp(parsed.Options, stdout, stderr);
                var code = app.Run();
                if (code != 0 || !app.RestartRequested) return code;
            }
        }
        finally
        {
            stdout.Flush();
        }
    }

    public int Run()
    {
        var code = 0;
        using var signals = _signals.Register();
        try
        {
            RejectUnsupportedOptions();
            LoadConfiguration();
            PrintVersion();
            RequireConfigFile();
            PrintPluginInfo();
            ListPlugins();
            LoadPlugins();
            ListFields();
            var sources = SelectSources();
            ValidateRulesFiles();
            LoadRulesFiles();
            InitOutputs();
            WritePidFile();
            ProcessEvents(sources);
        }
        catch (AppExit exit)
        {
            code = exit.Code;
            if (exit.StderrLine is not null) Fail(exit.StderrLine);
        }
        catch (FatalError error)
        {
            code = 1;
            Fail(error.StderrLine);
        }
        catch (Exception unexpected) when (unexpected is not OutOfMemoryException)
        {
            // A defect, not bad input: still no stack trace for the user, and teardown still runs.
            code = 1;
            Fail($"Runtime error: {unexpected.Message}. Exiting.");
            _log.Debug(unexpected.ToString());
        }
        finally
        {
            code = Teardown(code);
        }
        return code;
    }

    /// <summary>Falco prints a fatal error on stderr; the log gets it too when it goes elsewhere.</summary>
    private void Fail(string line)
    {
        stdout.Flush();
        stderr.WriteLine(line);
    }

    private void RejectUnsupportedOptions()
    {
        if (options.UnsupportedOptions.Count == 0) return;
        throw AppExit.Error($"option {options.UnsupportedOptions[0]} is not supported by Peregrine: it serves syscall capture or Falco's own schemas, which Peregrine does not have");
    }

    /// <summary>Falco's teardown: outputs are flushed and closed, then the detection summary is printed, whatever happened before.</summary>
    private int Teardown(int code)
    {
        if (_outputs is not null)
        {
            var report = _outputs.Shutdown();
            if (report.Counters.Dropped > 0)
            {
                // Lost alerts must never go unnoticed: stderr gets the count even when the log goes elsewhere.
                var message = $"Outputs dropped {report.Counters.Dropped} alerts (queue full: {report.Counters.DroppedQueueFull}, "
                              + $"after shutdown began: {report.Counters.DroppedClosed}, discarded at shutdown: {report.Counters.DiscardedAtShutdown})";
                _log.Log(LogLevel.Warning, message);
                if (!_config.LogStderr) stderr.WriteLine("Warning: " + message);
            }
            _outputs = null;
            stdout.Write(_summary ?? Engine.Processing.DetectionCounters.Summary([], []));
            stdout.Flush();
        }
        _engine?.Dispose();
        _engine = null;
        _log.Dispose();
        return code;
    }

    private static bool IsLinux => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);
}
