using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Native;

/// <summary>
/// Decides a native plugin's capabilities from the symbols it exports, as libs'
/// <c>plugin_get_capabilities</c> does, including the "broken" half-implementations.
/// </summary>
internal static unsafe class CapabilityInference
{
    /// <summary>
    /// API 3.x rules. <paramref name="brokenReasons"/> is empty unless some capability is half
    /// implemented, in which case it lists every problem joined by ", ". Calls <c>get_id</c> and
    /// <c>get_event_source</c> when the sourcing trio is present.
    /// </summary>
    public static PluginCapabilities InferV3(NativeSymbolTable symbols, out string brokenReasons)
    {
        var caps = PluginCapabilities.None;
        var reasons = new List<string>();
        var hasOpen = symbols.Has(PluginSymbolNames.Open);
        var hasClose = symbols.Has(PluginSymbolNames.Close);
        var hasNextBatch = symbols.Has(PluginSymbolNames.NextBatch);
        if (hasOpen && hasClose && hasNextBatch)
        {
            var getId = (delegate* unmanaged[Cdecl]<uint>)symbols[PluginSymbolNames.GetId];
            var getSource = (delegate* unmanaged[Cdecl]<byte*>)symbols[PluginSymbolNames.GetEventSource];
            var hasId = getId != null && getId() != 0;
            var hasSource = getSource != null && NativeText.Copy(getSource()).Length > 0;
            if (hasId == hasSource)
            {
                caps |= PluginCapabilities.Sourcing;
            }
            else
            {
                reasons.Add("must implement both 'plugin_get_id' and 'plugin_get_event_source' or neither (event sourcing)");
            }
        }
        else if (hasOpen || hasClose || hasNextBatch)
        {
            reasons.Add("must implement all of 'plugin_open', 'plugin_close', and 'plugin_next_batch' (event sourcing)");
        }

        if (symbols.Has(PluginSymbolNames.GetFields) && symbols.Has(PluginSymbolNames.ExtractFields))
        {
            caps |= PluginCapabilities.Extraction;
        }
        else if (symbols.Has(PluginSymbolNames.ExtractFields))
        {
            reasons.Add("must implement both 'plugin_get_fields' and 'plugin_extract_fields' (field extraction)");
        }

        if (symbols.Has(PluginSymbolNames.ParseEvent))
        {
            caps |= PluginCapabilities.Parsing;
        }

        if (symbols.Has(PluginSymbolNames.GetAsyncEvents) && symbols.Has(PluginSymbolNames.SetAsyncEventHandler))
        {
            caps |= PluginCapabilities.Async;
        }
        else if (symbols.Has(PluginSymbolNames.SetAsyncEventHandler))
        {
            reasons.Add("must implement both 'plugin_get_async_events' and 'plugin_set_async_event_handler' (async events)");
        }

        if (symbols.Has(PluginSymbolNames.CaptureOpen) && symbols.Has(PluginSymbolNames.CaptureClose))
        {
            caps |= PluginCapabilities.CaptureListening;
        }
        else if (symbols.Has(PluginSymbolNames.CaptureOpen))
        {
            reasons.Add("must implement both 'plugin_capture_open' and 'plugin_capture_close' (capture listening)");
        }

        brokenReasons = string.Join(", ", reasons);
        return caps;
    }

    /// <summary>
    /// API 2.0 rules (libs 0.9.2): sourcing needs all five sourcing symbols, extraction both
    /// extraction symbols; nothing is ever "broken".
    /// </summary>
    public static PluginCapabilities InferV2(NativeSymbolTable symbols)
    {
        var caps = PluginCapabilities.None;
        if (symbols.Has(PluginSymbolNames.GetId) && symbols.Has(PluginSymbolNames.GetEventSource)
            && symbols.Has(PluginSymbolNames.Open) && symbols.Has(PluginSymbolNames.Close) && symbols.Has(PluginSymbolNames.NextBatch))
        {
            caps |= PluginCapabilities.Sourcing;
        }

        if (symbols.Has(PluginSymbolNames.GetFields) && symbols.Has(PluginSymbolNames.ExtractFields))
        {
            caps |= PluginCapabilities.Extraction;
        }

        return caps;
    }
}
