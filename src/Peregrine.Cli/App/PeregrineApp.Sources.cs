using Peregrine.Engine;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Outputs;
using Peregrine.Engine.Sources;

namespace Peregrine.Cli.App;

internal sealed partial class PeregrineApp
{
    /// <summary>
    /// Falco's <c>load_plugins</c> and <c>init_inspectors</c>: every configured plugin loaded and
    /// checked against the others, the sources laid out, each participating plugin initialized
    /// once per source. Without any plugin the engine is empty and rules of every source are skipped.
    /// </summary>
    private void LoadPlugins()
    {
        var hostname = AlertHostname.Resolve(_log);
        var settings = RuntimeSettings.Engine(_config, hostname, options.PrintAdditional);
        if (!string.IsNullOrEmpty(options.PrintAdditional))
            _log.Warning("The -p/--print option is deprecated and will be removed. Use -o append_output=... instead.");
        _engine = DetectionEngine.Create(RuntimeSettings.Plugins(_config), settings, _log);
        foreach (var plugin in _engine.Registry.Plugins)
            _log.Info($"Loaded plugin '{plugin.Spec.Name}@{plugin.Descriptor.VersionText}' from file {plugin.Spec.LibraryPath}");
    }

    /// <summary>
    /// Falco's <c>select_event_sources</c>. Falco always knows the syscall source; Peregrine only
    /// runs plugin sources, so syscall counts as known for the messages but is never enabled, and
    /// naming it in <c>--enable-source</c> is an error that says why.
    /// </summary>
    private IReadOnlyList<string> SelectSources()
    {
        var loaded = new List<string> { PluginRegistry.SyscallSource };
        loaded.AddRange(_engine!.Sources.Select(s => s.Name));
        if (options.EnableSources.Count > 0 && options.DisableSources.Count > 0)
            throw AppExit.Error("You can not mix --enable-source and --disable-source");

        var enabled = _engine.Sources.Select(s => s.Name).ToList();
        if (options.EnableSources.Count > 0)
        {
            enabled.Clear();
            foreach (var source in options.EnableSources)
            {
                if (!loaded.Contains(source)) throw AppExit.Error("Attempted enabling an unknown event source: " + source);
                if (source == PluginRegistry.SyscallSource)
                    throw AppExit.Error("Attempted enabling the syscall event source: Peregrine does not capture system calls; its event sources come from plugins");
                if (!enabled.Contains(source)) enabled.Add(source);
            }
        }
        else
        {
            foreach (var source in options.DisableSources)
            {
                if (!loaded.Contains(source)) throw AppExit.Error("Attempted disabling an unknown event source: " + source);
                enabled.Remove(source);
            }
            if (options.DisableSources.Count > 0 && enabled.Count == 0) throw AppExit.Error("Must enable at least one event source");
        }
        return enabled;
    }
}
