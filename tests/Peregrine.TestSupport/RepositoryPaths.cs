namespace Peregrine.TestSupport;

/// <summary>
/// Paths inside the checkout the tests run from: the reference data, the examples, shared
/// fixtures. Found by walking up from the test binaries to the folder holding Peregrine.slnx, so
/// every test project reads the one copy in the repository rather than a copy of its own.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The checkout's root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under <c>reference/</c> (upstream rules files and sample events, read-only).</summary>
    public static string Reference(string relativePath) => Path.Combine(Root, "reference", relativePath);

    /// <summary>A path under <c>examples/</c>.</summary>
    public static string Examples(string relativePath) => Path.Combine(Root, "examples", relativePath);

    /// <summary>The field catalog an upstream plugin reports (<c>tests/Peregrine.Rules.Tests/Fixtures/Catalogs/&lt;name&gt;.json</c>).</summary>
    public static string Catalog(string plugin) => Path.Combine(Root, "tests", "Peregrine.Rules.Tests", "Fixtures", "Catalogs", plugin + ".json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peregrine.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException($"no Peregrine.slnx above {AppContext.BaseDirectory}");
    }
}
