using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;

namespace Peregrine.Plugins.Managed;

/// <summary>
/// Where a managed plugin's assembly and its private dependencies are loaded. Peregrine.Plugins
/// itself is always taken from the host: the host and the plugin must agree on the identity of
/// <see cref="IManagedPlugin"/> and the value types it uses. Everything else the plugin ships
/// (its SDK copy, its own packages) stays private, so two plugins may use different versions.
/// Collectible, so a disposed library can be unloaded once nothing refers to it.
/// </summary>
internal sealed class ManagedPluginLoadContext : AssemblyLoadContext
{
    private static readonly string SharedName = typeof(IManagedPlugin).Assembly.GetName().Name!;
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string _directory;

    public ManagedPluginLoadContext(string assemblyPath)
        : base("plugin:" + assemblyPath, isCollectible: true)
    {
        _resolver = new AssemblyDependencyResolver(assemblyPath);
        _directory = Path.GetDirectoryName(assemblyPath) ?? ".";
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only reached from the managed loader, which already requires unreferenced code.")]
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (string.Equals(assemblyName.Name, SharedName, StringComparison.Ordinal))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        if (path is null && assemblyName.Name is { } name)
        {
            // Without a deps.json (a plugin copied next to other files) look beside the plugin.
            var candidate = Path.Combine(_directory, name + ".dll");
            path = File.Exists(candidate) ? candidate : null;
        }

        // Null falls back to the host's context, which serves the framework.
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
