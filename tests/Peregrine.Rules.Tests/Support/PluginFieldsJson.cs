using System.Text.Json;
using Peregrine.Conditions.Fields;

namespace Peregrine.Rules.Tests.Support;

/// <summary>
/// Reads a field catalog written in the plugin API's <c>get_fields</c> JSON format (the files in
/// Fixtures/Catalogs describe upstream plugins' fields exactly).
/// </summary>
public static class PluginFieldsJson
{
    public static IReadOnlyList<FieldDefinition> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Catalogs", fileName);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var fields = new List<FieldDefinition>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var type = FieldTypes.FromPluginName(entry.GetProperty("type").GetString()!)
                       ?? throw new InvalidDataException("unknown type in " + fileName);
            var argument = FieldArgument.None;
            if (entry.TryGetProperty("arg", out var arg))
            {
                if (Flag(arg, "isIndex")) argument |= FieldArgument.Index;
                if (Flag(arg, "isKey")) argument |= FieldArgument.Key;
                if (Flag(arg, "isRequired")) argument |= FieldArgument.Required;
            }
            var format = entry.TryGetProperty("printFormat", out var pf) ? pf.GetString() switch
            {
                "PF_10_PADDED_DEC" => PrintFormat.PaddedDecimal,
                "PF_ID" => PrintFormat.Id,
                "PF_NA" => PrintFormat.NotApplicable,
                _ => PrintFormat.Decimal,
            } : PrintFormat.Decimal;
            fields.Add(new FieldDefinition(
                entry.GetProperty("name").GetString()!,
                type,
                entry.TryGetProperty("isList", out var list) && list.GetBoolean(),
                argument,
                entry.TryGetProperty("desc", out var desc) ? desc.GetString() ?? "" : "",
                entry.TryGetProperty("display", out var display) ? display.GetString() ?? "" : "")
            {
                PrintFormat = format,
            });
        }
        return fields;
    }

    /// <summary>
    /// A catalog of libsinsp's own fields (evt.json): marked <see cref="FieldDefinition.NameOnlyLookup"/>,
    /// as the engine marks its generic fields.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> LoadBuiltIn(string fileName) =>
        Load(fileName).Select(f => f with { NameOnlyLookup = true }).ToArray();

    private static bool Flag(JsonElement arg, string name) => arg.TryGetProperty(name, out var v) && v.GetBoolean();
}
