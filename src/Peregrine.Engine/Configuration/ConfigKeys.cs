using Peregrine.Engine.Configuration.Binding;

namespace Peregrine.Engine.Configuration;

/// <summary>How Peregrine classifies the keys of <c>falco.yaml</c> (for tools, docs and tests).</summary>
public static class ConfigKeys
{
    /// <summary>
    /// The classification of a dotted key path without indexes (<c>http_output.url</c>,
    /// <c>plugins.init_config</c>); null for a key nobody knows.
    /// </summary>
    public static ConfigKeySupport? Classify(string path) => KnownKeys.Find(path)?.Support;

    /// <summary>Every top-level key known, with its classification, in <c>falco.yaml</c>'s order.</summary>
    public static IReadOnlyList<(string Key, ConfigKeySupport Support)> TopLevel { get; } =
        KnownKeys.Root.Properties.Select(p => (p.Key, p.Value.Support)).ToList();
}
