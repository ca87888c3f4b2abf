using Peregrine.Conditions.Evaluation;
using Peregrine.Engine.Events;
using Peregrine.Engine.Processing;
using Peregrine.Engine.Sources;
using Peregrine.Plugins;
using Peregrine.Rules;
using Peregrine.Rules.Compiling;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Versions;

namespace Peregrine.Engine;

/// <summary>
/// The engine as Falco's app drives it: plugins loaded and checked against each other, one
/// initialized instance of every participating plugin per source (as Falco's per-source
/// inspectors), rules loaded for exactly those sources, then one event loop per enabled source.
/// </summary>
public sealed class DetectionEngine : IDisposable
{
    private readonly EngineOptions _options;
    private readonly Dictionary<string, Dictionary<RegisteredPlugin, IPlugin>> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleSource> _ruleSources = new(StringComparer.Ordinal);

    private DetectionEngine(PluginRegistry registry, IReadOnlyList<PluginSource> sources, EngineOptions options)
    {
        Registry = registry;
        Sources = sources;
        _options = options;
        foreach (var source in sources) _ruleSources[source.Name] = new RuleSource(source.Name, source.Catalog);
        Rules = new RulesLoader(new RuleSources(_ruleSources.Values), ExtraOutputs(options, sources), options.MinimumPriority);
    }

    public PluginRegistry Registry { get; }

    /// <summary>The plugin sources, in load order.</summary>
    public IReadOnlyList<PluginSource> Sources { get; }

    public RulesLoader Rules { get; }

    /// <summary>The host name alerts and <c>evt.hostname</c> carry.</summary>
    public string Hostname => _options.Hostname;

    /// <summary>
    /// Loads the plugins, lays out the sources and initializes every participating plugin once per
    /// source. Problems are <see cref="FatalError"/>s worded as Falco's.
    /// </summary>
    public static DetectionEngine Create(IEnumerable<PluginSpec> plugins, EngineOptions options, IPluginLogger? pluginLogger = null,
        Func<string, IPluginLibrary>? open = null)
    {
        var registry = PluginRegistry.Load(plugins, open);
        DetectionEngine? engine = null;
        try
        {
            engine = new DetectionEngine(registry, SourceLayout.Build(registry, options.StaticFields), options);
            engine.InitializePlugins(pluginLogger);
            return engine;
        }
        catch
        {
            if (engine is not null) engine.Dispose();
            else registry.Dispose();
            throw;
        }
    }

    public PluginSource? FindSource(string name) => Sources.FirstOrDefault(s => s.Name == name);

    /// <summary>Loads one rules file (after the previous ones).</summary>
    public LoadResult LoadRules(string name, string content) => Rules.Load(name, content);

    /// <summary><c>required_plugin_versions</c> of every file so far against the loaded plugins; null when satisfied.</summary>
    public string? CheckPluginRequirements() =>
        Rules.CheckPluginRequirements(Registry.Plugins.Select(p => new LoadedPlugin(p.Name, p.Descriptor.VersionText)).ToList());

    /// <summary>
    /// Runs the enabled sources in parallel, each on its own thread, until every one reaches the
    /// end of its events or fails, or <paramref name="stop"/> is signalled. A source that fails
    /// stops the others, as in Falco.
    /// </summary>
    public RunSummary Run(IReadOnlyList<string> enabledSources, IAlertSink sink, CancellationToken stop)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var sessions = enabledSources.Select(name => PrepareSource(name, sink)).ToList();
        var results = new SourceRunResult[sessions.Count];
        var threads = new List<Thread>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var index = i;
            var thread = new Thread(() =>
            {
                results[index] = sessions[index].Run(failed.Token);
                if (results[index].Error is not null) failed.Cancel();
            })
            {
                Name = "source " + sessions[i].Source,
                IsBackground = true,
            };
            threads.Add(thread);
            thread.Start();
        }
        foreach (var thread in threads) thread.Join();
        return new RunSummary(results, Rules.Compiled?.Rules ?? [], sessions.Select(s => s.Counters).ToList());
    }

    public void Dispose()
    {
        foreach (var instances in _instances.Values)
        {
            foreach (var instance in instances.Values) instance.Dispose();
        }
        _instances.Clear();
        Registry.Dispose();
    }

    /// <summary>
    /// The configured extra outputs, with each suggested-output entry expanded, per source it
    /// matches, into one <c>name_with_underscores=%name</c> format per field the source's plugins
    /// suggest (Falco's <c>add_suggested_output</c>).
    /// </summary>
    private static List<ExtraOutput> ExtraOutputs(EngineOptions options, IReadOnlyList<PluginSource> sources)
    {
        var all = options.ExtraOutputs.ToList();
        foreach (var entry in options.SuggestedOutputs)
        {
            foreach (var source in sources.Where(s => string.IsNullOrEmpty(entry.Source) || s.Name == entry.Source))
            {
                foreach (var field in source.Catalog.Fields.Where(f => f.AddOutput))
                    all.Add(entry with { Source = source.Name, Format = field.Name.Replace('.', '_') + "=%" + field.Name });
            }
        }
        return all;
    }

    private void InitializePlugins(IPluginLogger? logger)
    {
        foreach (var source in Sources)
        {
            var instances = new Dictionary<RegisteredPlugin, IPlugin>();
            _instances[source.Name] = instances;
            foreach (var member in source.Members)
            {
                try
                {
                    instances[member] = member.Library.Initialize(member.Spec.InitConfig, logger);
                }
                catch (PluginLoadException e)
                {
                    // libsinsp reports a failed init as an error, and a rejected config as an exception.
                    var style = e.Stage == PluginLoadStage.Init ? FatalErrorStyle.Error : FatalErrorStyle.RuntimeError;
                    throw new FatalError(e.FalcoMessage, style, e);
                }
            }
        }
    }

    private SourceSession PrepareSource(string name, IAlertSink sink)
    {
        var source = FindSource(name) ?? throw new ArgumentException($"unknown source {name}", nameof(name));
        var instances = _instances[name];
        var slots = _ruleSources[name].Slots;
        var ruleset = Rules.RulesetFor(name);
        var rules = ruleset.EnabledRules.Select(r => new RuleRuntime(r, slots, _options.Alerts)).ToArray();
        var provider = new EventFieldProvider(source, slots, instances, _options.Time, _options.PluginsHostInfo ? _options.Hostname : "");
        var cache = new FieldCache(slots, provider);
        var formatter = new AlertFormatter(_options.Alerts, _options.Time, _options.Hostname);
        var ruleCount = (Rules.Compiled?.Rules.Count ?? 0) == 0 ? 0 : Rules.Compiled!.Rules.Max(r => r.Order) + 1;
        var runner = new SourceRunner(name, rules, cache, provider, formatter, sink, _options.RuleMatching, new DetectionCounters(ruleCount));
        return new SourceSession(source, instances[source.Input], runner);
    }
}
