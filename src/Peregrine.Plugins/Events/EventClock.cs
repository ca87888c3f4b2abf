namespace Peregrine.Plugins.Events;

/// <summary>The wall clock used to stamp events whose timestamp is "now".</summary>
internal static class EventClock
{
    /// <summary>Nanoseconds since the Unix epoch (libscap's <c>get_timestamp_ns</c>).</summary>
    public static ulong NowNanoseconds() => (ulong)(DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100UL;
}
