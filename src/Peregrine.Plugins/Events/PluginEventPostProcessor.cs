using System.Runtime.CompilerServices;
using Peregrine.Plugins.Abi;

namespace Peregrine.Plugins.Events;

/// <summary>
/// What libscap's source-plugin engine does to every event a sourcing plugin returns, before
/// anything else sees it: a plugin with an ID may only produce plugin events of its own ID (an ID
/// of 0 is filled in), no plugin event may be left without an ID, plugin events belong to no
/// thread, and a <c>UINT64_MAX</c> timestamp is replaced by the current time. It writes into the
/// plugin's buffers, which the ABI requires to be writable.
/// </summary>
internal static unsafe class PluginEventPostProcessor
{
    /// <summary>
    /// Checks and completes one event; returns null when it is fine, otherwise libscap's message.
    /// Unlike libscap it also refuses a plugin event too short to hold its ID, rather than read
    /// past it.
    /// </summary>
    public static string? Process(byte* evt, uint pluginId, string pluginName)
    {
        var type = Unsafe.ReadUnaligned<ushort>(evt + 20);
        var isPluginEvent = type == PluginEventLayout.PluginEventType;
        if (pluginId != 0)
        {
            if (!isPluginEvent || Unsafe.ReadUnaligned<uint>(evt + 22) != PluginEventLayout.PluginEventParameterCount
                || Unsafe.ReadUnaligned<uint>(evt + 16) < PluginEventLayout.PayloadOffset)
            {
                return $"malformed plugin event produced by plugin: '{pluginName}'";
            }

            var id = Unsafe.ReadUnaligned<uint>(evt + PluginEventLayout.PluginIdOffset);
            if (id == 0)
            {
                Unsafe.WriteUnaligned(evt + PluginEventLayout.PluginIdOffset, pluginId);
            }
            else if (id != pluginId)
            {
                // libscap prints both IDs with %d.
                return $"unexpected plugin ID in plugin event: plugin='{pluginName}', expected_id={(int)pluginId}, actual_id={(int)id}";
            }
        }

        if (isPluginEvent)
        {
            if (Unsafe.ReadUnaligned<uint>(evt + 16) < PluginEventLayout.PayloadOffset)
            {
                return $"malformed plugin event produced by plugin: '{pluginName}'";
            }

            if (Unsafe.ReadUnaligned<uint>(evt + PluginEventLayout.PluginIdOffset) == 0)
            {
                return $"malformed plugin event produced by plugin (no ID): '{pluginName}'";
            }

            Unsafe.WriteUnaligned(evt + 8, PluginEventLayout.NoThread);
        }

        if (Unsafe.ReadUnaligned<ulong>(evt) == PluginEventLayout.TimestampNow)
        {
            Unsafe.WriteUnaligned(evt, EventClock.NowNanoseconds());
        }

        return null;
    }
}
