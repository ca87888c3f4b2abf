namespace Peregrine.Plugins;

/// <summary>
/// One field to extract: the field's index in the plugin's field list and its argument. Requests
/// are built once when rules are bound; a span of them is passed to every extraction call.
/// </summary>
public readonly struct PluginFieldRequest
{
    /// <summary>A request without argument.</summary>
    public PluginFieldRequest(int fieldIndex)
        : this(fieldIndex, PluginFieldArgument.None)
    {
    }

    /// <summary>A request with an argument.</summary>
    public PluginFieldRequest(int fieldIndex, PluginFieldArgument argument)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldIndex);
        ArgumentNullException.ThrowIfNull(argument);
        FieldIndex = fieldIndex;
        Argument = argument;
    }

    /// <summary>Index of the field in <see cref="PluginDescriptor.Fields"/>.</summary>
    public int FieldIndex { get; }

    /// <summary>The argument (<see cref="PluginFieldArgument.None"/> when there is none).</summary>
    public PluginFieldArgument Argument { get; }
}
