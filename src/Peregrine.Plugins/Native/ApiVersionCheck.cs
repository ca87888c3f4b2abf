using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// libs' required-API-version rule: majors equal, and the framework's minor.patch at least the
/// plugin's. The host is a 3.12.0 framework; a plugin that requires major 2 is checked against,
/// and then served by, the 2.0.0 adapter.
/// </summary>
internal static class ApiVersionCheck
{
    /// <summary>The framework versions this host offers, by major.</summary>
    public static readonly PluginVersion Current = new(PluginApiVersion.Major, PluginApiVersion.Minor, PluginApiVersion.Patch);

    /// <summary>The version the legacy adapter implements.</summary>
    public static readonly PluginVersion Legacy = new(PluginApiVersion.LegacyMajor, PluginApiVersion.LegacyMinor, PluginApiVersion.LegacyPatch);

    /// <summary>Checks the plugin's requirement; on failure <paramref name="error"/> holds libs' message.</summary>
    public static unsafe bool TryCheck(NativeSymbolTable symbols, out PluginAbiVersion abi, out string requiredText, out string error)
    {
        abi = PluginAbiVersion.V3;
        requiredText = string.Empty;
        error = string.Empty;
        var getter = (delegate* unmanaged[Cdecl]<byte*>)symbols[PluginSymbolNames.GetRequiredApiVersion];
        if (getter == null)
        {
            error = "plugin_get_required_api_version symbol not implemented";
            return false;
        }

        requiredText = NativeText.Copy(getter());
        if (!PluginVersion.TryParse(requiredText, out var required))
        {
            error = $"plugin provided an invalid required API version: '{requiredText}'";
            return false;
        }

        var framework = required.Major == Legacy.Major ? Legacy : Current;
        abi = required.Major == Legacy.Major ? PluginAbiVersion.V2 : PluginAbiVersion.V3;
        var reason = Incompatibility(framework, required);
        if (reason is null)
        {
            return true;
        }

        error = $"plugin required API version '{requiredText}' not compatible with the framework's API version '{framework}': {reason}";
        return false;
    }

    /// <summary>Why <paramref name="framework"/> cannot serve <paramref name="required"/>, or null when it can.</summary>
    public static string? Incompatibility(PluginVersion framework, PluginVersion required)
    {
        if (framework.Major != required.Major)
        {
            return "major versions disagree";
        }

        if (framework.Minor < required.Minor)
        {
            return "framework's minor is less than the requested one";
        }

        if (framework.Minor == required.Minor && framework.Patch < required.Patch)
        {
            return "framework's patch is less than the requested one";
        }

        return null;
    }
}
