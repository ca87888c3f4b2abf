using System.Globalization;
using System.Text.RegularExpressions;

namespace Peregrine.Plugins.CloudTrail.Aws;

/// <summary>
/// The s3Interval setting: which log files to read, by the time in their names. Each end is a
/// duration back from now (5d, 12h, 30m, 2w, 10s) or a time like 2023-04-05T06:00:00Z; a single
/// value is a start with no end, and "start-end" a range (e.g. 3d-1d). Upstream's grammar.
/// </summary>
internal static partial class S3Interval
{
    /// <summary>Parses <paramref name="text"/>; no start (and no end) for an empty text.</summary>
    public static (DateTime? Start, DateTime? End) Parse(string text, DateTime nowUtc)
    {
        var range = RangePattern().Match(text);
        if (range.Success)
        {
            return (ParseEnd(range.Groups[1].Value, nowUtc), ParseEnd(range.Groups[2].Value, nowUtc));
        }

        return text.Length == 0 ? (null, null) : (ParseEnd(text, nowUtc), null);
    }

    private static DateTime ParseEnd(string text, DateTime nowUtc)
    {
        var duration = DurationPattern().Match(text);
        if (duration.Success)
        {
            var amount = long.Parse(duration.Groups[1].Value, CultureInfo.InvariantCulture);
            var unit = duration.Groups[2].Value[0] switch
            {
                'w' => TimeSpan.FromDays(7),
                'd' => TimeSpan.FromDays(1),
                'h' => TimeSpan.FromHours(1),
                'm' => TimeSpan.FromMinutes(1),
                _ => TimeSpan.FromSeconds(1),
            };
            return nowUtc - (unit * amount);
        }

        return DateTime.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"'{text}' is neither a duration like 5d nor a time like 2021-03-30T18:07:17Z");
    }

    [GeneratedRegex(@"(.*)\s*-\s*(\d+[wdhms]|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$")]
    private static partial Regex RangePattern();

    [GeneratedRegex(@"^(\d+)([wdhms])$")]
    private static partial Regex DurationPattern();
}
