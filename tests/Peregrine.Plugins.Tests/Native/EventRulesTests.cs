using Peregrine.Plugins.Abi;
using Peregrine.Plugins.Events;
using Peregrine.Plugins.Tests.Support;

namespace Peregrine.Plugins.Tests.Native;

/// <summary>libscap's per-event rules and libsinsp's fallback rendering, on hand-made events.</summary>
public unsafe class EventRulesTests
{
    private static readonly EventSourceName Source = EventSourceName.Get("x");

    [Fact]
    public void Plugin_id_zero_is_filled_in_and_thread_is_cleared()
    {
        using var events = new TestEvents();
        var evt = events.Plugin(1, 0, Source, ts: 77);
        *(ulong*)(evt.Pointer + 8) = 1234;
        Assert.Null(PluginEventPostProcessor.Process(evt.Pointer, 42, "p"));
        Assert.Equal(42u, evt.PluginId);
        Assert.Equal(PluginEventLayout.NoThread, evt.ThreadId);
        Assert.Equal(77UL, evt.Timestamp);
    }

    [Fact]
    public void Plugin_ids_are_printed_signed_like_libscap()
    {
        using var events = new TestEvents();
        var evt = events.Plugin(1, 0xFFFFFFFE, Source);
        Assert.Equal("unexpected plugin ID in plugin event: plugin='p', expected_id=-2147483648, actual_id=-2", PluginEventPostProcessor.Process(evt.Pointer, 0x80000000, "p"));
    }

    [Fact]
    public void An_id_zero_plugin_may_emit_other_events_untouched()
    {
        using var events = new TestEvents();
        var evt = events.Raw(3, 1, 0, [1, 2, 3, 4], Source, ts: 5);
        *(ulong*)(evt.Pointer + 8) = 99;
        Assert.Null(PluginEventPostProcessor.Process(evt.Pointer, 0, "p"));
        Assert.Equal(99UL, evt.ThreadId);
        Assert.Equal(0u, evt.PluginId);
        Assert.True(evt.Payload.IsEmpty);
    }

    [Fact]
    public void An_event_too_short_for_its_id_is_malformed()
    {
        using var events = new TestEvents();
        var evt = events.Plugin(1, 7, Source);
        *(uint*)(evt.Pointer + 16) = 30;
        Assert.False(evt.IsPluginEvent);
        Assert.Equal("malformed plugin event produced by plugin: 'p'", PluginEventPostProcessor.Process(evt.Pointer, 7, "p"));
        Assert.Equal("malformed plugin event produced by plugin: 'p'", PluginEventPostProcessor.Process(evt.Pointer, 0, "p"));
    }

    [Fact]
    public void Payload_never_reads_past_the_event()
    {
        using var events = new TestEvents();
        var evt = events.Plugin(1, 7, Source);
        *(uint*)(evt.Pointer + PluginEventLayout.PayloadLengthOffset) = 1000;
        Assert.Equal(8, evt.Payload.Length);
    }

    [Theory]
    [InlineData("hello world", "datalen=11 data=hello world")]
    [InlineData("", "datalen=0 data=")]
    [InlineData("tab\there", "datalen=8 data=<binary>")]
    public void Fallback_rendering(string payload, string expected)
    {
        Assert.Equal(expected, PluginEventFormatter.Fallback(System.Text.Encoding.ASCII.GetBytes(payload)));
    }

    [Fact]
    public void Fallback_rendering_shows_at_most_50_bytes()
    {
        var payload = new string('a', 50) + "\u0001";
        Assert.Equal("datalen=51 data=" + new string('a', 50) + "...", PluginEventFormatter.Fallback(System.Text.Encoding.ASCII.GetBytes(payload)));
    }
}
