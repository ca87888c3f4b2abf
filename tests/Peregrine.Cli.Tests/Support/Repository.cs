namespace Peregrine.Cli.Tests.Support;

/// <summary>Paths inside the source tree the tests run from (reference data, examples).</summary>
internal static class Repository
{
    /// <summary>The checkout's root: the nearest directory above the test binaries holding Peregrine.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The upstream reference data (rules files and sample events), read-only.</summary>
    public static string Reference(string relativePath) => Path.Combine(Root, "reference", relativePath);

    public static string Examples(string relativePath) => Path.Combine(Root, "examples", relativePath);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peregrine.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Peregrine.slnx above {AppContext.BaseDirectory}");
    }
}
