namespace Peregrine.Engine.Configuration;

/// <summary>
/// The plugins shipped with Peregrine (json, cloudtrail, k8saudit), built into a folder beside the
/// program: <c>plugins/&lt;name&gt;/</c>. A falco.yaml entry reaches one either by its name alone
/// (no <c>library_path</c>) or through the upstream library file name (<c>libjson.so</c> ...) when no
/// such file is installed, so Falco's stock configuration runs unchanged without Falco's plugins.
/// </summary>
public sealed class BundledPlugins
{
    private static readonly (string Name, string Assembly)[] Known =
    [
        ("json", "Peregrine.Plugins.Json"),
        ("cloudtrail", "Peregrine.Plugins.CloudTrail"),
        ("k8saudit", "Peregrine.Plugins.K8sAudit"),
    ];

    /// <param name="directory">The folder holding one sub-folder per bundled plugin.</param>
    /// <param name="canLoadAssemblies">
    /// Whether the host can load the plugins' assemblies in-process. A JIT host takes the assembly
    /// (cheaper extraction) and falls back to a NativeAOT <c>lib&lt;name&gt;.so</c> in the same folder;
    /// a NativeAOT host can only load the .so.
    /// </param>
    public BundledPlugins(string directory, bool canLoadAssemblies)
    {
        Directory = directory;
        CanLoadAssemblies = canLoadAssemblies;
    }

    /// <summary>The folder beside the running program, with the host's own preference.</summary>
    public static BundledPlugins Default { get; } = new(
        Path.Combine(AppContext.BaseDirectory, "plugins"),
        System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported);

    public string Directory { get; }

    public bool CanLoadAssemblies { get; }

    /// <summary>The names of the bundled plugins, whether or not they are installed.</summary>
    public static IEnumerable<string> Names => Known.Select(k => k.Name);

    /// <summary>The library of the bundled plugin called <paramref name="name"/>, or null when there is none installed.</summary>
    public string? FindByName(string name)
    {
        foreach (var (known, assembly) in Known)
        {
            if (known != name) continue;
            var folder = Path.Combine(Directory, known);
            var managed = Path.Combine(folder, assembly + ".dll");
            var native = Path.Combine(folder, UpstreamLibraryName(known));
            string[] candidates = CanLoadAssemblies ? [managed, native] : [native];
            return candidates.FirstOrDefault(File.Exists);
        }
        return null;
    }

    /// <summary>
    /// The bundled stand-in for an upstream library path (<c>…/libk8saudit.so</c>) that does not
    /// exist on this machine, or null when the file exists or is not one of ours.
    /// </summary>
    public string? FindStandIn(string libraryPath)
    {
        if (libraryPath.Length == 0 || File.Exists(libraryPath)) return null;
        var fileName = Path.GetFileName(libraryPath);
        foreach (var (known, _) in Known)
        {
            if (fileName == UpstreamLibraryName(known)) return FindByName(known);
        }
        return null;
    }

    /// <summary>The file name Falco's packages install the plugin under.</summary>
    public static string UpstreamLibraryName(string name) => "lib" + name + ".so";
}
