namespace Peregrine.Plugins.CloudTrail.Reading;

/// <summary>
/// Parses a record's eventTime, an RFC 3339 timestamp such as 2024-05-01T12:34:56Z (fractional
/// seconds and a +hh:mm offset are accepted too, as upstream's parser does), into nanoseconds
/// since the epoch, without allocating.
/// </summary>
internal static class EventTime
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static bool TryParse(ReadOnlySpan<byte> text, out ulong nanoseconds)
    {
        nanoseconds = 0;
        // yyyy-MM-ddTHH:mm:ss is 19 bytes, and a zone (Z or ±hh:mm) must follow.
        if (text.Length < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!TryDigits(text[..4], out var year) || !TryDigits(text[5..7], out var month) || !TryDigits(text[8..10], out var day)
            || !TryDigits(text[11..13], out var hour) || !TryDigits(text[14..16], out var minute) || !TryDigits(text[17..19], out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = text[19..];
        long fraction = 0;
        if (rest[0] == '.')
        {
            var digits = 1;
            var scale = 100_000_000L;
            while (digits < rest.Length && IsDigit(rest[digits]))
            {
                fraction += (rest[digits] - '0') * scale;
                scale /= 10;
                digits++;
            }

            if (digits == 1)
            {
                return false;
            }

            rest = rest[digits..];
        }

        if (!TryZone(rest, out var offsetMinutes))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks
            - (offsetMinutes * TimeSpan.TicksPerMinute) - UnixEpochTicks;
        if (ticks < 0)
        {
            return false; // before 1970: not representable as an event timestamp
        }

        nanoseconds = (ulong)ticks * 100UL + (ulong)fraction;
        return true;
    }

    private static bool TryZone(ReadOnlySpan<byte> zone, out int offsetMinutes)
    {
        offsetMinutes = 0;
        if (zone.Length == 1 && zone[0] == 'Z')
        {
            return true;
        }

        if (zone.Length != 6 || zone[0] is not ((byte)'+' or (byte)'-') || zone[3] != ':'
            || !TryDigits(zone[1..3], out var hours) || !TryDigits(zone[4..6], out var minutes) || hours > 23 || minutes > 59)
        {
            return false;
        }

        offsetMinutes = (zone[0] == '-' ? -1 : 1) * ((hours * 60) + minutes);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
}
