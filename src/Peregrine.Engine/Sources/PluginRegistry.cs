using Peregrine.Plugins;

namespace Peregrine.Engine.Sources;

/// <summary>
/// Every configured plugin, loaded in configuration order with libsinsp's registration checks
/// (unique names; unique IDs among sourcing plugins), and the event sources they bring. This is
/// Falco's "offline inspector": it holds the static information every later step reads. Plugins
/// are not initialized here.
/// </summary>
public sealed class PluginRegistry : IDisposable
{
    /// <summary>The syscall source: always known to Falco, never served by Peregrine.</summary>
    public const string SyscallSource = "syscall";

    private readonly List<RegisteredPlugin> _plugins = [];
    private readonly List<string> _pluginSources = [];

    private PluginRegistry()
    {
    }

    /// <summary>The plugins, in load order.</summary>
    public IReadOnlyList<RegisteredPlugin> Plugins => _plugins;

    /// <summary>The event sources of the sourcing plugins, in load order, without duplicates.</summary>
    public IReadOnlyList<string> PluginSources => _pluginSources;

    /// <summary>
    /// Loads every plugin. A library that fails libsinsp's checks, or clashes with one loaded before
    /// it, stops everything with Falco's message (Falco reports these as runtime errors).
    /// </summary>
    public static PluginRegistry Load(IEnumerable<PluginSpec> specs, Func<string, IPluginLibrary>? open = null)
    {
        open ??= PluginLoader.Load;
        var registry = new PluginRegistry();
        try
        {
            foreach (var spec in specs) registry.Register(spec, open);
        }
        catch
        {
            registry.Dispose();
            throw;
        }
        return registry;
    }

    /// <summary>The plugin with this name (as the plugin reports it), or null.</summary>
    public RegisteredPlugin? Find(string name) => _plugins.Find(p => p.Name == name);

    public void Dispose()
    {
        foreach (var plugin in _plugins) plugin.Library.Dispose();
        _plugins.Clear();
    }

    private void Register(PluginSpec spec, Func<string, IPluginLibrary> open)
    {
        IPluginLibrary library;
        try
        {
            library = open(spec.LibraryPath);
        }
        catch (PluginLoadException e)
        {
            throw new FatalError(e.FalcoMessage, FatalErrorStyle.RuntimeError, e);
        }

        var clash = FindClash(library.Descriptor);
        if (clash is not null)
        {
            library.Dispose();
            throw new FatalError($"cannot register plugin {spec.LibraryPath} in inspector: {clash}", FatalErrorStyle.RuntimeError);
        }

        var plugin = new RegisteredPlugin(spec, library, _plugins.Count);
        _plugins.Add(plugin);
        if (plugin.SourcedEventSource is { } source && !_pluginSources.Contains(source)) _pluginSources.Add(source);
    }

    /// <summary>libsinsp's plugin manager rules: one plugin per name, one sourcing plugin per non-zero ID.</summary>
    private string? FindClash(PluginDescriptor candidate)
    {
        foreach (var existing in _plugins)
        {
            if (existing.Name == candidate.Name) return $"found another plugin with name {existing.Name}. Aborting.";
            if (existing.Descriptor.Has(PluginCapabilities.Sourcing) && candidate.Has(PluginCapabilities.Sourcing)
                && candidate.Id != 0 && existing.Descriptor.Id == candidate.Id)
            {
                return $"found another plugin with ID {existing.Descriptor.Id}. Aborting.";
            }
        }
        return null;
    }
}
