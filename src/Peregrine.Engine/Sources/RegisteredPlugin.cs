using Peregrine.Plugins;

namespace Peregrine.Engine.Sources;

/// <summary>A plugin library loaded and accepted into the set, with the configuration it came from.</summary>
public sealed class RegisteredPlugin(PluginSpec spec, IPluginLibrary library, int order)
{
    public PluginSpec Spec { get; } = spec;
    public IPluginLibrary Library { get; } = library;
    public PluginDescriptor Descriptor => Library.Descriptor;

    /// <summary>Position in load order.</summary>
    public int Order { get; } = order;

    public string Name => Descriptor.Name;

    /// <summary>The event source this plugin produces events for (sourcing plugins with an ID), else null.</summary>
    public string? SourcedEventSource =>
        Descriptor.Has(PluginCapabilities.Sourcing) && Descriptor.Id != 0 ? Descriptor.EventSource : null;

    public bool Extracts => Descriptor.Has(PluginCapabilities.Extraction);

    public override string ToString() => Descriptor.ToString();
}
