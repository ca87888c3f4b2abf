using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Peregrine.Examples.Dummy;

/// <summary>The init config. Its JSON Schema is generated from this class.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class DummyConfig
{
    [Description("Random spread added to each sample (0 to 1000)")]
    public int Jitter { get; set; } = 10;

    [Description("Seed of the random numbers, for reproducible streams")]
    public int Seed { get; set; } = 1;
}

/// <summary>Source-generated serializer metadata: no reflection, ready for NativeAOT.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DummyConfig))]
internal sealed partial class DummyJsonContext : JsonSerializerContext;
