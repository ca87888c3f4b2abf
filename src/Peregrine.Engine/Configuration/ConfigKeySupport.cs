namespace Peregrine.Engine.Configuration;

/// <summary>How Peregrine treats a key of <c>falco.yaml</c>.</summary>
public enum ConfigKeySupport
{
    /// <summary>Read into <see cref="FalcoConfiguration"/>; a wrong value is an error.</summary>
    Supported,
    /// <summary>
    /// A Falco 0.44 key for a feature Peregrine does not have (drivers, syscalls, the webserver,
    /// metrics...): accepted silently and ignored; a value of the wrong type gets a warning.
    /// </summary>
    NotApplicable,
    /// <summary>A key of older Falco versions that Falco 0.44 ignores too: accepted with a warning.</summary>
    Removed,
    /// <summary>A Peregrine key that Falco does not have (<c>plugins_dir</c>).</summary>
    Extension,
}
