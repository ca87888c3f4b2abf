namespace Peregrine.Plugins.Common;

/// <summary>The limits of upstream's JSON library (fastjson), for documents to be refused where Falco refuses them.</summary>
public static class UpstreamJsonLimits
{
    /// <summary>
    /// How deeply values may nest: fastjson refuses a document nested deeper than 300 values.
    /// (System.Text.Json's own default, 64, would refuse documents Falco reads.) Given as a
    /// System.Text.Json MaxDepth it counts containers only, so the two agree except for a scalar
    /// inside exactly 300 containers, which only fastjson refuses.
    /// </summary>
    public const int MaxDepth = 300;
}
