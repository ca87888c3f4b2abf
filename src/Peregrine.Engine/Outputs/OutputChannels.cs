using Peregrine.Engine.Logging;

namespace Peregrine.Engine.Outputs;

/// <summary>Builds the channels a configuration enables, in Falco's order: file, stdout, syslog, program, http.</summary>
public static class OutputChannels
{
    /// <summary>
    /// One channel per enabled section. A channel whose initialisation fails is left out, logged
    /// as <c>Failed to init output: …</c> and returned in <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<IAlertOutput> Create(OutputsOptions options, IOutputLog log, OutputsEnvironment environment, out IReadOnlyList<string> errors)
    {
        var outputs = new List<IAlertOutput>();
        var failures = new List<string>();
        var buffered = options.BufferedOutputs;

        // stdout and http's echo share one writer, so their bytes keep their order.
        LineWriter? standardOutput = null;
        LineWriter StandardOutput() => standardOutput ??= new LineWriter(
            environment.StandardOutput ?? Console.OpenStandardOutput(),
            buffered,
            lineBuffered: environment.StandardOutputIsTerminal ?? !Console.IsOutputRedirected);

        void Add(string name, Func<IAlertOutput> create)
        {
            try
            {
                outputs.Add(create());
            }
            catch (Exception e) when (e is OutputException or IOException or UnauthorizedAccessException or ArgumentException)
            {
                var message = $"Failed to init output: {name}: {e.Message}";
                failures.Add(message);
                log.Log(LogLevel.Error, message);
            }
        }

        if (options.File.Enabled)
        {
            Add("file", () => new FileOutput(options.File.Filename, options.File.KeepAlive, buffered));
        }

        if (options.Stdout.Enabled)
        {
            Add("stdout", () => new StdoutOutput(StandardOutput()));
        }

        if (options.Syslog.Enabled)
        {
            Add("syslog", () => new SyslogOutput(environment.SyslogSocketPath, environment.SyslogIdent));
        }

        if (options.Program.Enabled)
        {
            Add("program", () => new ProgramOutput(options.Program.Program, options.Program.KeepAlive, buffered, log, environment.Shell));
        }

        if (options.Http.Enabled)
        {
            Add("http", () => new HttpOutput(options.Http, options.JsonOutput, options.Http.Echo ? StandardOutput() : null));
        }

        errors = failures;
        return outputs;
    }
}
