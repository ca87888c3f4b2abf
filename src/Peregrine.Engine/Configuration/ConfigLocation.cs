namespace Peregrine.Engine.Configuration;

/// <summary>
/// Where a configuration value came from: a position in a file (1-based line and column, as
/// editors show them) or a <c>-o key=value</c> option of the command line (no position).
/// </summary>
public readonly record struct ConfigLocation(string Source, int Line, int Column, bool IsCommandLine = false)
{
    /// <summary>The location of everything a <c>-o</c> option creates.</summary>
    public static ConfigLocation CommandLine(string option) => new("-o " + option, 0, 0, IsCommandLine: true);

    /// <summary>A whole file, without a position (unreadable files, content that is not YAML).</summary>
    public static ConfigLocation File(string path) => new(path, 0, 0);

    public override string ToString() => IsCommandLine || Line == 0 ? Source : $"{Source}:{Line}:{Column}";
}
