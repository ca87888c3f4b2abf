namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Where the shared test data is: the upstream sample events and the upstream field catalog.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Falco's k8s audit regression events (read-only reference data, one file per event).</summary>
    public static string SampleEvents { get; } = FindSampleEvents();

    /// <summary>The fields of upstream k8saudit 0.18.0, as its plugin reports them.</summary>
    public static string Catalog => Path.Combine(RepositoryRoot, "tests", "Peregrine.Rules.Tests", "Fixtures", "Catalogs", "k8saudit.json");

    public static string Sample(string name) => Path.Combine(SampleEvents, name);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Peregrine.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (Peregrine.slnx) above " + AppContext.BaseDirectory);
    }

    private static string FindSampleEvents()
    {
        // The reference data is in the repository (reference/), or beside a working copy (../shared/reference).
        string[] candidates =
        [
            Path.Combine(RepositoryRoot, "reference", "events", "k8s_audit"),
            Path.Combine(RepositoryRoot, "..", "shared", "reference", "events", "k8s_audit"),
        ];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(Directory.Exists)
            ?? throw new InvalidOperationException("cannot find the k8s audit sample events; looked in " + string.Join(", ", candidates));
    }
}
