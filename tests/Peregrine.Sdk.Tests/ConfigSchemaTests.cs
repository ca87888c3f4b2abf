namespace Peregrine.Sdk.Tests;

public sealed class ConfigSchemaTests
{
    [Fact]
    public void The_schema_follows_the_serializer_metadata()
    {
        Assert.Equal(
            """{"$schema":"http://json-schema.org/draft-07/schema#","type":"object","properties":{"Name":{"type":["string","null"]},"Limit":{"type":["integer","null"]},"Note":{"type":["string","null"]},"Tags":{"type":["array","null"],"items":{"type":"string"}},"Weights":{"type":["object","null"],"additionalProperties":{"type":"number"}},"Inner":{"type":["object","null"],"properties":{"Size":{"type":"integer"}}},"Enabled":{"type":"boolean"}},"required":["Name"]}""",
            ConfigSchema.Generate(TestJsonContext.Default.RichConfig));
    }
}
