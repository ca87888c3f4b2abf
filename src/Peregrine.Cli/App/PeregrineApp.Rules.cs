using System.Text;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Logging;
using Peregrine.Rules.Loading;

namespace Peregrine.Cli.App;

internal sealed partial class PeregrineApp
{
    /// <summary>
    /// Falco's <c>-V</c>: each file loaded after the previous ones, plugin requirements checked
    /// after each, and the result printed on stdout: a summary per file (warnings go to the log),
    /// or one JSON object with <c>json_output</c>. An invalid file makes the run fail with the
    /// summary as the error.
    /// </summary>
    private void ValidateRulesFiles()
    {
        if (options.ValidateFiles.Count == 0) return;
        var contents = ReadRulesFiles(options.ValidateFiles);
        _log.Info("Validating rules file(s):");
        foreach (var file in options.ValidateFiles) _log.Info("   " + file);

        var successful = true;
        var results = new List<LoadResult>();
        var summary = new StringBuilder();
        foreach (var (name, content) in contents)
        {
            var result = _engine!.LoadRules(name, content);
            if (_engine.CheckPluginRequirements() is { } requirementError) throw AppExit.Error(requirementError);
            successful &= result.Successful;
            results.Add(result);
            if (summary.Length > 0) summary.Append('\n');
            if (!result.Successful || result.Warnings.Count == 0)
            {
                summary.Append(LoadResultText.Verbose(result, _engine.Rules.Contents));
            }
            else
            {
                summary.Append(name).Append(": Ok, with warnings");
                _log.Warning(LoadResultText.Verbose(result, _engine.Rules.Contents));
            }
        }

        var describe = successful && (options.DescribeAllRules || options.DescribeRule is not null);
        if (_config.JsonOutput)
        {
            stdout.WriteLine(ValidationJson(results, describe));
        }
        else
        {
            stdout.WriteLine(summary.ToString());
            if (describe)
            {
                stdout.WriteLine();
                stdout.Write(DescribeRulesText());
            }
        }
        if (!successful) throw AppExit.Error(summary.ToString());
        throw AppExit.Success();
    }

    /// <summary>
    /// Falco's <c>load_rules_files</c>: <c>-r</c> or the configured files (directories expanded),
    /// each loaded in order; the first file with errors stops with its report, a failed plugin
    /// requirement takes precedence; then the <c>rules:</c> selections apply, then <c>-L</c>/<c>-l</c>.
    /// </summary>
    private void LoadRulesFiles()
    {
        var configured = options.RulesFiles.Count > 0 ? options.RulesFiles : _config.RulesFiles;
        if (configured.Count == 0)
            throw AppExit.Error("You must specify at least one rules file/directory via -r or a rules_file entry in falco.yaml");
        var (files, _) = RulesFilePaths.Expand(configured);
        var contents = ReadRulesFiles(files);

        string? error = null;
        _log.Info("Loading rules from:");
        foreach (var (name, content) in contents)
        {
            var result = _engine!.LoadRules(name, content);
            _log.Log(result.SchemaValid ? LogLevel.Info : LogLevel.Warning,
                $"   {name} | schema validation: {(result.SchemaStatus.Count > 0 ? result.SchemaStatus[0] : "none")}");
            if (!result.Successful)
            {
                error = LoadResultText.Verbose(result, _engine.Rules.Contents);
                break;
            }
            if (result.Warnings.Count > 0) _log.Warning(LoadResultText.Verbose(result, _engine.Rules.Contents));
        }
        if (_engine!.CheckPluginRequirements() is { } requirementError) error = requirementError;
        if (error is not null) throw AppExit.Error(error);

        ApplyRuleSelections();
        if (options.DescribeAllRules || options.DescribeRule is not null)
        {
            stdout.Write(_config.JsonOutput ? DescribeRulesJson() : DescribeRulesText());
            throw AppExit.Success();
        }
    }

    private void ApplyRuleSelections()
    {
        foreach (var selection in _config.RuleSelections)
        {
            var enable = selection.Operation == RuleSelectionOperation.Enable;
            if (!string.IsNullOrEmpty(selection.Rule))
            {
                _log.Info($"{(enable ? "Enabling" : "Disabling")} rules with name: {selection.Rule}");
                foreach (var ruleset in _engine!.Rules.Rulesets) ruleset.SetByName(selection.Rule, enable);
            }
            if (!string.IsNullOrEmpty(selection.Tag))
            {
                _log.Info($"{(enable ? "Enabling" : "Disabling")} rules with tag: {selection.Tag}");
                foreach (var ruleset in _engine!.Rules.Rulesets) ruleset.SetByTags(new HashSet<string> { selection.Tag }, enable);
            }
        }
    }

    /// <summary>Reads every file first, as Falco does, so an unreadable file stops before any is loaded.</summary>
    private static List<(string Name, string Content)> ReadRulesFiles(IEnumerable<string> files)
    {
        var contents = new List<(string, string)>();
        foreach (var file in files)
        {
            try
            {
                contents.Add((file, File.ReadAllText(file)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw AppExit.Error($"Could not open file {file} for reading");
            }
        }
        return contents;
    }
}
