using System.Text.Json.Nodes;

namespace Peregrine.Engine.Listing;

/// <summary>
/// The JSON of one field class (libsinsp's <c>as_json</c>): name, description when there is one,
/// sources, and the visible fields with type, list-ness and argument (null when none; otherwise
/// whether it is required and whether it is an index and/or a key).
/// </summary>
internal static class FieldClassJson
{
    /// <summary>The class object; null for a class with no fields at all, which Falco leaves out.</summary>
    public static JsonObject? Build(FieldClass fieldClass, IEnumerable<string> eventSources)
    {
        if (fieldClass.Fields.Count == 0) return null;
        var root = new JsonObject { ["name"] = fieldClass.Name };
        if (fieldClass.Description.Length > 0) root["desc"] = fieldClass.Description;
        var sources = new JsonArray(eventSources.Select(s => (JsonNode?)s).ToArray());
        if (sources.Count > 0) root["event_sources"] = sources;

        var fields = new JsonArray();
        foreach (var field in fieldClass.Fields.Where(f => !f.IsHidden))
        {
            fields.Add((JsonNode)new JsonObject
            {
                ["name"] = field.Name,
                ["type"] = field.DataType,
                ["desc"] = field.Description,
                ["is_list"] = field.IsList,
                ["argument"] = Argument(field),
            });
        }
        root["fields"] = fields;
        return root;
    }

    private static JsonObject? Argument(ListedField field)
    {
        if (!field.TakesArgument) return null;
        var types = new JsonArray();
        if (field.Tags.Contains(ListedField.IndexTag)) types.Add((JsonNode)JsonValue.Create("INDEX"));
        if (field.Tags.Contains(ListedField.KeyTag)) types.Add((JsonNode)JsonValue.Create("KEY"));
        return new JsonObject { ["required"] = field.RequiresArgument, ["type"] = types };
    }
}
