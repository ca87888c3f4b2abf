using System.Runtime.InteropServices;

namespace Peregrine.Plugins.Abi;

/// <summary><c>ss_plugin_event_input</c> (API 3.x): the event handed to extraction, parsing and <c>event_to_string</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct SsPluginEventInput
{
    /// <summary>The full libscap event. Not necessarily the pointer <c>next_batch</c> returned.</summary>
    public SsPluginEvent* Evt;

    /// <summary>Event number assigned by the host; increasing, possibly with gaps.</summary>
    public ulong EvtNum;

    /// <summary>NUL-terminated name of the event's source (<c>syscall</c> or a plugin source).</summary>
    public byte* EvtSrc;
}
