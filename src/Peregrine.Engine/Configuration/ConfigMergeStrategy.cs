namespace Peregrine.Engine.Configuration;

/// <summary>How a file listed in <c>config_files</c> merges into the configuration (top-level keys only).</summary>
public enum ConfigMergeStrategy
{
    /// <summary><c>append</c> (the default): a sequence is appended to an existing one; any other value replaces the existing value; new keys are added.</summary>
    Append,
    /// <summary><c>override</c>: every value replaces the existing one, sequences too; new keys are added.</summary>
    Override,
    /// <summary><c>add-only</c>: only keys not defined yet are added.</summary>
    AddOnly,
}
