using System.Text.Json.Nodes;
using Peregrine.Engine;
using Peregrine.Engine.Listing;
using Peregrine.Plugins;
using Peregrine.Rules.Loading;

namespace Peregrine.Cli.App;

internal sealed partial class PeregrineApp
{
    /// <summary><c>--plugin-info</c>: the first configured plugin with that name or library path, loaded and initialized on its own.</summary>
    private void PrintPluginInfo()
    {
        if (options.PluginInfo is null) return;
        var configured = _config.Plugins.Select(p => (p.Name, p.LibraryPath, p.InitConfig));
        var found = PluginInfo.Find(configured, options.PluginInfo) ?? throw PluginInfo.NotFound(options.PluginInfo);
        using var library = Load(found.LibraryPath);
        var outcome = PluginInfo.Print(library, found.InitConfig, _log);
        stdout.Write(outcome.Output);
        if (outcome.Error is not null) throw outcome.Error;
        throw AppExit.Success();
    }

    /// <summary><c>--list-plugins</c>: every configured plugin's description, each loaded on its own (not initialized).</summary>
    private void ListPlugins()
    {
        if (!options.ListPlugins) return;
        var libraries = new List<IPluginLibrary>();
        try
        {
            foreach (var plugin in _config.Plugins) libraries.Add(Load(plugin.LibraryPath));
            stdout.Write(PluginInfoText.ListPlugins(libraries.Select(l => l.Descriptor).ToList()));
        }
        finally
        {
            foreach (var library in libraries) library.Dispose();
        }
        throw AppExit.Success();
    }

    /// <summary><c>--list [source]</c> with <c>--format</c>, <c>-N</c> and <c>-v</c>.</summary>
    private void ListFields()
    {
        if (options.ListFieldsSource is not { } source) return;
        if (FieldListing.CheckSource(_engine!.Sources, source) is { } problem) throw AppExit.Error(problem);
        stdout.Write(FieldListing.Render(_engine.Sources, source, new FieldListOptions(options.ListFormat, options.Verbose, options.NamesOnly)));
        throw AppExit.Success();
    }

    private string DescribeRulesText() =>
        RuleDescriptions.Print(_engine!, options.DescribeRule, jsonOutput: false);

    /// <summary>The compact JSON already ends with its newline (Falco's <c>dump() &lt;&lt; std::endl</c>); no second one is added.</summary>
    private string DescribeRulesJson() =>
        RuleDescriptions.Print(_engine!, options.DescribeRule, jsonOutput: true);

    /// <summary><c>-V</c> with <c>json_output</c>: every file's load result, and the rule descriptions when <c>-L</c>/<c>-l</c> asked and all files are valid.</summary>
    private string ValidationJson(IReadOnlyList<LoadResult> results, bool describe)
    {
        var root = new JsonObject { ["falco_load_results"] = JsonNode.Parse(LoadResultJson.Results(results, _engine!.Rules.Contents))!["falco_load_results"]!.DeepClone() };
        if (describe) root["falco_describe_results"] = RuleDescriptions.Describe(_engine, options.DescribeRule);
        return NlohmannJson.Dump(root);
    }

    private static IPluginLibrary Load(string path)
    {
        try
        {
            return PluginLoader.Load(path);
        }
        catch (PluginLoadException e)
        {
            throw new FatalError(e.FalcoMessage, FatalErrorStyle.RuntimeError, e);
        }
    }
}
