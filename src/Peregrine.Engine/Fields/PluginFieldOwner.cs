using Peregrine.Engine.Sources;
using Peregrine.Plugins;

namespace Peregrine.Engine.Fields;

/// <summary>The owner of a catalog entry that a plugin extracts: which plugin, and which of its fields.</summary>
public sealed record PluginFieldOwner(RegisteredPlugin Plugin, PluginField Field);
