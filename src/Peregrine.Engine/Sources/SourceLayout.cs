using Peregrine.Conditions.Fields;
using Peregrine.Engine.Fields;
using Peregrine.Plugins;

namespace Peregrine.Engine.Sources;

/// <summary>
/// Decides, as Falco's <c>init_inspectors</c> does, which plugins take part in each plugin event
/// source and which fields each source offers, and enforces the cross-plugin rules: no extractor
/// may export a field a source already has, and every loaded plugin must serve some source.
/// Peregrine has no syscall source, so plugins that could only serve syscall events are unused.
/// </summary>
public static class SourceLayout
{
    /// <summary>The sources of the registry's sourcing plugins, in load order; throws <see cref="FatalError"/> with Falco's message.</summary>
    /// <param name="registry">The loaded plugins.</param>
    /// <param name="staticFields">The <c>static_fields</c> of the configuration, offered by every source.</param>
    public static IReadOnlyList<PluginSource> Build(PluginRegistry registry, IReadOnlyDictionary<string, string>? staticFields = null)
    {
        var statics = StaticFields.For(staticFields ?? new Dictionary<string, string>()).ToList();
        var used = new HashSet<RegisteredPlugin>();
        var sources = new List<PluginSource>();
        foreach (var name in registry.PluginSources)
        {
            var members = registry.Plugins.Where(p => TakesPart(p, name)).ToList();
            var input = members.First(p => p.SourcedEventSource == name);
            sources.Add(new PluginSource(name, input, members, BuildCatalog(name, members, statics)));
            used.UnionWith(members);
        }

        foreach (var plugin in registry.Plugins)
        {
            if (used.Contains(plugin)) continue;
            var message = $"Plugin '{plugin.Name}' is loaded but unused as not compatible with any known event source";
            if (ServesSyscall(plugin)) message += " (it would serve the syscall source, which Peregrine does not capture)";
            throw new FatalError(message);
        }
        return sources;
    }

    /// <summary>libsinsp registers a plugin in a source's inspector when it sources it, or can extract, parse or inject async events for it.</summary>
    private static bool TakesPart(RegisteredPlugin plugin, string source)
    {
        var d = plugin.Descriptor;
        return plugin.SourcedEventSource == source
            || (d.Has(PluginCapabilities.Extraction) && PluginDescriptor.IsCompatible(d.ExtractEventSources, source))
            || (d.Has(PluginCapabilities.Parsing) && PluginDescriptor.IsCompatible(d.ParseEventSources, source))
            || (d.Has(PluginCapabilities.Async) && PluginDescriptor.IsCompatible(d.AsyncEventSources, source));
    }

    private static bool ServesSyscall(RegisteredPlugin plugin)
    {
        var d = plugin.Descriptor;
        return (d.Has(PluginCapabilities.Sourcing) && d.Id == 0)
            || (d.Has(PluginCapabilities.Extraction) && PluginDescriptor.IsCompatible(d.ExtractEventSources, PluginRegistry.SyscallSource));
    }

    private static FieldCatalog BuildCatalog(string source, IReadOnlyList<RegisteredPlugin> members, IReadOnlyList<FieldDefinition> statics)
    {
        var catalog = new FieldCatalog(GenericEventFields.All.Concat(statics));
        foreach (var plugin in members)
        {
            if (!plugin.Extracts) continue;
            foreach (var field in plugin.Descriptor.Fields)
            {
                if (catalog.Find(field.Name) is not null)
                    throw new FatalError($"Plugin '{plugin.Name}' supports extraction of field '{field.Name}' that is overlapping for source '{source}'");
            }
            // A plugin listing the same name twice is not an overlap (libsinsp does not check); the first wins.
            foreach (var field in plugin.Descriptor.Fields) catalog.Add(PluginFieldDefinitions.For(plugin, field));
        }
        return catalog;
    }
}
