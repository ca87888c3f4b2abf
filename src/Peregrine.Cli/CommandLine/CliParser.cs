using System.CommandLine;
using System.CommandLine.Help;
using Peregrine.Engine.Listing;

namespace Peregrine.Cli.CommandLine;

/// <summary>The outcome of reading the command line: options, or Falco's error text, or a help request.</summary>
public sealed record CliParseResult(CliOptions? Options, string? Error, ParseResult Parsed);

/// <summary>
/// Falco's command line (0.44 <c>options.cpp</c>) declared with System.CommandLine: the same
/// option names, repeatable where Falco's are, and Falco's texts for the checks it makes itself.
/// </summary>
public static class CliParser
{
    private static readonly Option<string?> Config = new("-c") { Description = "Configuration file. If not specified uses /etc/falco/falco.yaml.", HelpName = "path" };
    private static readonly Option<string[]> Overrides = new("--option", "-o")
    {
        Description = "Set the value of option <opt> to <val>, overriding the configuration file. <opt> is a dotted path; list elements are addressed as [i]; a backslash escapes dots, brackets and backslashes in key names.",
        HelpName = "opt>=<val",
    };
    private static readonly Option<string[]> Rules = new("-r") { Description = "Rules file or directory to load (repeatable; only .yml/.yaml files). Replaces the rules files of the configuration.", HelpName = "rules_file" };
    private static readonly Option<string[]> Validate = new("--validate", "-V") { Description = "Validate the given rules file(s) and exit (repeatable).", HelpName = "rules_file" };
    private static readonly Option<bool> DescribeAll = new("-L") { Description = "Show the name and description of all rules and exit (JSON details with json_output)." };
    private static readonly Option<string?> DescribeOne = new("-l") { Description = "Show the name and description of <rule> and exit (JSON details with json_output).", HelpName = "rule" };
    private static readonly Option<string?> List = new("--list") { Description = "List the fields of every loaded source, or of <source> only, and exit.", HelpName = "source", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string?> Format = new("--format") { Description = "Output format of --list: text, markdown or json.", HelpName = "format" };
    private static readonly Option<bool> Markdown = new("--markdown") { Description = "Deprecated: use --format markdown." };
    private static readonly Option<bool> NamesOnly = new("-N") { Description = "With --list, print field names only." };
    private static readonly Option<bool> ListPlugins = new("--list-plugins") { Description = "Print information on the configured plugins and exit." };
    private static readonly Option<string?> PluginInfo = new("--plugin-info") { Description = "Print information on the plugin named <plugin_name> (or with that library_path), its init config schema and suggested open parameters, and exit.", HelpName = "plugin_name" };
    private static readonly Option<string[]> EnableSource = new("--enable-source") { Description = "Enable only the given event source (repeatable; not with --disable-source).", HelpName = "event_source" };
    private static readonly Option<string[]> DisableSource = new("--disable-source") { Description = "Disable the given event source (repeatable; not with --enable-source).", HelpName = "event_source" };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Load configuration, plugins and rules, then exit without processing events." };
    private static readonly Option<int> Duration = new("-M") { Description = "Stop after <num_seconds>.", HelpName = "num_seconds" };
    private static readonly Option<string?> Print = new("--print", "-p") { Description = "Deprecated: use -o append_output. Text appended to every rule output.", HelpName = "output_format" };
    private static readonly Option<string?> PidFile = new("--pidfile", "-P") { Description = "Write the process ID to <pid_file>.", HelpName = "pid_file" };
    private static readonly Option<bool> Unbuffered = new("--unbuffered", "-U") { Description = "Turn off output buffering: every alert is flushed at once." };
    private static readonly Option<bool> Verbose = new("-v") { Description = "Verbose output: per-source event rates at exit." };
    private static readonly Option<bool> PrintVersion = new("--version") { Description = "Print version information and exit." };

    // Falco options that only make sense with a syscall driver or Falco's own schemas.
    private static readonly Option<bool>[] Unsupported =
    [
        new("--config-schema") { Description = "Not supported by Peregrine." },
        new("--rule-schema") { Description = "Not supported by Peregrine." },
        new("-i") { Description = "Not supported by Peregrine (syscall events only)." },
        new("--list-events") { Description = "Not supported by Peregrine (syscall events only)." },
        new("--page-size") { Description = "Not supported by Peregrine (syscall ring buffers only)." },
        new("--support") { Description = "Not supported by Peregrine." },
    ];

    public static RootCommand Command { get; } = Build();

    public static CliParseResult Parse(IReadOnlyList<string> args)
    {
        var parsed = Command.Parse(args);
        if (parsed.Errors.Count > 0) return new CliParseResult(null, parsed.Errors[0].Message, parsed);
        if (parsed.Action is HelpAction) return new CliParseResult(new CliOptions { Help = true }, null, parsed);

        var formatText = parsed.GetValue(Format);
        var markdown = parsed.GetValue(Markdown);
        if (markdown && formatText is not null)
            return new CliParseResult(null, "Cannot specify both --markdown and --format options together", parsed);
        var format = markdown ? FieldListFormat.Markdown : FieldListFormat.Text;
        if (formatText is not null && !TryParseFormat(formatText, out format))
            return new CliParseResult(null, $"Invalid format '{formatText}'. Valid values are: text, markdown, json", parsed);

        var options = new CliOptions
        {
            ConfigFile = parsed.GetValue(Config),
            ConfigOverrides = parsed.GetValue(Overrides) ?? [],
            RulesFiles = parsed.GetValue(Rules) ?? [],
            ValidateFiles = parsed.GetValue(Validate) ?? [],
            DescribeAllRules = parsed.GetValue(DescribeAll),
            DescribeRule = parsed.GetValue(DescribeOne),
            ListFieldsSource = parsed.GetResult(List) is null ? null : parsed.GetValue(List) ?? "",
            ListFormat = format,
            NamesOnly = parsed.GetValue(NamesOnly),
            ListPlugins = parsed.GetValue(ListPlugins),
            PluginInfo = parsed.GetValue(PluginInfo),
            EnableSources = parsed.GetValue(EnableSource) ?? [],
            DisableSources = parsed.GetValue(DisableSource) ?? [],
            DryRun = parsed.GetValue(DryRun),
            DurationSeconds = parsed.GetValue(Duration),
            PrintAdditional = parsed.GetValue(Print),
            PidFile = parsed.GetValue(PidFile),
            Unbuffered = parsed.GetValue(Unbuffered),
            Verbose = parsed.GetValue(Verbose),
            PrintVersion = parsed.GetValue(PrintVersion),
            UnsupportedOptions = Unsupported.Where(o => parsed.GetValue(o)).Select(o => o.Name).ToList(),
        };
        return new CliParseResult(options, null, parsed);
    }

    private static bool TryParseFormat(string text, out FieldListFormat format)
    {
        switch (text.ToLowerInvariant())
        {
            case "text":
                format = FieldListFormat.Text;
                return true;
            case "markdown":
                format = FieldListFormat.Markdown;
                return true;
            case "json":
                format = FieldListFormat.Json;
                return true;
            default:
                format = FieldListFormat.Text;
                return false;
        }
    }

    private static RootCommand Build()
    {
        var root = new RootCommand("Peregrine: Falco-compatible runtime security for plugin event sources");
        // RootCommand brings its own --version; Falco's --version prints more, so ours replaces it.
        foreach (var builtIn in root.Options.OfType<VersionOption>().ToList()) root.Options.Remove(builtIn);
        Option[] options =
        [
            Config, Overrides, Rules, Validate, DescribeAll, DescribeOne, List, Format, Markdown, NamesOnly, ListPlugins,
            PluginInfo, EnableSource, DisableSource, DryRun, Duration, Print, PidFile, Unbuffered, Verbose, PrintVersion,
            .. Unsupported,
        ];
        foreach (var option in options) root.Options.Add(option);
        return root;
    }
}
