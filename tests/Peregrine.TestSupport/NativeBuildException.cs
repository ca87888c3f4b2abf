namespace Peregrine.TestSupport;

/// <summary>gcc could not build a native fixture. The message holds the command line and gcc's output.</summary>
public sealed class NativeBuildException : Exception
{
    public NativeBuildException(string fixture, string commandLine, string compilerOutput)
        : base($"building native fixture '{fixture}' failed:{Environment.NewLine}$ {commandLine}{Environment.NewLine}{compilerOutput}")
    {
        Fixture = fixture;
        CommandLine = commandLine;
        CompilerOutput = compilerOutput;
    }

    public string Fixture { get; }

    public string CommandLine { get; }

    public string CompilerOutput { get; }
}
