using Peregrine.Conditions.Fields;

namespace Peregrine.Rules.Tests.Support;

/// <summary>
/// The event sources of the upstream plugin rules, with the fields Falco would register for
/// them: the generic evt.* fields, the sourcing plugin's fields and the json plugin's fields.
/// </summary>
public static class ReferenceSources
{
    public static RuleSource CloudTrail() =>
        new("aws_cloudtrail", Catalog("cloudtrail.json", "json.json"));

    public static RuleSource K8sAudit() =>
        new("k8s_audit", Catalog("k8saudit.json", "json.json"));

    public static RuleSources Both() => new([CloudTrail(), K8sAudit()]);

    public static RuleSources None() => new([]);

    /// <summary>The generic fields first, as Falco registers them, then the plugins' fields.</summary>
    private static FieldCatalog Catalog(params string[] pluginFiles) =>
        new(PluginFieldsJson.LoadBuiltIn("evt.json").Concat(pluginFiles.SelectMany(PluginFieldsJson.Load)));

    /// <summary>The text of an upstream rules file copied into the repository.</summary>
    public static string RulesFile(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "rules", relativePath));
}
