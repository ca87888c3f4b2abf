using System.Text;
using Peregrine.Engine.Events;

namespace Peregrine.Engine.Tests.Events;

public class EventTimeTextTests
{
    // 2023-11-14T22:13:20.000000001Z
    private const ulong Timestamp = 1_700_000_000_000_000_001;

    private delegate int Writer(Span<byte> output);

    private static string Text(Writer write)
    {
        Span<byte> buffer = stackalloc byte[EventTimeText.MaxLength];
        return Encoding.ASCII.GetString(buffer[..write(buffer)]);
    }

    [Fact]
    public void Utc_forms()
    {
        var utc = new EventTimeText(TimeSpan.Zero);
        Assert.Equal("22:13:20.000000001", Text(b => utc.WriteLocalTime(Timestamp, true, b)));
        Assert.Equal("22:13:20", Text(b => utc.WriteLocalTime(Timestamp, false, b)));
        Assert.Equal("2023-11-14 22:13:20.000000001", Text(b => utc.WriteLocalDateTime(Timestamp, true, b)));
        Assert.Equal("2023-11-14 22:13:20", Text(b => utc.WriteLocalDateTime(Timestamp, false, b)));
        Assert.Equal("2023-11-14T22:13:20.000000001+0000", Text(b => EventTimeText.WriteIso8601(Timestamp, b)));
        Assert.Equal("2023-11-14T22:13:20.000000001Z", Text(b => EventTimeText.WriteAlertTime(Timestamp, b)));
    }

    [Fact]
    public void Local_forms_shift_by_the_zone_offset_and_can_change_the_date()
    {
        var east = new EventTimeText(TimeSpan.FromHours(2));
        Assert.Equal("00:13:20.000000001", Text(b => east.WriteLocalTime(Timestamp, true, b)));
        Assert.Equal("2023-11-15 00:13:20", Text(b => east.WriteLocalDateTime(Timestamp, false, b)));

        var west = new EventTimeText(TimeSpan.FromMinutes(-(5 * 60 + 30)));
        Assert.Equal("16:43:20.000000001", Text(b => west.WriteLocalTime(Timestamp, true, b)));
        Assert.Equal("2023-11-14 16:43:20.000000001", Text(b => west.WriteLocalDateTime(Timestamp, true, b)));
    }

    [Fact]
    public void Iso_and_alert_times_ignore_the_local_zone()
    {
        Assert.Equal("1970-01-01T00:00:00.000000000+0000", Text(b => EventTimeText.WriteIso8601(0, b)));
        Assert.Equal("2001-09-09T01:46:40.999999999Z", Text(b => EventTimeText.WriteAlertTime(1_000_000_000_999_999_999, b)));
    }
}
