using Peregrine.Rules.Yaml;

namespace Peregrine.Engine.Configuration.Tree;

/// <summary>
/// Turns YAML text into a <see cref="ConfigNode"/> tree with positions. Like yaml-cpp's
/// <c>Load</c>, only the first document counts; an empty document reads as null.
/// Anchors and aliases are resolved (each alias becomes a copy of its anchored node).
/// </summary>
internal static class ConfigDocumentReader
{
    /// <exception cref="ConfigLoadException">The text is not YAML, or uses a key that is not a scalar.</exception>
    public static ConfigNode? Read(string content, string source) => Read(content, source, null);

    /// <summary>Reads YAML text whose nodes all get <paramref name="fixedLocation"/> (a <c>-o</c> option's value).</summary>
    public static ConfigNode? Read(string content, string source, ConfigLocation? fixedLocation)
    {
        IReadOnlyList<YamlNode?> documents;
        try
        {
            documents = YamlLoader.LoadAll(content);
        }
        catch (YamlSyntaxError e)
        {
            throw new ConfigLoadException(ConfigDiagnosticCode.Syntax, "", e.Message, Locate(source, e.Mark));
        }
        return documents.Count == 0 || documents[0] is null ? null : Convert(documents[0]!, source, fixedLocation);
    }

    private static ConfigNode Convert(YamlNode node, string source, ConfigLocation? fixedLocation)
    {
        var location = fixedLocation ?? Locate(source, node.Mark);
        switch (node)
        {
            case YamlScalar scalar:
                return new ConfigScalar(location, scalar.Value, scalar.IsNull);
            case YamlSequence sequence:
                return new ConfigSequence(location, sequence.Items.Select(i => Convert(i, source, fixedLocation)).ToList());
            case YamlMapping mapping:
            {
                var entries = new List<ConfigEntry>(mapping.Entries.Count);
                foreach (var (key, value) in mapping.Entries)
                {
                    if (key is not YamlScalar keyScalar)
                        throw new ConfigLoadException(ConfigDiagnosticCode.Syntax, "", "a mapping key must be a scalar", Locate(source, key.Mark));
                    entries.Add(new ConfigEntry(keyScalar.Value, fixedLocation ?? Locate(source, key.Mark), Convert(value, source, fixedLocation)));
                }
                return new ConfigMapping(location, entries);
            }
            default:
                throw new InvalidOperationException("unexpected YAML node " + node.GetType().Name);
        }
    }

    private static ConfigLocation Locate(string source, YamlMark mark) => new(source, mark.Line + 1, mark.Column + 1);
}
