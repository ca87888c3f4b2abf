using System.Text;
using Peregrine.Conditions.Fields;

namespace Peregrine.Engine.Fields;

/// <summary>The owner of a <c>static.*</c> field: the constant value from <c>static_fields</c> in falco.yaml.</summary>
public sealed record StaticFieldOwner(byte[] Value);

/// <summary>
/// The <c>static_fields</c> of the configuration as catalog entries: <c>static.&lt;key&gt;</c>, string,
/// suggested for outputs, in key order (libsinsp keeps them in a sorted map).
/// </summary>
public static class StaticFields
{
    public const string Prefix = "static.";

    public static IEnumerable<FieldDefinition> For(IReadOnlyDictionary<string, string> values) =>
        values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            new FieldDefinition(Prefix + kv.Key, FieldType.String, Description: "user-defined static value")
            {
                Owner = new StaticFieldOwner(Encoding.UTF8.GetBytes(kv.Value)),
                AddOutput = true,
                NameOnlyLookup = true,
            });
}
