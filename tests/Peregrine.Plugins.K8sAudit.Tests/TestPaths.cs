using Peregrine.TestSupport;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>Where the shared test data is: the upstream sample events and the upstream field catalog.</summary>
internal static class TestPaths
{
    /// <summary>Falco's k8s audit regression events (read-only reference data, one file per event).</summary>
    public static string SampleEvents { get; } = RepositoryPaths.Reference("events/k8s_audit");

    /// <summary>The fields of upstream k8saudit 0.18.0, as its plugin reports them.</summary>
    public static string Catalog => RepositoryPaths.Catalog("k8saudit");

    public static string Sample(string name) => Path.Combine(SampleEvents, name);
}
