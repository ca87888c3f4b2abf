using System.Reflection;

namespace Peregrine.Cli.App;

/// <summary>What <c>--version</c> reports: Peregrine's own version and the Falco versions it follows.</summary>
internal static class ProductVersion
{
    /// <summary>The Falco release whose behaviour Peregrine matches.</summary>
    public const string FalcoVersion = "0.44.1";

    /// <summary>The highest plugin API version the host implements.</summary>
    public const string PluginApiVersion = global::Peregrine.Plugins.Abi.PluginApiVersion.Current;

    /// <summary>The rules engine version, as <c>required_engine_version</c> compares it.</summary>
    public static string EngineVersion => global::Peregrine.Rules.Versions.EngineVersion.Current.ToString();

    public static string Peregrine { get; } =
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
