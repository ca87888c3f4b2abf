using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>
/// The k8saudit plugin under the SDK's test host, with helpers to read events the way Peregrine
/// does (through the plugin's own file source) and extract fields from them.
/// </summary>
internal sealed class AuditTestHost : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("k8saudit-tests-").FullName;
    private int _files;

    public AuditTestHost(string? config = null)
    {
        Host = PluginTestHost.Create<K8sAuditPlugin>(config);
    }

    public PluginTestHost Host { get; }

    /// <summary>A scratch directory removed with the host.</summary>
    public string Directory => _directory;

    /// <summary>The events of one of the upstream sample files.</summary>
    public IReadOnlyList<CapturedEvent> ReadSample(string name) => Host.ReadEvents(TestPaths.Sample(name));

    /// <summary>Writes <paramref name="lines"/> to a new file and reads it.</summary>
    public IReadOnlyList<CapturedEvent> ReadLines(params string[] lines) => Host.ReadEvents(WriteFile(lines));

    /// <summary>The one event of a hand-written audit event (see <see cref="AuditJson.Event"/>).</summary>
    public CapturedEvent ReadEvent(string members) => Assert.Single(ReadLines(AuditJson.Event(members)));

    public string WriteFile(params string[] lines)
    {
        var path = Path.Combine(_directory, $"audit-{++_files}.log");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    /// <summary>The field's values as strings (every ka.* field is a string).</summary>
    public string[] Extract(CapturedEvent evt, string field)
    {
        var values = Host.Extract(evt, field) ?? throw new InvalidOperationException($"extraction of {field} failed");
        return [.. values.Cast<string>()];
    }

    public void Dispose()
    {
        Host.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind is harmless.
        }
    }
}

/// <summary>Hand-written audit events.</summary>
internal static class AuditJson
{
    public const string AuditId = "test-audit-id";
    public const string StageTimestamp = "2024-01-02T03:04:05.123456789Z";

    /// <summary>The nanoseconds of <see cref="StageTimestamp"/>.</summary>
    public const ulong StageNanoseconds = 1_704_164_645_123_456_789UL;

    /// <summary>A one-line audit Event with the usual envelope and <paramref name="members"/> (JSON object members, or empty).</summary>
    public static string Event(string members = "", string auditId = AuditId, string stageTimestamp = StageTimestamp)
    {
        var envelope = $$"""{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"{{auditId}}","stage":"ResponseComplete","stageTimestamp":"{{stageTimestamp}}" """.TrimEnd();
        // One line: the file source reads one document a line.
        members = members.ReplaceLineEndings(" ").Trim();
        return members.Length == 0 ? envelope + "}" : envelope + "," + members + "}";
    }
}
