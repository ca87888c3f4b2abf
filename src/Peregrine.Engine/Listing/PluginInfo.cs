using System.Text;
using Peregrine.Plugins;

namespace Peregrine.Engine.Listing;

/// <summary>
/// <c>--plugin-info &lt;name|library path&gt;</c>: the first configured plugin matching the argument,
/// its description block, its init config schema, and (for a sourcing plugin, once initialized
/// with its configured init config) its suggested open parameters.
/// </summary>
public static class PluginInfo
{
    /// <summary>
    /// The first configured plugin whose name (as configured, not as the plugin reports it) or
    /// library path (as resolved by the configuration) equals <paramref name="nameOrPath"/>; null if none.
    /// </summary>
    public static (string Name, string LibraryPath, string InitConfig)? Find(
        IEnumerable<(string Name, string LibraryPath, string InitConfig)> configured, string nameOrPath)
    {
        foreach (var plugin in configured)
        {
            if (plugin.Name == nameOrPath || plugin.LibraryPath == nameOrPath) return plugin;
        }
        return null;
    }

    /// <summary>Falco's error when no configured plugin matches.</summary>
    public static FatalError NotFound(string nameOrPath) => new("can't find plugin and print its info: " + nameOrPath);

    /// <summary>
    /// Everything <c>--plugin-info</c> prints for a loaded plugin. An init that fails ends it after the
    /// schema with Falco's error; a rejected init config or a failing open-parameters call is a
    /// runtime error, as the exceptions they are in libsinsp.
    /// </summary>
    public static ListingOutcome Print(IPluginLibrary library, string initConfig, IPluginLogger? logger = null)
    {
        var plugin = library.Descriptor;
        var output = new StringBuilder();
        output.Append(PluginInfoText.Describe(plugin)).Append('\n');

        output.Append("Init config schema type: ");
        output.Append(plugin.InitSchema.Type == PluginInitSchemaType.Json
            ? "JSON\n"
            : "Not available, plugin does not implement the init config schema functionality\n");
        output.Append(plugin.InitSchema.Text).Append("\n\n");

        IPlugin instance;
        try
        {
            instance = library.Initialize(initConfig, logger);
        }
        catch (PluginLoadException e)
        {
            var style = e.Stage == PluginLoadStage.Init ? FatalErrorStyle.Error : FatalErrorStyle.RuntimeError;
            return new ListingOutcome(output.ToString(), new FatalError(e.FalcoMessage, style, e));
        }

        using (instance)
        {
            if (!plugin.Has(PluginCapabilities.Sourcing)) return new ListingOutcome(output.ToString());
            try
            {
                output.Append(OpenParams(instance));
            }
            catch (PluginException e)
            {
                return new ListingOutcome(output.ToString(), new FatalError(e.Message, FatalErrorStyle.RuntimeError, e));
            }
        }
        return new ListingOutcome(output.ToString());
    }

    private static string OpenParams(IPlugin instance)
    {
        var output = new StringBuilder();
        // Falco asks once to test for an empty list and again to print it; a plugin may answer differently.
        if (instance.ListOpenParams().Count == 0)
        {
            output.Append("No suggested open params available: ");
            output.Append("plugin has not been configured, or it does not implement the open params suggestion functionality\n");
        }
        else
        {
            output.Append("Suggested open params:\n");
            foreach (var param in instance.ListOpenParams())
            {
                output.Append(param.Value);
                if (param.Description.Length > 0) output.Append(": ").Append(param.Description);
                output.Append('\n');
            }
        }
        output.Append('\n');
        return output.ToString();
    }
}
