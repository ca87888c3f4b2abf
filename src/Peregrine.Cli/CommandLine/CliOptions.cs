using Peregrine.Engine.Listing;

namespace Peregrine.Cli.CommandLine;

/// <summary>Everything the command line asked for, with Falco's option names in the comments.</summary>
public sealed record CliOptions
{
    /// <summary><c>-c &lt;path&gt;</c>; null when not given.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>-o/--option key=value</c>, in order.</summary>
    public IReadOnlyList<string> ConfigOverrides { get; init; } = [];

    /// <summary><c>-r &lt;rules_file&gt;</c>, in order; replaces the configured rules files.</summary>
    public IReadOnlyList<string> RulesFiles { get; init; } = [];

    /// <summary><c>-V/--validate &lt;rules_file&gt;</c>, in order.</summary>
    public IReadOnlyList<string> ValidateFiles { get; init; } = [];

    /// <summary><c>-L</c>.</summary>
    public bool DescribeAllRules { get; init; }

    /// <summary><c>-l &lt;rule&gt;</c>.</summary>
    public string? DescribeRule { get; init; }

    /// <summary><c>--list [source]</c>: null when absent, empty for every source.</summary>
    public string? ListFieldsSource { get; init; }

    /// <summary><c>--format text|markdown|json</c> (or the deprecated <c>--markdown</c>).</summary>
    public FieldListFormat ListFormat { get; init; } = FieldListFormat.Text;

    /// <summary><c>-N</c>: field names only.</summary>
    public bool NamesOnly { get; init; }

    /// <summary><c>--list-plugins</c>.</summary>
    public bool ListPlugins { get; init; }

    /// <summary><c>--plugin-info &lt;name|library_path&gt;</c>.</summary>
    public string? PluginInfo { get; init; }

    /// <summary><c>--enable-source</c>, repeatable.</summary>
    public IReadOnlyList<string> EnableSources { get; init; } = [];

    /// <summary><c>--disable-source</c>, repeatable.</summary>
    public IReadOnlyList<string> DisableSources { get; init; } = [];

    /// <summary><c>--dry-run</c>.</summary>
    public bool DryRun { get; init; }

    /// <summary><c>-M &lt;seconds&gt;</c>: stop after this long (0: never).</summary>
    public int DurationSeconds { get; init; }

    /// <summary><c>-p/--print &lt;format&gt;</c> (deprecated in Falco): text appended to every rule output.</summary>
    public string? PrintAdditional { get; init; }

    /// <summary><c>-P/--pidfile &lt;path&gt;</c>.</summary>
    public string? PidFile { get; init; }

    /// <summary><c>-U/--unbuffered</c>.</summary>
    public bool Unbuffered { get; init; }

    /// <summary><c>-v</c>.</summary>
    public bool Verbose { get; init; }

    /// <summary><c>--version</c>.</summary>
    public bool PrintVersion { get; init; }

    /// <summary><c>-h/--help</c>.</summary>
    public bool Help { get; init; }

    /// <summary>Falco options Peregrine knows but cannot serve (syscall-only, schemas), by name.</summary>
    public IReadOnlyList<string> UnsupportedOptions { get; init; } = [];
}
