namespace Peregrine.Plugins.Abi;

/// <summary>
/// Byte layout of the libscap events that 3.x plugins exchange with the host. Every event starts
/// with the packed 26-byte <see cref="SsPluginEvent"/> header, followed by one length per
/// parameter and then the parameter data. Both event types plugins produce are flagged
/// "large payload" in libscap, so their parameter lengths are 4 bytes wide.
/// </summary>
public static class PluginEventLayout
{
    /// <summary>Size of the packed event header.</summary>
    public const int HeaderSize = 26;

    /// <summary><c>PPME_PLUGINEVENT_E</c>: an event produced by a sourcing plugin.</summary>
    public const ushort PluginEventType = 322;

    /// <summary><c>PPME_PLUGINEVENT_X</c>: declared by libscap but never produced.</summary>
    public const ushort PluginEventExitType = 323;

    /// <summary><c>PPME_ASYNCEVENT_E</c>: an event pushed by a plugin with the async capability.</summary>
    public const ushort AsyncEventType = 402;

    /// <summary><c>PPME_ASYNCEVENT_X</c>: declared by libscap but never produced.</summary>
    public const ushort AsyncEventExitType = 403;

    /// <summary>Number of parameters of a plugin event (plugin ID, payload).</summary>
    public const uint PluginEventParameterCount = 2;

    /// <summary>Number of parameters of an async event (plugin ID, name, data).</summary>
    public const uint AsyncEventParameterCount = 3;

    /// <summary>Offset of the 4-byte length of parameter 0 (the plugin ID), always 4.</summary>
    public const int PluginIdLengthOffset = 26;

    /// <summary>Offset of the 4-byte length of parameter 1 (the payload).</summary>
    public const int PayloadLengthOffset = 30;

    /// <summary>Offset of the <c>uint32</c> plugin ID in a plugin event.</summary>
    public const int PluginIdOffset = 34;

    /// <summary>
    /// Offset of the payload in a plugin event (<c>PLUGIN_EVENT_PAYLOAD_OFFSET</c>). It is also the
    /// size of a plugin event with an empty payload.
    /// </summary>
    public const int PayloadOffset = 38;

    /// <summary>Offset of the NUL-terminated event name in an async event.</summary>
    public const int AsyncEventNameOffset = 42;

    /// <summary>A timestamp of <c>UINT64_MAX</c> asks the host to stamp the event with the current time.</summary>
    public const ulong TimestampNow = ulong.MaxValue;

    /// <summary>The thread id of events that belong to no thread (<c>-1</c>).</summary>
    public const ulong NoThread = ulong.MaxValue;
}
