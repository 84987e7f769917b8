using System.Globalization;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// ISO 8601 dates and date-times as BPMN <c>timeDate</c> values and cycle starts carry them:
/// <c>2026-10-01</c>, <c>2026-10-01T09:00</c>, <c>2026-10-01T09:00:00(.fff)</c>, each with <c>Z</c>,
/// <c>+08:00</c>, <c>+0800</c> or <c>+08</c>, or none. Without an offset the value is local time in the
/// calendar's offset (+08:00 unless told otherwise): a process owner in Beijing writing 09:00 means 09:00 there.
/// </summary>
public static class IsoDateTime
{
    public static DateTimeOffset Parse(string text, TimeSpan? localOffset = null) =>
        TryParseParts(text, out var clock, out var offset, out var zh, out var en)
            ? new DateTimeOffset(clock, offset ?? localOffset ?? WorkingCalendar.ChinaStandardOffset)
            : throw new TimeFormatException(text, zh, en);

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        TryParse(text, WorkingCalendar.ChinaStandardOffset, out value);

    public static bool TryParse(string? text, TimeSpan localOffset, out DateTimeOffset value)
    {
        value = default;
        if (!TryParseParts(text ?? "", out var clock, out var offset, out _, out _))
            return false;
        value = new DateTimeOffset(clock, offset ?? localOffset);
        return true;
    }

    /// <summary><c>2026-10-01T09:00:00+08:00</c>, with a fraction of a second only when there is one.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            CultureInfo.InvariantCulture);

    /// <summary>Splits the text into the wall-clock time and the offset written with it (null when none was).</summary>
    internal static bool TryParseParts(string text, out DateTime clock, out TimeSpan? offset, out string zh, out string en)
    {
        clock = default;
        offset = null;
        zh = en = "";
        var s = text.AsSpan();
        int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var i = 0;
        if (!(Digits(s, ref i, 4, out year) && Char(s, ref i, '-') && Digits(s, ref i, 2, out month) && Char(s, ref i, '-') && Digits(s, ref i, 2, out day)))
            return Fail(out zh, out en);
        if (i < s.Length && s[i] == 'T')
        {
            i++;
            if (!(Digits(s, ref i, 2, out hour) && Char(s, ref i, ':') && Digits(s, ref i, 2, out minute)))
                return Fail(out zh, out en);
            if (i < s.Length && s[i] == ':')
            {
                i++;
                if (!Digits(s, ref i, 2, out second)) return Fail(out zh, out en);
                if (i < s.Length && s[i] is '.' or ',')
                {
                    i++;
                    var start = i;
                    while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
                    if (i == start) return Fail(out zh, out en);
                    // Digits past 100 ns are dropped: DateTimeOffset cannot hold them.
                    var digits = s[start..Math.Min(i, start + 7)].ToString().PadRight(7, '0');
                    fractionTicks = long.Parse(digits, CultureInfo.InvariantCulture);
                }
            }
            if (i < s.Length && !TryOffset(s, ref i, out offset))
                return Fail(out zh, out en);
        }
        if (i != s.Length)
            return Fail(out zh, out en);
        if (month is < 1 or > 12 || year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            zh = "不是有效的 ISO 8601 日期时间：月、日、时、分或秒超出范围";
            en = "is not a valid ISO 8601 date-time: the month, day, hour, minute or second is out of range";
            return false;
        }
        clock = new DateTime(year, month, day, hour, minute, second).AddTicks(fractionTicks);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, ref int i, out TimeSpan? offset)
    {
        offset = null;
        if (s[i] == 'Z')
        {
            i++;
            offset = TimeSpan.Zero;
            return true;
        }
        if (s[i] is not ('+' or '-')) return false;
        var sign = s[i] == '-' ? -1 : 1;
        i++;
        if (!Digits(s, ref i, 2, out var hours)) return false;
        var minutes = 0;
        var colon = i < s.Length && s[i] == ':';
        if (colon) i++;
        if ((colon || i < s.Length) && !Digits(s, ref i, 2, out minutes)) return false;
        if (hours > 14 || minutes > 59 || hours == 14 && minutes > 0) return false;
        offset = sign * new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i, int count, out int value)
    {
        value = 0;
        if (i + count > s.Length) return false;
        for (var k = 0; k < count; k++)
        {
            if (!char.IsAsciiDigit(s[i + k])) return false;
            value = value * 10 + (s[i + k] - '0');
        }
        i += count;
        return true;
    }

    private static bool Char(ReadOnlySpan<char> s, ref int i, char expected)
    {
        if (i >= s.Length || s[i] != expected) return false;
        i++;
        return true;
    }

    private static bool Fail(out string zh, out string en)
    {
        zh = "不是有效的 ISO 8601 日期时间（示例：2026-10-01、2026-10-01T09:00、2026-10-01T09:00:00+08:00）";
        en = "is not an ISO 8601 date or date-time (examples: 2026-10-01, 2026-10-01T09:00, 2026-10-01T09:00:00+08:00)";
        return false;
    }
}
