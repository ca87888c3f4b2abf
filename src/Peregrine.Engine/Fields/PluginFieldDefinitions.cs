using Peregrine.Conditions.Fields;
using Peregrine.Engine.Sources;
using Peregrine.Plugins;

namespace Peregrine.Engine.Fields;

/// <summary>Turns a plugin's declared fields into catalog entries of the condition language.</summary>
public static class PluginFieldDefinitions
{
    public static FieldDefinition For(RegisteredPlugin plugin, PluginField field) =>
        new(field.Name, TypeOf(field.Type), field.IsList, ArgumentOf(field), field.Description, field.Display)
        {
            Owner = new PluginFieldOwner(plugin, field),
            Hidden = field.IsHidden,
            AddOutput = field.AddOutput,
        };

    public static FieldType TypeOf(PluginFieldType type) => type switch
    {
        PluginFieldType.UInt64 => FieldType.UInt64,
        PluginFieldType.String => FieldType.String,
        PluginFieldType.RelTime => FieldType.RelTime,
        PluginFieldType.AbsTime => FieldType.AbsTime,
        PluginFieldType.Bool => FieldType.Bool,
        PluginFieldType.IpAddr => FieldType.IpAddr,
        PluginFieldType.IpNet => FieldType.IpNet,
        // The loader rejects any other type while reading the fields JSON.
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a plugin field type"),
    };

    private static FieldArgument ArgumentOf(PluginField field)
    {
        var argument = FieldArgument.None;
        if (field.ArgIsIndex) argument |= FieldArgument.Index;
        if (field.ArgIsKey) argument |= FieldArgument.Key;
        if (field.ArgIsRequired) argument |= FieldArgument.Required;
        return argument;
    }
}
