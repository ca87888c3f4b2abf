namespace Peregrine.Sdk;

/// <summary>One field the host wants from an event, with its argument already parsed.</summary>
public readonly struct FieldRequest
{
    internal FieldRequest(int index, FieldDefinition field, PluginFieldArgument argument)
    {
        Index = index;
        Field = field;
        Argument = argument;
    }

    /// <summary>The field's position in <see cref="IExtractionPlugin.Fields"/>.</summary>
    public int Index { get; }

    /// <summary>The field (the same object the plugin declared).</summary>
    public FieldDefinition Field { get; }

    /// <summary>The argument (<see cref="PluginFieldArgument.None"/> when there is none).</summary>
    public PluginFieldArgument Argument { get; }

    /// <summary>Whether an argument was given.</summary>
    public bool HasArgument => Argument.IsPresent;

    /// <summary>The argument as a key, or null (fields with <see cref="FieldArgumentRules.Key"/>).</summary>
    public string? Key => Argument.Key;

    /// <summary>The argument as an index, or null (fields with <see cref="FieldArgumentRules.Index"/>).</summary>
    public ulong? ArgumentIndex => Argument.HasIndex ? Argument.Index : null;
}
