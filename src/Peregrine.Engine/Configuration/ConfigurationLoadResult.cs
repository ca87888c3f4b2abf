namespace Peregrine.Engine.Configuration;

/// <summary>
/// One configuration file that was read, and Falco's one-word summary of its check:
/// <c>ok</c> when nothing was reported about it, else <c>failed</c> (the CLI prints
/// <c>   path | schema validation: ok</c> as Falco does).
/// </summary>
public sealed record LoadedConfigFile(string Path, string Validation);

/// <summary>
/// The outcome of loading the configuration. Loading never throws: a problem is a diagnostic.
/// <see cref="Configuration"/> is set exactly when there is no error; warnings never fail a load.
/// </summary>
public sealed class ConfigurationLoadResult(FalcoConfiguration? configuration, IReadOnlyList<ConfigDiagnostic> diagnostics, IReadOnlyList<LoadedConfigFile> files)
{
    public FalcoConfiguration? Configuration { get; } = configuration;

    public bool Succeeded => Configuration is not null;

    /// <summary>Errors and warnings in the order found.</summary>
    public IReadOnlyList<ConfigDiagnostic> Diagnostics { get; } = diagnostics;

    public IReadOnlyList<ConfigDiagnostic> Errors { get; } = diagnostics.Where(d => d.IsError).ToList();

    public IReadOnlyList<ConfigDiagnostic> Warnings { get; } = diagnostics.Where(d => !d.IsError).ToList();

    /// <summary>The main file and every included file, in the order read.</summary>
    public IReadOnlyList<LoadedConfigFile> Files { get; } = files;
}
