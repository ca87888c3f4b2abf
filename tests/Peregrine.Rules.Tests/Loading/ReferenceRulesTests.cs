using Peregrine.Rules.Loading;
using Peregrine.Rules.Tests.Support;

namespace Peregrine.Rules.Tests.Loading;

/// <summary>The upstream rules files load as they do in Falco, with and without their plugins.</summary>
public sealed class ReferenceRulesTests
{
    public static TheoryData<string[]> FileSets() => new()
    {
        new[] { "current/aws_cloudtrail_rules.yaml" },
        new[] { "cloudtrail-0.6.0/aws_cloudtrail_rules.yaml" },
        new[] { "current/k8s_audit_rules.yaml" },
        new[] { "k8saudit-0.4.0/k8s_audit_rules.yaml" },
        new[] { "current/k8s_audit_rules.yaml", "current/k8s_audit_rules_gke.yaml" },
    };

    [Theory]
    [MemberData(nameof(FileSets))]
    public void Loads_with_zero_errors_given_the_plugin_fields(string[] files)
    {
        var loader = new RulesLoader(ReferenceSources.Both());
        foreach (var file in files)
        {
            var result = loader.Load(file, ReferenceSources.RulesFile(file));
            Assert.True(result.Successful, LoadResultText.Verbose(result, loader.Contents));
            Assert.DoesNotContain(result.Warnings, w => w.Code is LoadWarningCode.UnknownSource or LoadWarningCode.UnknownFilter);
        }
        Assert.NotEmpty(loader.Compiled!.Rules);
    }

    [Theory]
    [MemberData(nameof(FileSets))]
    public void Skips_every_rule_when_the_source_is_not_loaded(string[] files)
    {
        var loader = new RulesLoader(ReferenceSources.None());
        var unknownSource = new List<LoadWarning>();
        foreach (var file in files)
        {
            var result = loader.Load(file, ReferenceSources.RulesFile(file));
            Assert.True(result.Successful, LoadResultText.Verbose(result, loader.Contents));
            // Reported where each rule is defined; later overrides of a skipped rule are accepted silently.
            unknownSource.AddRange(result.Warnings.Where(w => w.Code == LoadWarningCode.UnknownSource));
        }
        var ruleCount = loader.Collector.Rules.Count;
        Assert.True(ruleCount > 0);
        Assert.Equal(ruleCount, unknownSource.Count);
        Assert.All(unknownSource, w => Assert.Matches("^Unknown source (aws_cloudtrail|k8s_audit), skipping$", w.Message));
        Assert.Empty(loader.Compiled!.Rules);
    }
}
