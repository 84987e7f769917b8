using System.Globalization;

namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// The date formats of <c>date('...')</c>: <c>2026-10-01</c>, <c>2026-10-01T09:00[:00[.000]]</c> (a space
/// may replace the T), optionally ending in <c>Z</c> or <c>+08:00</c>. Without an offset the text is a
/// local time in the calendar's zone, never the server's: the server's zone is an accident of hosting.
/// </summary>
public static class DateText
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    public static bool TryParse(string text, TimeSpan localOffset, out DateTimeOffset value)
    {
        value = default;
        var local = text.Trim();
        var offset = localOffset;
        if (local.Length > 10 && (local.EndsWith('Z') || local.EndsWith('z')))
        {
            local = local[..^1];
            offset = TimeSpan.Zero;
        }
        else if (local.Length > 16 && local[^6] is '+' or '-' && local[^3] == ':')
        {
            if (!int.TryParse(local.AsSpan(local.Length - 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                || !int.TryParse(local.AsSpan(local.Length - 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
                || hours > 14 || minutes > 59)
                return false;
            offset = new TimeSpan(hours, minutes, 0) * (local[^6] == '-' ? -1 : 1);
            local = local[..^6];
        }
        if (!DateTime.TryParseExact(local, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime))
            return false;
        try
        {
            value = new DateTimeOffset(dateTime, offset);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false; // e.g. 0001-01-01 with a positive offset falls before the minimum instant
        }
    }

    /// <summary>ISO 8601 with offset; fractional seconds only when present.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
