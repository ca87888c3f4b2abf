using Peregrine.TestSupport;

namespace Peregrine.Plugins.Tests.Support;

/// <summary>Variants of the shape.c fixture plugin, and the assertion the loader tests share.</summary>
internal static class Shape
{
    public static string Build(params string[] specs) => ShapePlugin.Build(specs);

    public static readonly string[] Sourcing = ShapePlugin.Sourcing;

    public static readonly string[] Extraction = ShapePlugin.Extraction;

    public static PluginLoadException LoadFails(string path) => Assert.Throws<PluginLoadException>(() => PluginLoader.Load(path));
}
