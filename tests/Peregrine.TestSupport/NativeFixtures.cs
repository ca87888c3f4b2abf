namespace Peregrine.TestSupport;

/// <summary>
/// The fixture plugins by name, for test projects. Every plugin keeps all its state in its
/// <c>ss_plugin_t</c>, so one library can be initialized several times; what each one does, and
/// the init config and open params it understands, is described at the top of its C file.
/// </summary>
public static class NativeFixtures
{
    /// <summary>API 3.x source, ID 999, source "counter"; also the benchmark plugin.</summary>
    public static string Counter => NativePluginBuilder.BuildPlugin("counter");

    /// <summary>API 3.x extractor covering every field type, arguments and lists; sources "counter" and "other".</summary>
    public static string Extractor => NativePluginBuilder.BuildPlugin("extractor");

    /// <summary>API 2.0 source, ID 998, source "legacy".</summary>
    public static string LegacySource => NativePluginBuilder.BuildPlugin("v2_source");

    /// <summary>API 2.0 extractor for the "legacy" source.</summary>
    public static string LegacyExtractor => NativePluginBuilder.BuildPlugin("v2_extractor");

    /// <summary>
    /// A plugin whose exported symbols and static answers are set by defines (see shape.c), for
    /// load-time failures. Pass string values through <see cref="NativePluginBuilder.CString"/>.
    /// </summary>
    public static string Shape(IReadOnlyDictionary<string, string?> defines) => NativePluginBuilder.BuildPlugin("shape", defines);

    /// <summary>The bare C host loop used as the benchmark baseline.</summary>
    public static string BenchLoop => NativePluginBuilder.BuildExecutable("bench_loop");

    /// <summary>The bare C extraction loop used as the extraction benchmark baseline.</summary>
    public static string BenchExtract => NativePluginBuilder.BuildExecutable("bench_extract");

    /// <summary>Exposes C sscanf("%u.%u.%u") as <c>probe_version</c>.</summary>
    public static string VersionProbe => NativePluginBuilder.BuildPlugin("version_probe");
}
