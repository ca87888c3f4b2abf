using System.Buffers;
using System.Text;
using System.Text.Json;
using Peregrine.Plugins.Common;

namespace Peregrine.Plugins.K8sAudit.Tests;

/// <summary>The one-pass reader of single Events writes exactly what the tree-based path writes.</summary>
public sealed class SingleEventReaderTests
{
    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.SampleEvents, "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Contains("\"Event\"", StringComparison.Ordinal)))
            {
                data.Add(line);
            }
        }

        data.Add("""{ "kind" : "Event" , "stageTimestamp" : "2024-01-02T03:04:05Z", "a" : [ 1 , -2.50e+3 , true , false , null , { } , [ ] ] }""");
        data.Add("""{"k\u0069nd":"Ev\u0065nt","x":"\u00e9 \ud83d\ude00 \ud800 \" \\ \/ \n \u0001","\u0041":{"b":[{"c":[[]]}]}}""");
        data.Add("""{"kind":"Event","nested":{"kind":"EventList","stageTimestamp":1},"stageTimestamp":"2024-01-02T03:04:05.1Z"}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void SingleEvent_IsWrittenAsTheTreeBasedPathWritesIt(string line)
    {
        var json = Encoding.UTF8.GetBytes(line);
        using var document = JsonDocument.Parse(json);
        var expected = new ArrayBufferWriter<byte>();
        CompactJson.Write(document.RootElement, expected);

        var actual = new ArrayBufferWriter<byte>();
        Assert.True(SingleEventReader.TryRead(json, actual, out var stage, out var hasStage));
        Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));

        var hasDomStage = document.RootElement.TryGetProperty("stageTimestamp", out var domStage) && domStage.ValueKind == JsonValueKind.String;
        Assert.Equal(hasDomStage, hasStage);
        if (hasStage)
        {
            Assert.Equal(domStage.GetString(), Encoding.UTF8.GetString(json.AsSpan()[stage]));
        }
    }

    [Theory]
    [InlineData("""{"kind":"EventList","items":[]}""")]
    [InlineData("""[{"kind":"Event"}]""")]
    [InlineData("""{"kind":0}""")]
    [InlineData("""{"kind":["Event"]}""")]
    [InlineData("""{"auditID":"no kind"}""")]
    [InlineData("""{"kind":"Event"} trailing""")]
    [InlineData("""{"kind":"Event",}""")]
    [InlineData("""{"kind":"Event" """)]
    [InlineData("\"Event\"")]
    [InlineData("")]
    public void AnythingElse_IsLeftToTheTreeBasedPath(string line)
    {
        Assert.False(SingleEventReader.TryRead(Encoding.UTF8.GetBytes(line), new ArrayBufferWriter<byte>(), out _, out _));
    }

    [Fact]
    public void FirstKind_Decides_AsUpstreamLooksItUp()
    {
        Assert.True(SingleEventReader.TryRead("""{"kind":"Event","kind":"Other"}"""u8, new ArrayBufferWriter<byte>(), out _, out _));
    }
}
