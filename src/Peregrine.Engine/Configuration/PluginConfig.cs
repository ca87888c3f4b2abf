namespace Peregrine.Engine.Configuration;

/// <summary>
/// One entry of <c>plugins:</c>.
/// </summary>
/// <param name="Name">The name that <c>load_plugins</c> refers to.</param>
/// <param name="LibraryPath">
/// The path to load: as written when absolute; a relative path joined to the plugins directory
/// and normalized (<c>libjson.so</c> → <c>/usr/share/falco/plugins/libjson.so</c>); the bundled
/// plugin's library when the entry names one (see <see cref="BundledPlugins"/>).
/// </param>
/// <param name="RawLibraryPath">The <c>library_path</c> exactly as written; empty for a bundled plugin named without one.</param>
/// <param name="InitConfig">
/// The text given to the plugin's <c>init</c>: a string as written, or a YAML mapping or
/// sequence converted to JSON as Falco does; empty when there is none.
/// </param>
/// <param name="OpenParams">The text given to the plugin's <c>open</c>, with surrounding blanks trimmed; empty when none.</param>
/// <param name="Location">Where the entry starts, for messages about this plugin.</param>
public sealed record PluginConfig(
    string Name,
    string LibraryPath,
    string RawLibraryPath,
    string InitConfig,
    string OpenParams,
    ConfigLocation Location)
{
    public bool HasInitConfig => InitConfig.Length > 0;
}
