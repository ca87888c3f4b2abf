using Peregrine.Engine.Configuration.Tree;
using Peregrine.Engine.Outputs;

namespace Peregrine.Engine.Configuration.Binding;

/// <summary>The output channels: <c>file_output</c>, <c>program_output</c>, <c>http_output</c>.</summary>
internal sealed partial class ConfigurationBinder
{
    private FileOutputOptions BindFileOutput()
    {
        const string prefix = "file_output.";
        var section = Section("file_output");
        var enabled = Bool(section, prefix, "enabled", false);
        var keepAlive = KeepAlive(section, prefix);
        var (filename, _) = String(section, prefix, "filename", "");
        if (enabled && filename.Length == 0)
            Missing(prefix + "filename", "file output enabled but no filename in configuration block", section?["enabled"]);
        return new FileOutputOptions { Enabled = enabled, KeepAlive = keepAlive, Filename = filename };
    }

    private ProgramOutputOptions BindProgramOutput()
    {
        const string prefix = "program_output.";
        var section = Section("program_output");
        var enabled = Bool(section, prefix, "enabled", false);
        var keepAlive = KeepAlive(section, prefix);
        var (program, _) = String(section, prefix, "program", "");
        if (enabled && program.Length == 0)
            Missing(prefix + "program", "program output enabled but no program in configuration block", section?["enabled"]);
        return new ProgramOutputOptions { Enabled = enabled, KeepAlive = keepAlive, Program = program };
    }

    private HttpOutputOptions BindHttpOutput()
    {
        const string prefix = "http_output.";
        var section = Section("http_output");
        var defaults = new HttpOutputOptions();
        var enabled = Bool(section, prefix, "enabled", false);
        var (url, _) = String(section, prefix, "url", defaults.Url);
        if (enabled && url.Length == 0)
            Missing(prefix + "url", "http output enabled but no url in configuration block", section?["enabled"]);
        return new HttpOutputOptions
        {
            Enabled = enabled,
            Url = url,
            UserAgent = String(section, prefix, "user_agent", defaults.UserAgent).Text,
            Insecure = Bool(section, prefix, "insecure", false),
            Echo = Bool(section, prefix, "echo", false),
            CaCert = String(section, prefix, "ca_cert", defaults.CaCert).Text,
            CaBundle = String(section, prefix, "ca_bundle", defaults.CaBundle).Text,
            CaPath = String(section, prefix, "ca_path", defaults.CaPath).Text,
            Mtls = Bool(section, prefix, "mtls", false),
            ClientCert = String(section, prefix, "client_cert", defaults.ClientCert).Text,
            ClientKey = String(section, prefix, "client_key", defaults.ClientKey).Text,
            CompressUploads = Bool(section, prefix, "compress_uploads", false),
            KeepAlive = Bool(section, prefix, "keep_alive", false),
            MaxConsecutiveTimeouts = UInt8(section, prefix, "max_consecutive_timeouts", defaults.MaxConsecutiveTimeouts),
        };
    }

    /// <summary>
    /// <c>keep_alive</c> of the file and program outputs: Falco reads it as a string and keeps the
    /// output alive only when it is exactly <c>true</c>. Other spellings of true (<c>yes</c>,
    /// <c>True</c>, <c>on</c>) therefore mean false, which the loader points out.
    /// </summary>
    private bool KeepAlive(ConfigMapping? section, string prefix)
    {
        switch (section?["keep_alive"])
        {
            case null or ConfigScalar { IsNull: true }:
                return false;
            case ConfigScalar { Value: "true" }:
                return true;
            case ConfigScalar scalar when YamlCppScalar.TryBool(scalar.Value, out var value):
                if (value)
                    context.Warning(ConfigDiagnosticCode.Advisory, prefix + "keep_alive",
                        $"{scalar.Describe()} is read as false: Falco turns keep_alive on only when it is written exactly 'true'", scalar.Location);
                return false;
            case var other:
                Invalid(prefix + "keep_alive", $"expected a boolean (true or false), found {other.Describe()}", other);
                return false;
        }
    }

    private void Missing(string key, string message, ConfigNode? trigger) =>
        context.Error(ConfigDiagnosticCode.MissingValue, key, message, trigger?.Location);
}
