using Peregrine.Rules.Loading;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>The <c>override</c> map of an item: which keys it appends to and which it replaces.</summary>
internal sealed record OverrideKeys(HashSet<string> Append, HashSet<string> Replace)
{
    /// <summary>
    /// yaml-cpp's message when a sequence is walked as a map: Falco iterates <c>override</c> as
    /// key/value pairs without checking it is a mapping.
    /// </summary>
    private const string InvalidNodeMessage =
        "invalid node; this may result from using a map iterator as a sequence iterator, or vice-versa";

    public bool Any => Append.Count > 0 || Replace.Count > 0;

    public static OverrideKeys Read(YamlMapping item, string[] appendable, string[] replaceable, LoadContext context)
    {
        var result = new OverrideKeys(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        var value = item["override"];
        if (value is null) return result;
        var overrideContext = context.Child(item, ItemType.Overrides);
        if (value is not YamlMapping map)
        {
            // Null, a scalar and an empty sequence iterate nothing, so the item reads as if it
            // had no override at all. The first element of a non-empty sequence has no key, and
            // reading it throws yaml-cpp's invalid-node exception (it has no position), which
            // Falco reports as LOAD_ERR_VALIDATE against the whole content.
            RuleLoadException.ThrowIf(value is YamlSequence { Items.Count: > 0 }, LoadErrorCode.Validate, InvalidNodeMessage,
                LoadContext.ForContent(context.Name));
            return result;
        }
        foreach (var (keyNode, operationNode) in map.Entries)
        {
            var key = YamlDecoding.AsString(keyNode, context);
            var operation = YamlDecoding.AsString(operationNode, context);
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
