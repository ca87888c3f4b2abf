using System.Globalization;
using System.Text;
using Peregrine.Plugins;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The description block Falco prints for a plugin (in <c>--list-plugins</c> and
/// <c>--plugin-info</c>): name, description, contact, version (as parsed, so <c>1.2.3-rc1</c>
/// shows <c>1.2.3</c>) and one line per capability. Capture listening has no line, as in Falco.
/// </summary>
public static class PluginInfoText
{
    public static string Describe(PluginDescriptor plugin)
    {
        var output = new StringBuilder();
        output.Append("Name: ").Append(plugin.Name).Append('\n');
        output.Append("Description: ").Append(plugin.Description).Append('\n');
        output.Append("Contact: ").Append(plugin.Contact).Append('\n');
        output.Append("Version: ").Append(plugin.Version.ToString()).Append('\n');
        output.Append("Capabilities: \n");
        if (plugin.Has(PluginCapabilities.Sourcing))
        {
            output.Append("  - Event Sourcing");
            output.Append(plugin.Id != 0
                ? string.Create(CultureInfo.InvariantCulture, $" (ID={plugin.Id}, source='{plugin.EventSource}')")
                : " (system events)");
            output.Append('\n');
        }
        if (plugin.Has(PluginCapabilities.Extraction)) output.Append("  - Field Extraction\n");
        if (plugin.Has(PluginCapabilities.Parsing)) output.Append("  - Event Parsing\n");
        if (plugin.Has(PluginCapabilities.Async)) output.Append("  - Async Events\n");
        return output.ToString();
    }

    /// <summary>What <c>--list-plugins</c> prints: a count, then each configured plugin's block and a blank line.</summary>
    public static string ListPlugins(IReadOnlyList<PluginDescriptor> plugins)
    {
        var blocks = new StringBuilder();
        foreach (var plugin in plugins) blocks.Append(Describe(plugin)).Append('\n');
        return string.Create(CultureInfo.InvariantCulture, $"{plugins.Count} Plugins Loaded:\n\n{blocks}\n");
    }
}
