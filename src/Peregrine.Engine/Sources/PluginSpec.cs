namespace Peregrine.Engine.Sources;

/// <summary>
/// One plugin to load, as the configuration decided it: the <c>plugins:</c> entry's name, its library
/// path already resolved against the plugins directory, its init config (a YAML map is passed as
/// JSON) and its open parameters.
/// </summary>
public sealed record PluginSpec(string Name, string LibraryPath, string InitConfig = "", string OpenParams = "");
