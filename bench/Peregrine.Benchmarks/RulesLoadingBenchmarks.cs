using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Peregrine.Conditions.Fields;
using Peregrine.Rules;

namespace Peregrine.Benchmarks;

/// <summary>
/// Loading every upstream rules file of reference/rules, each in a fresh loader with the plugin
/// sources loaded (read, collect, compile conditions and outputs), as a Falco start-up would.
/// </summary>
[MemoryDiagnoser]
public class RulesLoadingBenchmarks
{
    private static readonly string[][] FileSets =
    [
        ["current/aws_cloudtrail_rules.yaml"],
        ["cloudtrail-0.6.0/aws_cloudtrail_rules.yaml"],
        ["current/k8s_audit_rules.yaml", "current/k8s_audit_rules_gke.yaml"],
        ["k8saudit-0.4.0/k8s_audit_rules.yaml"],
    ];

    private (string Name, string Content)[][] _files = [];
    private FieldCatalog _cloudtrail = null!;
    private FieldCatalog _k8s = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        _files = FileSets.Select(set => set.Select(f => (f, File.ReadAllText(Path.Combine(root, "Reference", "rules", f)))).ToArray()).ToArray();
        _cloudtrail = Catalog(root, "evt.json", "cloudtrail.json", "json.json");
        _k8s = Catalog(root, "evt.json", "k8saudit.json", "json.json");
    }

    [Benchmark]
    public int LoadAllReferenceRules()
    {
        var rules = 0;
        foreach (var set in _files)
        {
            var loader = new RulesLoader(new RuleSources([new RuleSource("aws_cloudtrail", _cloudtrail), new RuleSource("k8s_audit", _k8s)]));
            foreach (var (name, content) in set)
            {
                if (!loader.Load(name, content).Successful) throw new InvalidOperationException(name);
            }
            rules += loader.Compiled!.Rules.Count;
        }
        return rules;
    }

    private static FieldCatalog Catalog(string root, params string[] files)
    {
        var fields = new List<FieldDefinition>();
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "Catalogs", file)));
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var arg = FieldArgument.None;
                if (e.TryGetProperty("arg", out var a))
                {
                    if (a.GetProperty("isIndex").GetBoolean()) arg |= FieldArgument.Index;
                    if (a.GetProperty("isKey").GetBoolean()) arg |= FieldArgument.Key;
                    if (a.GetProperty("isRequired").GetBoolean()) arg |= FieldArgument.Required;
                }
                fields.Add(new FieldDefinition(e.GetProperty("name").GetString()!, FieldTypes.FromPluginName(e.GetProperty("type").GetString()!)!.Value,
                    e.TryGetProperty("isList", out var l) && l.GetBoolean(), arg));
            }
        }
        return new FieldCatalog(fields);
    }
}
