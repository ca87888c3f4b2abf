using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Peregrine.Engine.Configuration;
using Peregrine.Engine.Logging;

namespace Peregrine.Cli.App;

internal sealed partial class PeregrineApp
{
    /// <summary>
    /// Falco's <c>load_config</c>: <c>-c</c>, else /etc/falco/falco.yaml when it exists, else the
    /// built-in defaults; then the <c>-o</c> options. Warnings are printed on stderr whatever the
    /// log settings (a misspelt key must not go unnoticed); the first error stops the run.
    /// </summary>
    private void LoadConfiguration()
    {
        _configFile = options.ConfigFile;
        if (_configFile is not null && !File.Exists(_configFile))
            throw AppExit.Error("Could not find configuration file at " + _configFile);
        if (_configFile is null && File.Exists(DefaultConfigFile)) _configFile = DefaultConfigFile;

        var result = _configFile is not null
            ? ConfigurationLoader.Load(_configFile, options.ConfigOverrides)
            : ConfigurationLoader.LoadContent("", options.ConfigOverrides);
        foreach (var warning in result.Warnings) stderr.WriteLine("Warning: " + warning);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors.Skip(1)) stderr.WriteLine("Error: " + error);
            throw AppExit.Error(result.Errors[0].ToString());
        }

        _config = result.Configuration!;
        if (options.Unbuffered) _config = _config with { BufferedOutputs = false };
        _log = FalcoLogger.From(_config, stderr);
        _log.Info($"Peregrine version: {ProductVersion.Peregrine} ({RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()}), following Falco {ProductVersion.FalcoVersion}");
        if (_configFile is null) return;
        _log.Info("Peregrine initialized with configuration files:");
        foreach (var file in result.Files)
        {
            _log.Log(file.Validation == "ok" ? LogLevel.Info : LogLevel.Warning, $"   {file.Path} | schema validation: {file.Validation}");
        }
    }

    /// <summary><c>--version</c>: Falco's layout, with Peregrine's facts (JSON with <c>json_output</c>).</summary>
    private void PrintVersion()
    {
        if (!options.PrintVersion) return;
        if (_config.JsonOutput)
        {
            // Keys in alphabetical order, as nlohmann::json prints Falco's.
            stdout.WriteLine(new JsonObject
            {
                ["engine_version"] = ProductVersion.EngineVersion,
                ["falco_version"] = ProductVersion.FalcoVersion,
                ["peregrine_version"] = ProductVersion.Peregrine,
                ["plugin_api_version"] = ProductVersion.PluginApiVersion,
            }.ToJsonString());
        }
        else
        {
            stdout.WriteLine($"Peregrine version: {ProductVersion.Peregrine}");
            stdout.WriteLine($"Falco version:     {ProductVersion.FalcoVersion} (the behaviour Peregrine follows)");
            stdout.WriteLine($"Plugin API:        {ProductVersion.PluginApiVersion}");
            stdout.WriteLine($"Engine:            {ProductVersion.EngineVersion}");
        }
        throw AppExit.Success();
    }

    private void RequireConfigFile()
    {
        if (_configFile is null) throw AppExit.Error($"You must create a config file at {DefaultConfigFile} or by passing -c");
    }

    /// <summary>Falco's <c>-P</c>: the bare process ID, not in dry-run; a file that cannot be written stops Peregrine.</summary>
    private void WritePidFile()
    {
        if (options.DryRun || string.IsNullOrEmpty(options.PidFile)) return;
        try
        {
            File.WriteAllText(options.PidFile, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.Log(LogLevel.Error, $"Could not write pid to pidfile {options.PidFile}. Exiting.");
            throw AppExit.Error($"Could not write pid to pidfile {options.PidFile}: {e.Message}");
        }
    }
}
