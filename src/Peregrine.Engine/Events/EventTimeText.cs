using System.Buffers.Text;

namespace Peregrine.Engine.Events;

/// <summary>
/// Writes event timestamps (nanoseconds since the epoch) as text the way libsinsp does, into a
/// caller's buffer without allocating. "Local" forms shift by one fixed offset taken when the
/// process starts, with minute precision (libsinsp computes the offset from the current time, not
/// the event's, so an event from another daylight-saving period still uses today's offset).
/// </summary>
public sealed class EventTimeText
{
    private const ulong NanosPerSecond = 1_000_000_000;
    private const long SecondsPerDay = 86_400;

    /// <summary>Longest text any method writes (ISO 8601 with nanoseconds and offset).</summary>
    public const int MaxLength = 40;

    private readonly long _localOffsetSeconds;

    public EventTimeText(TimeSpan localOffset) => _localOffsetSeconds = (long)localOffset.TotalMinutes * 60;

    /// <summary>The offset of the machine's local time zone now.</summary>
    public static EventTimeText ForLocalZone() => new(TimeZoneInfo.Local.GetUtcOffset(DateTime.UtcNow));

    /// <summary><c>HH:MM:SS.nnnnnnnnn</c> (or <c>HH:MM:SS</c>) in local time: <c>evt.time</c>, <c>evt.time.s</c>.</summary>
    public int WriteLocalTime(ulong timestamp, bool nanoseconds, Span<byte> output)
    {
        var local = LocalSeconds(timestamp);
        var secondOfDay = Mod(local, SecondsPerDay);
        var n = WriteClock(secondOfDay, output);
        if (nanoseconds) n += WriteNanos(timestamp, output[n..]);
        return n;
    }

    /// <summary><c>YYYY-MM-DD HH:MM:SS.nnnnnnnnn</c> (or without nanoseconds) in local time: <c>evt.datetime</c>.</summary>
    public int WriteLocalDateTime(ulong timestamp, bool nanoseconds, Span<byte> output)
    {
        var local = LocalSeconds(timestamp);
        var secondOfDay = Mod(local, SecondsPerDay);
        var n = WriteDate(local - secondOfDay, output);
        output[n++] = (byte)' ';
        n += WriteClock(secondOfDay, output[n..]);
        if (nanoseconds) n += WriteNanos(timestamp, output[n..]);
        return n;
    }

    /// <summary><c>YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+0000</c>, UTC: <c>evt.time.iso8601</c>.</summary>
    public static int WriteIso8601(ulong timestamp, Span<byte> output)
    {
        var n = WriteUtcDateTime(timestamp, output);
        "+0000"u8.CopyTo(output[n..]);
        return n + 5;
    }

    /// <summary><c>YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ</c>, UTC: the <c>time</c> of a JSON alert.</summary>
    public static int WriteAlertTime(ulong timestamp, Span<byte> output)
    {
        var n = WriteUtcDateTime(timestamp, output);
        output[n] = (byte)'Z';
        return n + 1;
    }

    private static int WriteUtcDateTime(ulong timestamp, Span<byte> output)
    {
        var seconds = (long)(timestamp / NanosPerSecond);
        var secondOfDay = Mod(seconds, SecondsPerDay);
        var n = WriteDate(seconds - secondOfDay, output);
        output[n++] = (byte)'T';
        n += WriteClock(secondOfDay, output[n..]);
        return n + WriteNanos(timestamp, output[n..]);
    }

    private long LocalSeconds(ulong timestamp) => (long)(timestamp / NanosPerSecond) + _localOffsetSeconds;

    private static int WriteDate(long midnightSeconds, Span<byte> output)
    {
        var date = DateTime.UnixEpoch.AddSeconds(midnightSeconds);
        Write(date.Year, 4, output);
        output[4] = (byte)'-';
        Write(date.Month, 2, output[5..]);
        output[7] = (byte)'-';
        Write(date.Day, 2, output[8..]);
        return 10;
    }

    private static int WriteClock(long secondOfDay, Span<byte> output)
    {
        Write((int)(secondOfDay / 3600), 2, output);
        output[2] = (byte)':';
        Write((int)(secondOfDay / 60 % 60), 2, output[3..]);
        output[5] = (byte)':';
        Write((int)(secondOfDay % 60), 2, output[6..]);
        return 8;
    }

    private static int WriteNanos(ulong timestamp, Span<byte> output)
    {
        output[0] = (byte)'.';
        Write((int)(timestamp % NanosPerSecond), 9, output[1..]);
        return 10;
    }

    private static void Write(int value, int digits, Span<byte> output) =>
        Utf8Formatter.TryFormat(value, output[..digits], out _, new System.Buffers.StandardFormat('D', (byte)digits));

    private static long Mod(long value, long modulus)
    {
        var r = value % modulus;
        return r < 0 ? r + modulus : r;
    }
}
