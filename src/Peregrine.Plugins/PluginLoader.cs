using System.Diagnostics.CodeAnalysis;
using Peregrine.Plugins.Native;

namespace Peregrine.Plugins;

/// <summary>Entry point for loading native (Falco-compatible <c>.so</c>) plugins.</summary>
public static class PluginLoader
{
    /// <summary>
    /// Opens the shared library at <paramref name="libraryPath"/> (passed to <c>dlopen</c> as is)
    /// and validates it as Falco 0.44 does. Plugins requiring API 3.x (up to 3.12) are driven
    /// through the 3.x ABI, plugins requiring 2.0 through the legacy adapter.
    /// Loading the same path twice yields two independent libraries.
    /// </summary>
    /// <exception cref="PluginLoadException">The library was rejected; the message is Falco's.</exception>
    public static IPluginLibrary Load(string libraryPath) => NativePluginLoader.Load(libraryPath);

    /// <summary>Like <see cref="Load"/>, returning the rejection instead of throwing it.</summary>
    public static bool TryLoad(string libraryPath, [NotNullWhen(true)] out IPluginLibrary? library, [NotNullWhen(false)] out PluginLoadException? error)
    {
        try
        {
            library = NativePluginLoader.Load(libraryPath);
            error = null;
            return true;
        }
        catch (PluginLoadException e)
        {
            library = null;
            error = e;
            return false;
        }
    }
}
