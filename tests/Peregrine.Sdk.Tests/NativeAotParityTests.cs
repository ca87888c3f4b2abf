using Peregrine.TestSupport;

namespace Peregrine.Sdk.Tests;

/// <summary>
/// Publishes the example plugin with NativeAOT once (a real <c>dotnet publish</c>, so it takes a
/// while) and checks that the resulting shared library, loaded through the native path, behaves
/// exactly as the same plugin loaded in-process.
/// </summary>
public sealed class NativeAotParityTests(NativeAotParityTests.PublishedDummy published) : IClassFixture<NativeAotParityTests.PublishedDummy>
{
    private static readonly string ManagedPath = Path.Combine(AppContext.BaseDirectory, "Dummy.dll");

    [Fact]
    public void The_shared_library_exports_the_same_plugin()
    {
        using var native = PluginLoader.Load(published.LibraryPath);
        using var managed = PluginLoader.Load(ManagedPath);
        var n = native.Descriptor;
        var m = managed.Descriptor;
        Assert.Equal(PluginAbiVersion.V3, n.Abi);
        Assert.Equal((m.Name, m.VersionText, m.Description, m.Contact, m.RequiredApiVersion, m.Capabilities, m.Id, m.EventSource),
            (n.Name, n.VersionText, n.Description, n.Contact, n.RequiredApiVersion, n.Capabilities, n.Id, n.EventSource));
        Assert.Equal(m.InitSchema, n.InitSchema);
        Assert.Equal(m.ExtractEventSources.Order(), n.ExtractEventSources.Order());
        Assert.Equal(
            m.Fields.Select(f => (f.Name, f.Type, f.Description, f.Display, f.IsList, f.ArgIsRequired, f.ArgIsIndex, f.ArgIsKey, f.Properties, f.AddOutput)),
            n.Fields.Select(f => (f.Name, f.Type, f.Description, f.Display, f.IsList, f.ArgIsRequired, f.ArgIsIndex, f.ArgIsKey, f.Properties, f.AddOutput)));
    }

    [Fact]
    public void Events_fields_and_errors_match()
    {
        var managed = Run(ManagedPath);
        Assert.True(managed.Count > 300);
        Assert.Equal(managed, Run(published.LibraryPath));
    }

    [Fact]
    public void Only_the_functions_of_the_declared_capabilities_are_exported()
    {
        var output = Path.Combine(Path.GetTempPath(), "peregrine-aot-" + Guid.NewGuid().ToString("N"));
        try
        {
            var library = PublishedDummy.Publish(output, "-p:PeregrinePluginCapabilities=extraction");
            using (var native = PluginLoader.Load(library))
            {
                Assert.Equal(PluginCapabilities.Extraction, native.Descriptor.Capabilities);
                Assert.Equal(0u, native.Descriptor.Id);
            }

            // The library pinned itself: its runtime's threads outlive the host's dlclose.
            Assert.Contains(library, File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        }
        finally
        {
            PublishedDummy.TryDelete(output);
        }
    }

    // Everything observable through the engine's API, as text.
    private static List<string> Run(string path)
    {
        var seen = new List<string>();
        using var library = PluginLoader.Load(path);
        seen.Add(Assert.Throws<PluginLoadException>(() => library.Initialize("""{"jitter": "x"}""")).FalcoMessage);
        seen.Add(Assert.Throws<PluginLoadException>(() => library.Initialize("""{"jitter": 5000}""")).FalcoMessage);
        using var plugin = library.Initialize("""{"jitter": 0}""");
        seen.AddRange(plugin.ListOpenParams().Select(p => p.ToString()));
        seen.Add(Assert.Throws<PluginException>(() => plugin.Open("many")).Message);
        var d = plugin.Descriptor;
        Assert.True(PluginFieldArgument.TryCreate(d.FindField("dummy.divisible")!, "3", out var three, out _));
        PluginFieldRequest[] requests =
        [
            new(d.FindField("dummy.value")!.Index),
            new(d.FindField("dummy.strvalue")!.Index),
            new(d.FindField("dummy.divisible")!.Index, three),
            new(d.FindField("dummy.digits")!.Index),
        ];
        using var stream = plugin.Open("300");
        PluginBatchStatus status;
        while ((status = stream.NextBatch(out var batch)) == PluginBatchStatus.Success)
        {
            foreach (var evt in batch)
            {
                var sink = new RecordingSink();
                var ok = plugin.Extract(evt, requests, sink);
                seen.Add($"{evt.Number} {evt.Type} {evt.PluginId} {evt.ThreadId} {Convert.ToHexString(evt.Payload)} {ok} "
                    + string.Join(",", sink.Values) + " " + plugin.EventToString(evt));
            }

            seen.Add($"progress {stream.GetProgress()}");
        }

        seen.Add($"{status} '{stream.LastError}'");
        return seen;
    }

    /// <summary>Publishes examples/plugins/Dummy with NativeAOT into a temporary folder.</summary>
    public sealed class PublishedDummy : IDisposable
    {
        private readonly string _output = Path.Combine(Path.GetTempPath(), "peregrine-aot-" + Guid.NewGuid().ToString("N"));

        public PublishedDummy()
        {
            LibraryPath = Publish(_output);
        }

        public string LibraryPath { get; }

        /// <summary>Publishes into <paramref name="output"/>; returns the path of the shared library.</summary>
        public static string Publish(string output, params string[] extra)
        {
            var project = RepositoryPaths.Examples("plugins/Dummy/Dummy.csproj");
            NestedBuild.Run("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, .. extra], "NativeAOT publish");
            var library = Path.Combine(output, "Dummy.so");
            if (!File.Exists(library))
            {
                throw new InvalidOperationException($"NativeAOT publish wrote no {library}");
            }

            return library;
        }

        public void Dispose() => TryDelete(_output);

        public static void TryDelete(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A loaded library may still be mapped; the temp folder is cleaned up by the system.
            }
        }
    }
}
