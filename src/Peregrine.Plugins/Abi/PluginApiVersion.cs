namespace Peregrine.Plugins.Abi;

/// <summary>
/// The plugin API versions this code base speaks. The host advertises <see cref="Current"/>;
/// plugins that require a 2.x API are served through the 2.0 adapter, which implements
/// <see cref="Legacy"/>.
/// </summary>
public static class PluginApiVersion
{
    /// <summary>Major version of the current API (Falco 0.42–0.44, libs 0.22–0.25).</summary>
    public const uint Major = 3;

    /// <summary>Minor version of the current API.</summary>
    public const uint Minor = 12;

    /// <summary>Patch version of the current API.</summary>
    public const uint Patch = 0;

    /// <summary>The current API version as a plugin would return it from <c>plugin_get_required_api_version</c>.</summary>
    public const string Current = "3.12.0";

    /// <summary>Major version of the legacy API (Falco 0.33/0.34, libs 0.9/0.10).</summary>
    public const uint LegacyMajor = 2;

    /// <summary>Minor version of the legacy API.</summary>
    public const uint LegacyMinor = 0;

    /// <summary>Patch version of the legacy API.</summary>
    public const uint LegacyPatch = 0;

    /// <summary>The legacy API version, as a Falco 0.33 era plugin requires it.</summary>
    public const string Legacy = "2.0.0";
}
