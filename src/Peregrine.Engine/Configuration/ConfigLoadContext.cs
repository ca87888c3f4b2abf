using Peregrine.Engine.Configuration.Tree;

namespace Peregrine.Engine.Configuration;

/// <summary>What every step of one load shares: the options, the files read and the diagnostics so far.</summary>
internal sealed class ConfigLoadContext(ConfigurationLoadOptions options)
{
    private readonly List<ConfigDiagnostic> _diagnostics = [];

    public ConfigurationLoadOptions Options { get; } = options;

    public IReadOnlyList<ConfigDiagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.IsError);

    public void Error(ConfigDiagnosticCode code, string key, string message, ConfigLocation? location) =>
        _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Error, code, key, message, location));

    public void Warning(ConfigDiagnosticCode code, string key, string message, ConfigLocation? location) =>
        _diagnostics.Add(new ConfigDiagnostic(ConfigSeverity.Warning, code, key, message, location));

    public void Add(ConfigDiagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>A path as the filesystem sees it: relative paths are taken from the working directory.</summary>
    public string Resolve(string path)
    {
        if (path.Length == 0 || Path.IsPathRooted(path)) return path;
        return Path.Combine(Options.WorkingDirectory ?? Directory.GetCurrentDirectory(), path);
    }

    /// <summary>
    /// Reads a configuration file and substitutes its environment variables. Returns its root
    /// mapping (null for an empty file); on failure reports an error and returns null.
    /// </summary>
    public ConfigMapping? ReadFile(string path)
    {
        string content;
        try
        {
            content = File.ReadAllText(Resolve(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            Error(ConfigDiagnosticCode.UnreadableFile, "", $"Cannot read config file ({path}): {e.Message}", ConfigLocation.File(path));
            return null;
        }
        return ReadContent(content, path);
    }

    /// <summary>Parses configuration text (see <see cref="ReadFile"/>).</summary>
    public ConfigMapping? ReadContent(string content, string name)
    {
        try
        {
            var root = ConfigDocumentReader.Read(content, name);
            switch (root)
            {
                case null or ConfigScalar { IsNull: true }:
                    return null;
                case ConfigMapping mapping:
                    EnvironmentSubstitution.Apply(mapping, Options.GetEnvironmentVariable);
                    return mapping;
                default:
                    Error(ConfigDiagnosticCode.Syntax, "", $"Cannot read config file ({name}): the content must be a mapping of keys, found {root.Describe()}", root.Location);
                    return null;
            }
        }
        catch (ConfigLoadException e)
        {
            Add(e.Code == ConfigDiagnosticCode.Syntax
                ? new ConfigDiagnostic(ConfigSeverity.Error, e.Code, e.Key, $"Cannot read config file ({name}): {e.Message}", e.Location)
                : e.ToDiagnostic());
            return null;
        }
    }
}
