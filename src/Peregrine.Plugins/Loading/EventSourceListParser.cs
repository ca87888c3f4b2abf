using System.Text.Json;

namespace Peregrine.Plugins.Loading;

/// <summary>
/// Reads the JSON string arrays plugins return for their extract, parse and async source lists and
/// for their async event names, as libsinsp does: a missing symbol, a NULL or an empty string means
/// an empty set (except for async event names, which must be given), empty entries are dropped,
/// and scalar entries are converted to text.
/// </summary>
internal static class EventSourceListParser
{
    /// <summary>Parses the list returned by <paramref name="symbol"/>.</summary>
    /// <param name="pluginName">For messages.</param>
    /// <param name="symbol">The function's name without prefix, e.g. <c>get_extract_event_sources</c>.</param>
    /// <param name="json">The returned text (null or empty when nothing was returned).</param>
    /// <param name="allowEmpty">Whether an empty string is an empty set rather than an error.</param>
    public static HashSet<string> Parse(string pluginName, string symbol, string? json, bool allowEmpty)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(json))
        {
            if (allowEmpty)
            {
                return result;
            }

            throw Error($"error in plugin {pluginName}: '{symbol}' did not return a json array but it should");
        }

        if (!LenientJson.TryParse(json, out var document) || document!.RootElement.ValueKind != JsonValueKind.Array)
        {
            document?.Dispose();
            throw Error($"error in plugin {pluginName}: '{symbol}' did not return a json array");
        }

        using (document)
        {
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                var text = LenientJson.AsString(entry)
                    ?? throw Error($"error in plugin {pluginName}: '{symbol}' did not return a json array");
                if (text.Length > 0)
                {
                    result.Add(text);
                }
            }
        }

        return result;
    }

    private static PluginDefinitionException Error(string message) => new(PluginLoadStage.EventSources, message);
}
