using System.Text.Json;

namespace Peregrine.Plugins.Loading;

/// <summary>Reads the JSON returned by <c>plugin_list_open_params</c>, with libsinsp's messages.</summary>
internal static class OpenParamsParser
{
    /// <summary>Parses <paramref name="json"/>; an empty string is an empty list.</summary>
    public static IReadOnlyList<PluginOpenParam> Parse(string pluginName, string json)
    {
        if (json.Length == 0)
        {
            return Array.Empty<PluginOpenParam>();
        }

        if (!LenientJson.TryParse(json, out var document) || document!.RootElement.ValueKind != JsonValueKind.Array)
        {
            document?.Dispose();
            throw new PluginException(pluginName, $"error in plugin {pluginName}: list_open_params returned a non-array JSON");
        }

        using (document)
        {
            var list = new List<PluginOpenParam>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var value = LenientJson.AsString(LenientJson.Member(entry, "value"));
                if (string.IsNullOrEmpty(value))
                {
                    throw new PluginException(pluginName, $"error in plugin {pluginName}: list_open_params has entry with no value");
                }

                list.Add(new PluginOpenParam(
                    value,
                    LenientJson.AsString(LenientJson.Member(entry, "desc")) ?? string.Empty,
                    LenientJson.AsString(LenientJson.Member(entry, "separator")) ?? string.Empty));
            }

            return list;
        }
    }
}
