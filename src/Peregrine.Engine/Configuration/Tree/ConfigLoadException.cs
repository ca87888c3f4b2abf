namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// A problem that stops one step of loading (reading a file, applying one <c>-o</c> option,
/// including one file). The loader turns it into an error diagnostic; it never reaches callers.
/// </summary>
internal sealed class ConfigLoadException(ConfigDiagnosticCode code, string key, string message, ConfigLocation? location)
    : Exception(message)
{
    public ConfigDiagnosticCode Code { get; } = code;

    public string Key { get; } = key;

    public ConfigLocation? Location { get; } = location;

    public ConfigDiagnostic ToDiagnostic() => new(ConfigSeverity.Error, Code, Key, Message, Location);
}
