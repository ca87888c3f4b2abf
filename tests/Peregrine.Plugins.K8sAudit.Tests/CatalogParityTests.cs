using System.Text.Json;
using Peregrine.Plugins.K8sAudit.Fields;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>The fields are upstream 0.18.0's: same names, order, types, list-ness, arguments, display and properties.</summary>
public sealed class CatalogParityTests : IDisposable
{
    private readonly AuditTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void Fields_MatchTheUpstreamCatalog()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(TestPaths.Catalog));
        var expected = catalog.RootElement.EnumerateArray().ToArray();
        var actual = _host.Host.Descriptor.Fields;
        Assert.Equal(100, expected.Length);
        Assert.Equal(expected.Select(f => f.GetProperty("name").GetString()), actual.Select(f => f.Name));
        for (var i = 0; i < expected.Length; i++)
        {
            var want = expected[i];
            var have = actual[i];
            var name = have.Name;
            Assert.True(want.GetProperty("type").GetString() == PluginField.TypeName(have.Type), $"{name}: type");
            Assert.True(want.GetProperty("isList").GetBoolean() == have.IsList, $"{name}: isList");
            var arg = want.GetProperty("arg");
            Assert.True(arg.GetProperty("isRequired").GetBoolean() == have.ArgIsRequired, $"{name}: isRequired");
            Assert.True(arg.GetProperty("isIndex").GetBoolean() == have.ArgIsIndex, $"{name}: isIndex");
            Assert.True(arg.GetProperty("isKey").GetBoolean() == have.ArgIsKey, $"{name}: isKey");
            Assert.True(want.GetProperty("display").GetString() == have.Display, $"{name}: display");
            var properties = want.TryGetProperty("properties", out var p) ? p.EnumerateArray().Select(x => x.GetString()).ToArray() : [];
            Assert.True(properties.Length == 0 == (have.Properties == PluginFieldProperties.None), $"{name}: properties");
            Assert.True(want.TryGetProperty("addOutput", out var add) ? add.GetBoolean() == have.AddOutput : !have.AddOutput, $"{name}: addOutput");
            Assert.False(string.IsNullOrWhiteSpace(have.Description), $"{name}: description");
        }
    }

    [Fact]
    public void Descriptions_AreOurOwn()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(TestPaths.Catalog));
        var upstream = catalog.RootElement.EnumerateArray().Select(f => f.GetProperty("desc").GetString()).ToHashSet();
        Assert.DoesNotContain(_host.Host.Descriptor.Fields, f => upstream.Contains(f.Description));
    }

    [Fact]
    public void FieldTable_KindsFitTheirDefinitions()
    {
        Assert.Equal(AuditFields.All.Length, AuditFields.Definitions.Length);
        foreach (var field in AuditFields.All)
        {
            var needsPath = field.Kind != FieldKind.AlwaysTrue;
            Assert.True(!needsPath || field.Path.Length > 0, field.Definition.Name);
            var needsExtra = field.Kind is FieldKind.SubjectNames or FieldKind.SubjectNamespacedNames or FieldKind.EffectiveIds;
            Assert.True(needsExtra == field.Extra is not null, field.Definition.Name);
        }
    }
}
