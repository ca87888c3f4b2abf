using Peregrine.Rules.Collecting;
using Peregrine.Rules.Loading;
using Peregrine.Rules.Yaml;

namespace Peregrine.Rules.Reading;

/// <summary>The <c>exceptions</c> property of a rule (checked further by the collector).</summary>
public sealed partial class RulesReader
{
    /// <summary>An absent or empty property is no exceptions; <paramref name="appending"/> makes <c>fields</c> optional.</summary>
    private static List<ExceptionDefinition> ReadExceptions(LoadSession session, YamlMapping item, LoadContext parent, bool appending)
    {
        var node = item["exceptions"];
        if (node is null || node.IsNull) return [];
        var exceptionsContext = parent.Child(node, ItemType.Exceptions);
        Fail(node is not YamlSequence, "Rule exceptions must be a sequence", exceptionsContext);

        var result = new List<ExceptionDefinition>();
        foreach (var entry in ((YamlSequence)node).Items)
        {
            var temporary = exceptionsContext.Child(entry, ItemType.Exception);
            Fail(entry is not YamlMapping, "Rule exception must be a mapping", temporary);
            var map = (YamlMapping)entry;
            var name = YamlDecoding.String(map, "name", temporary);
            var context = parent.Child(entry, ItemType.Exception, name);
            var exception = new ExceptionDefinition(context, name);
            // One warning per earlier exception of that name, not one per repeated name: a name
            // used three times warns once for the second and twice for the third, as Falco does.
            foreach (var earlier in result)
            {
                if (earlier.Name != name) continue;
                session.Result.AddWarning(LoadWarningCode.ExceptionNameNotUnique,
                    $"Multiple definitions of exception '{name}' in the same rule", context);
            }

            exception.Fields = ReadEntry(map["fields"], "fields", context, optional: appending);
            exception.Comps = ReadEntry(map["comps"], "comps", context, optional: true);
            var values = map["values"];
            if (values is not null)
            {
                var valuesContext = context.Child(values, ItemType.ExceptionValues);
                Fail(values is not YamlSequence, "Rule exception values must be a sequence", valuesContext);
                foreach (var value in ((YamlSequence)values).Items)
                {
                    var valueContext = valuesContext.Child(value, ItemType.ExceptionValue);
                    exception.Values.Add(ReadEntry(value, null, valueContext, optional: false));
                }
            }
            else if (appending)
            {
                session.Result.AddWarning(LoadWarningCode.AppendNoValues, "Overriding/appending exception with no values", context);
            }
            result.Add(exception);
        }
        return result;
    }

    /// <summary>A scalar or a (nested) sequence of scalars; anything else reads as an empty entry.</summary>
    private static ExceptionEntry ReadEntry(YamlNode? node, string? key, LoadContext context, bool optional)
    {
        var entry = new ExceptionEntry();
        if (node is null)
        {
            Fail(!optional, $"Item has no mapping for key '{key}'", context);
            return entry;
        }
        var valueContext = context.Child(node, ItemType.ValueFor, key ?? "");
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            Fail(scalar.Value.Length == 0, "Value must be non-empty", valueContext);
            entry.Item = scalar.Value;
        }
        else if (node is YamlSequence sequence)
        {
            entry.IsList = true;
            foreach (var element in sequence.Items)
                entry.Items.Add(ReadEntry(element, null, valueContext.Child(element, ItemType.Exception), optional: false));
        }
        return entry;
    }
}
