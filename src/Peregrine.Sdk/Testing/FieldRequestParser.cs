namespace Peregrine.Sdk.Testing;

/// <summary>
/// Turns a field as a rule writes it (<c>my.field</c> or <c>my.field[arg]</c>) into the request
/// the host passes to extraction, with the host's own argument checks and wording, so that a test
/// names fields the way a rule would.
/// </summary>
internal static class FieldRequestParser
{
    /// <summary>The request for <paramref name="field"/>; throws <see cref="ArgumentException"/> when the plugin has no such field or the argument is invalid.</summary>
    public static PluginFieldRequest Parse(PluginDescriptor descriptor, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? field : field[..bracket];
        var definition = descriptor.FindField(name) ?? throw new ArgumentException($"plugin {descriptor.Name} has no field {name}", nameof(field));
        var argument = PluginFieldArgument.None;
        if (bracket >= 0)
        {
            if (!field.EndsWith(']'))
            {
                throw new ArgumentException($"field {field} has no closing bracket", nameof(field));
            }

            if (!PluginFieldArgument.TryCreate(definition, field[(bracket + 1)..^1], out argument, out var error))
            {
                throw new ArgumentException($"field {name} {error}", nameof(field));
            }
        }

        return new PluginFieldRequest(definition.Index, argument);
    }
}
