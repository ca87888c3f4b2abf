namespace Peregrine.Engine.Outputs;

/// <summary>
/// What the channels take from the process around them. The defaults are the real ones; tests
/// and embedders replace them (a captured stdout, a private syslog socket).
/// </summary>
public sealed record OutputsEnvironment
{
    public static OutputsEnvironment Default { get; } = new();

    /// <summary>Where stdout alerts (and http echoes) go; null means the process's standard output.</summary>
    public Stream? StandardOutput { get; init; }

    /// <summary>Whether standard output is a terminal (stdio then line-buffers it); null means ask the console.</summary>
    public bool? StandardOutputIsTerminal { get; init; }

    /// <summary>The shell that runs <c>program_output.program</c>, with <c>-c</c>, as popen.</summary>
    public string Shell { get; init; } = "/bin/sh";

    /// <summary>The local syslog socket.</summary>
    public string SyslogSocketPath { get; init; } = "/dev/log";

    /// <summary>The syslog tag; null means the program's name, as syslog(3) without openlog.</summary>
    public string? SyslogIdent { get; init; }
}
