namespace Peregrine.Plugins;

/// <summary>
/// What a plugin can do. For native plugins this is inferred from the exported symbols; the bit
/// values equal libs' <c>plugin_caps_t</c> (without the loader-internal "broken" bit).
/// </summary>
[Flags]
public enum PluginCapabilities : uint
{
    /// <summary>No capability (a native plugin with none is rejected).</summary>
    None = 0,

    /// <summary>Produces events: open, next_batch, close.</summary>
    Sourcing = 1 << 0,

    /// <summary>Extracts fields from events.</summary>
    Extraction = 1 << 1,

    /// <summary>Parses events to maintain state (detected, not driven by this host).</summary>
    Parsing = 1 << 2,

    /// <summary>Pushes async events (detected, not driven by this host).</summary>
    Async = 1 << 3,

    /// <summary>Listens to capture open/close (detected, not driven by this host).</summary>
    CaptureListening = 1 << 4,
}
