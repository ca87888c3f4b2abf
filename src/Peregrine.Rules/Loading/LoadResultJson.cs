
using System.Text.Json;

namespace Peregrine.Rules.Loading;

/// <summary>
/// The JSON of a load result as <c>falco -V ... -o json_output=true</c> prints it: compact,
/// keys in alphabetical order at every level (nlohmann's std::map ordering).
/// </summary>
public static class LoadResultJson
{


    /// <summary><c>{"falco_load_results":[...]}</c> for several files.</summary>
    public static string Results(IEnumerable<LoadResult> results, IReadOnlyDictionary<string, string> contents)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Outputs.JsonOutput.Options))
        {
            w.WriteStartObject();
            w.WriteStartArray("falco_load_results");
            foreach (var result in results) Write(w, result, contents);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter w, LoadResult result, IReadOnlyDictionary<string, string> contents)
    {
        w.WriteStartObject();
        w.WriteStartArray("errors");
        foreach (var error in result.Errors)
        {
            w.WriteStartObject();
            w.WriteString("code", error.Code.Code());
            w.WriteString("codedesc", error.Code.Text());
            WriteContext(w, error.Context, contents);
            w.WriteString("message", error.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("name", result.Name);
        if (result.SchemaStatus.Count > 0)
        {
            w.WriteBoolean("schema_valid", result.SchemaValid);
            w.WriteStartArray("schema_warnings");
            if (!result.SchemaValid)
            {
                foreach (var status in result.SchemaStatus) w.WriteStringValue(status);
            }
            w.WriteEndArray();
        }
        w.WriteBoolean("successful", result.Successful);
        w.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            w.WriteStartObject();
            w.WriteString("code", warning.Code.Code());
            w.WriteString("codedesc", warning.Code.Description());
            WriteContext(w, warning.Context, contents);
            if (warning.DeprecatedField is not null) w.WriteString("deprecated_field", warning.DeprecatedField);
            w.WriteString("message", warning.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContext(Utf8JsonWriter w, LoadContext context, IReadOnlyDictionary<string, string> contents)
    {
        w.WriteStartObject("context");
        w.WriteStartArray("locations");
        foreach (var location in context.Locations)
        {
            w.WriteStartObject();
            w.WriteString("item_name", location.ItemName);
            w.WriteString("item_type", location.ItemType.Text());
            w.WriteStartObject("position");
            w.WriteNumber("column", location.Position.Column);
            w.WriteNumber("line", location.Position.Line);
            w.WriteString("name", location.Name);
            w.WriteNumber("offset", location.Position.Offset);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("snippet", Snippet.For(context, contents));
        w.WriteEndObject();
    }
}
