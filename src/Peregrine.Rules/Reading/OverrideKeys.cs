using Peregrine.Rules.Loading;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>The <c>override</c> map of an item: which keys it appends to and which it replaces.</summary>
internal sealed record OverrideKeys(HashSet<string> Append, HashSet<string> Replace)
{
    public bool Any => Append.Count > 0 || Replace.Count > 0;

    public static OverrideKeys Read(YamlMapping item, string[] appendable, string[] replaceable, LoadContext context)
    {
        var result = new OverrideKeys(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        var value = item["override"];
        if (value is null) return result;
        var overrideContext = context.Child(item, ItemType.Overrides);
        if (value is not YamlMapping map)
        {
            // yaml-cpp iterates nothing for a scalar and fails on a sequence; say so plainly.
            YamlDecoding.Fail(value is YamlSequence, "Value of override must be a mapping", overrideContext);
            return result;
        }
        foreach (var (keyNode, operationNode) in map.Entries)
        {
            var key = keyNode is YamlScalar k ? k.Value : "";
            YamlDecoding.Fail(operationNode is not YamlScalar, $"Invalid override operation for key '{key}'",
                overrideContext.Child(operationNode, ItemType.ValueFor, key));
            var operation = ((YamlScalar)operationNode).Value;
            var canAppend = appendable.Contains(key);
            var canReplace = replaceable.Contains(key);
            if (operation == "append")
            {
                YamlDecoding.Fail(!canAppend, $"Key '{key}' cannot be appended to, use 'replace' instead",
                    overrideContext.Child(keyNode, ItemType.Overrides, key));
                result.Append.Add(key);
            }
            else if (operation == "replace")
            {
                YamlDecoding.Fail(!canReplace, $"Key '{key}' cannot be replaced", overrideContext.Child(keyNode, ItemType.Overrides, key));
                result.Replace.Add(key);
            }
            else
            {
                var allowed = (canAppend ? "append " : "") + (canReplace ? "replace " : "");
                YamlDecoding.Fail(true, $"Invalid override operation for key '{key}': '{operation}'. Allowed values are: {allowed}",
                    overrideContext.Child(operationNode, ItemType.ValueFor, key));
            }
        }
        return result;
    }
}
