using Peregrine.TestSupport;
using System.Text.Json;
using Peregrine.Sdk.Testing;

namespace Peregrine.Plugins.CloudTrail.Tests;

/// <summary>
/// The declared fields, as the host reads them from the plugin, against upstream 0.17.1's catalog
/// (tests/Peregrine.Rules.Tests/Fixtures/Catalogs/cloudtrail.json): same names in the same order,
/// types, list-ness, argument flags, display names and properties. Descriptions are our own.
/// </summary>
public sealed class CatalogParityTests
{
    [Fact]
    public void Fields_MatchUpstreamCatalog()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Catalog("cloudtrail")));
        var expected = catalog.RootElement.EnumerateArray().Select(Describe).ToList();

        using var host = PluginTestHost.Create<CloudTrailPlugin>();
        var actual = host.Descriptor.Fields.Select(f => string.Join(" | ",
            f.Name,
            PluginField.TypeName(f.Type),
            f.IsList ? "list" : "single",
            $"required={f.ArgIsRequired} index={f.ArgIsIndex} key={f.ArgIsKey}",
            f.Display,
            PropertyNames(f.Properties))).ToList();

        Assert.Equal(73, expected.Count);
        Assert.Equal(expected, actual);
        Assert.All(host.Descriptor.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }

    [Fact]
    public void Descriptor_IsUpstreamsPluginIdentity()
    {
        using var host = PluginTestHost.Create<CloudTrailPlugin>();
        var descriptor = host.Descriptor;
        Assert.Equal("cloudtrail", descriptor.Name);
        Assert.Equal("0.17.1", descriptor.Version.ToString());
        Assert.Equal(2u, descriptor.Id);
        Assert.Equal("aws_cloudtrail", descriptor.EventSource);
        Assert.True(descriptor.Has(PluginCapabilities.Sourcing));
        Assert.True(descriptor.Has(PluginCapabilities.Extraction));
        Assert.Equal(["aws_cloudtrail"], descriptor.ExtractEventSources);
    }

    private static string Describe(JsonElement field)
    {
        var arg = field.GetProperty("arg");
        var properties = field.TryGetProperty("properties", out var list)
            ? string.Join(",", list.EnumerateArray().Select(p => p.GetString()).Order(StringComparer.Ordinal))
            : string.Empty;
        return string.Join(" | ",
            field.GetProperty("name").GetString(),
            field.GetProperty("type").GetString(),
            field.GetProperty("isList").GetBoolean() ? "list" : "single",
            $"required={arg.GetProperty("isRequired").GetBoolean()} index={arg.GetProperty("isIndex").GetBoolean()} key={arg.GetProperty("isKey").GetBoolean()}",
            field.GetProperty("display").GetString(),
            properties);
    }

    private static string PropertyNames(PluginFieldProperties properties)
    {
        var names = new List<string>();
        if (properties.HasFlag(PluginFieldProperties.Hidden))
        {
            names.Add("hidden");
        }

        if (properties.HasFlag(PluginFieldProperties.Info))
        {
            names.Add("info");
        }

        if (properties.HasFlag(PluginFieldProperties.Conversation))
        {
            names.Add("conversation");
        }

        return string.Join(",", names.Order(StringComparer.Ordinal));
    }
}
