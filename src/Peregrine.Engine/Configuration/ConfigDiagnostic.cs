namespace Peregrine.Engine.Configuration;

public enum ConfigSeverity
{
    Warning,
    Error,
}

/// <summary>What kind of problem a <see cref="ConfigDiagnostic"/> reports.</summary>
public enum ConfigDiagnosticCode
{
    /// <summary>The file is not valid YAML, or its root is not a mapping.</summary>
    Syntax,
    /// <summary>The file could not be read.</summary>
    UnreadableFile,
    /// <summary>A <c>-o key=value</c> option is malformed or cannot be applied.</summary>
    InvalidOverride,
    /// <summary>A <c>config_files</c> entry is malformed or includes something it may not.</summary>
    InvalidInclude,
    /// <summary>A key that neither Falco 0.44 nor Peregrine knows (usually a typo).</summary>
    UnknownKey,
    /// <summary>A key that older Falco versions had and Falco 0.44 ignores.</summary>
    RemovedKey,
    /// <summary>A key given twice in the same mapping (the first one is used, as in Falco).</summary>
    DuplicateKey,
    /// <summary>A deprecated key that still works (<c>rules_file</c>).</summary>
    DeprecatedKey,
    /// <summary>A value of the wrong type or outside its allowed values.</summary>
    InvalidValue,
    /// <summary>A value that an enabled feature needs is missing (an output without its target, ...).</summary>
    MissingValue,
    /// <summary><c>load_plugins</c> names a plugin that has no <c>plugins</c> entry.</summary>
    UnknownPlugin,
    /// <summary>Valid, but probably not what was meant (Falco logs the same warning).</summary>
    Advisory,
}

/// <summary>
/// One problem found while loading the configuration. <see cref="Key"/> is the dotted path of
/// the value concerned (<c>plugins[0].library_path</c>), empty for file-level problems.
/// </summary>
public sealed record ConfigDiagnostic(
    ConfigSeverity Severity,
    ConfigDiagnosticCode Code,
    string Key,
    string Message,
    ConfigLocation? Location)
{
    public bool IsError => Severity == ConfigSeverity.Error;

    /// <summary><c>file:line:col: key: message</c>, the way the CLI prints it after <c>Error: </c>.</summary>
    public override string ToString()
    {
        var prefix = Location is { } location ? location + ": " : "";
        return Key.Length > 0 ? $"{prefix}{Key}: {Message}" : prefix + Message;
    }
}
