using Peregrine.Rules.Collecting;
using Peregrine.Rules.Compiling;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Reading;
using Peregrine.Rules.Rulesets;
using Peregrine.Rules.Versions;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules;

/// <summary>
/// Loads rules files one after the other, as Falco's engine does: each file is read into one
/// collector shared by all files, then everything collected so far is compiled again, so a
/// later file may append to or override an earlier one and each result repeats the warnings of
/// the files before it. After a successful load the rulesets of every loaded source are rebuilt.
/// </summary>
public sealed class RulesLoader
{
    private readonly IRuleSources _sources;
    private readonly Priority _minimumPriority;
    private readonly RulesCollector _collector = new();
    private readonly RulesReader _reader;
    private readonly RulesCompiler _compiler;
    private readonly Dictionary<string, string> _contents = new(StringComparer.Ordinal);
    private Dictionary<string, Ruleset> _rulesets = new(StringComparer.Ordinal);

    public RulesLoader(IRuleSources sources, IReadOnlyList<ExtraOutput>? extraOutputs = null, Priority minimumPriority = Priority.Debug)
    {
        _sources = sources;
        _minimumPriority = minimumPriority;
        _reader = new RulesReader(_collector);
        _compiler = new RulesCompiler(extraOutputs ?? []);
        RebuildRulesets();
    }

    /// <summary>What was collected from all files (definitions, requirements), for describing rules.</summary>
    public RulesCollector Collector => _collector;

    /// <summary>The output of the last successful load, or null before one.</summary>
    public CompileOutput? Compiled { get; private set; }

    /// <summary>The content of every file loaded, by name (snippets of messages point into them).</summary>
    public IReadOnlyDictionary<string, string> Contents => _contents;

    /// <summary>The ruleset of a loaded source (empty until rules load).</summary>
    public Ruleset RulesetFor(string source) => _rulesets[source];

    public IEnumerable<Ruleset> Rulesets => _rulesets.Values;

    /// <summary>Loads one more file. Never throws for bad content: the result says what went wrong.</summary>
    public LoadResult Load(string name, string content)
    {
        var result = new LoadResult(name);
        _contents[name] = content;
        IReadOnlyList<YamlNode?> documents;
        try
        {
            documents = YamlLoader.LoadAll(content);
        }
        catch (YamlSyntaxError e)
        {
            result.AddError(LoadErrorCode.YamlParse, e.Message, LoadContext.ForContent(name).Child(e.Mark, ItemType.ValueFor));
            return result;
        }

        result.SetSchemaStatus(RulesSchema.Validate(documents));
        var session = new LoadSession(name, content, result, _sources);
        if (!_reader.Read(session, documents)) return result;
        var output = _compiler.Compile(session, _collector);
        if (output is null || !result.Successful) return result;
        Compiled = output;
        RebuildRulesets();
        return result;
    }

    /// <summary>
    /// Checks every <c>required_plugin_versions</c> group gathered so far against the loaded
    /// plugins; null when all are satisfied, else Falco's message.
    /// </summary>
    public string? CheckPluginRequirements(IReadOnlyList<LoadedPlugin> plugins) =>
        PluginRequirements.Check(_collector.PluginRequirements, plugins);

    private void RebuildRulesets()
    {
        var rules = Compiled?.Rules ?? [];
        _rulesets = _sources.All.ToDictionary(s => s.Name, s => new Ruleset(s.Name, rules, _minimumPriority), StringComparer.Ordinal);
    }
}
