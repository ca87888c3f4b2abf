namespace Peregrine.Plugins;

/// <summary>Read progress of an open stream (<c>plugin_get_progress</c>).</summary>
/// <param name="Text">The plugin's progress text (empty when it has none).</param>
/// <param name="Hundredths">Progress in hundredths of a percent, 0..10000.</param>
public readonly record struct PluginProgress(string Text, uint Hundredths)
{
    /// <summary>No progress information.</summary>
    public static PluginProgress None { get; } = new(string.Empty, 0);

    /// <summary>Progress in percent with two decimals (<see cref="Hundredths"/> / 100).</summary>
    public double Percent => Hundredths / 100.0;
}
