using Peregrine.Plugins;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The plugins a rule depends on, as Falco's <c>-L</c> computes them: the plugins sourcing the
/// rule's source, the extractors (compatible with the source) of a field the rule reads in its
/// condition or output, and the async-event plugins (compatible with the source) of an event name
/// the condition compares <c>evt.type</c>/<c>evt.asynctype</c> with. Each plugin counts once.
/// </summary>
internal static class UsedPlugins
{
    public static CxxUnorderedSet Of(string source, CxxUnorderedSet eventNames, IEnumerable<string> fields,
        IReadOnlyList<PluginDescriptor> plugins)
    {
        // Fields may carry an argument; only the name before '[' identifies the field.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            names.Add(bracket >= 0 ? field[..bracket] : field);
        }

        var used = new CxxUnorderedSet();
        foreach (var plugin in plugins)
        {
            var sources = plugin.Has(PluginCapabilities.Sourcing) && plugin.EventSource == source;
            var extracts = plugin.Has(PluginCapabilities.Extraction)
                           && PluginDescriptor.IsCompatible(plugin.ExtractEventSources, source)
                           && plugin.Fields.Any(f => names.Contains(f.Name));
            var injects = plugin.Has(PluginCapabilities.Async)
                          && PluginDescriptor.IsCompatible(plugin.AsyncEventSources, source)
                          && plugin.AsyncEvents.Any(eventNames.Contains);
            if (sources || extracts || injects)
            {
                used.Add(plugin.Name);
            }
        }
        return used;
    }
}
