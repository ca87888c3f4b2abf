using System.Diagnostics.CodeAnalysis;
using Peregrine.Plugins.Managed;
using Peregrine.Plugins.Native;

namespace Peregrine.Plugins;

/// <summary>
/// Entry point for loading plugins: native (Falco-compatible <c>.so</c>) libraries, and plugins
/// written in C# with Peregrine.Sdk (a path ending in <c>.dll</c>), loaded in-process.
/// </summary>
public static class PluginLoader
{
    /// <summary>
    /// Opens the shared library at <paramref name="libraryPath"/> (passed to <c>dlopen</c> as is)
    /// and validates it as Falco 0.44 does. Plugins requiring API 3.x (up to 3.12) are driven
    /// through the 3.x ABI, plugins requiring 2.0 through the legacy adapter.
    /// Loading the same path twice yields two independent libraries. A path ending in <c>.dll</c> is
    /// a managed assembly: it is loaded into its own load context and its plugin type (the one
    /// public concrete implementation of <see cref="IManagedPlugin"/>) goes through the same checks.
    /// </summary>
    /// <exception cref="PluginLoadException">The library was rejected; the message is Falco's.</exception>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Managed plugins need a host with full metadata; a trimmed or NativeAOT host gets a load error instead.")]
    public static IPluginLibrary Load(string libraryPath)
    {
        ArgumentNullException.ThrowIfNull(libraryPath);
        return ManagedPluginLoader.IsManagedPath(libraryPath)
            ? ManagedPluginLoader.Load(libraryPath)
            : NativePluginLoader.Load(libraryPath);
    }

    /// <summary>
    /// Loads the managed plugin implemented by <typeparamref name="TPlugin"/>, already loaded in
    /// this process (tests, or a host that links its plugins), with every check of <see cref="Load"/>.
    /// </summary>
    /// <param name="location">What <see cref="PluginDescriptor.Location"/> and messages show; the type name when null.</param>
    public static IPluginLibrary LoadManaged<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TPlugin>(string? location = null)
        where TPlugin : IManagedPlugin, new() =>
        ManagedPluginLoader.FromType(location ?? typeof(TPlugin).FullName ?? typeof(TPlugin).Name, typeof(TPlugin), null);

    /// <summary>Like <see cref="Load"/>, returning the rejection instead of throwing it.</summary>
    public static bool TryLoad(string libraryPath, [NotNullWhen(true)] out IPluginLibrary? library, [NotNullWhen(false)] out PluginLoadException? error)
    {
        try
        {
            library = Load(libraryPath);
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
