using System.Numerics;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A Quartz-format cron schedule (see <see cref="CronParser"/> for the grammar) evaluated in a fixed
/// UTC offset, +08:00 by default. Weekdays are numbered as in Quartz: 1 = SUN … 7 = SAT.
/// <see cref="Next"/> walks years, then months, then days and times by bitsets, so a far-off or
/// impossible schedule (30 February) costs a few hundred month checks, never a search minute by minute.
/// Cron knows nothing of holidays: a timer that must fire on working days only uses <c>R/P1WD</c>.
/// </summary>
public sealed class CronSchedule
{
    // Without a year field, 400 years is a whole Gregorian cycle: no match in it means none ever.
    private const int YearsInCycle = 400;

    private readonly CronParser.Parts _parts;

    private CronSchedule(string expression, CronParser.Parts parts, TimeSpan utcOffset)
    {
        Expression = expression;
        _parts = parts;
        UtcOffset = utcOffset;
    }

    public string Expression { get; }

    public TimeSpan UtcOffset { get; }

    public static CronSchedule Parse(string expression, TimeSpan? utcOffset = null)
    {
        try
        {
            return new CronSchedule(expression.Trim(), CronParser.Parse(expression), utcOffset ?? WorkingCalendar.ChinaStandardOffset);
        }
        catch (CronParser.Error e)
        {
            throw new TimeFormatException(expression, e.Zh, e.En);
        }
    }

    public static bool TryParse(string? expression, out CronSchedule? schedule)
    {
        schedule = null;
        try
        {
            schedule = Parse(expression ?? "");
            return true;
        }
        catch (TimeFormatException)
        {
            return false;
        }
    }

    /// <summary>The same schedule read in another offset (e.g. the calendar's).</summary>
    public CronSchedule InOffset(TimeSpan utcOffset) =>
        utcOffset == UtcOffset ? this : new CronSchedule(Expression, _parts, utcOffset);

    /// <summary>The first firing strictly after <paramref name="after"/>, in <see cref="UtcOffset"/>; null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var local = after.ToOffset(UtcOffset).DateTime;
        if (local.Year >= 9999) return null;
        var start = new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerSecond).AddSeconds(1);

        foreach (var year in CandidateYears(start.Year))
        {
            for (var month = year == start.Year ? start.Month : 1; month <= 12; month++)
            {
                if ((_parts.Months & (1UL << month)) == 0) continue;
                var sameMonth = year == start.Year && month == start.Month;
                var days = _parts.Days.DaysIn(year, month);
                for (var day = NextBit(days, sameMonth ? start.Day : 1); day >= 0; day = NextBit(days, day + 1))
                {
                    var sameDay = sameMonth && day == start.Day;
                    if (FirstTime(sameDay ? start.Hour : 0, sameDay ? start.Minute : 0, sameDay ? start.Second : 0) is { } time)
                        return new DateTimeOffset(year, month, day, time.Hour, time.Minute, time.Second, UtcOffset);
                }
            }
        }
        return null;
    }

    public override string ToString() => Expression;

    private IEnumerable<int> CandidateYears(int from)
    {
        if (_parts.Years is { } years)
            return years.Where(y => y >= from);
        return Enumerable.Range(from, Math.Min(YearsInCycle, 9999 - from));
    }

    private (int Hour, int Minute, int Second)? FirstTime(int hour, int minute, int second)
    {
        for (var h = NextBit(_parts.Hours, hour); h >= 0; h = NextBit(_parts.Hours, h + 1))
        {
            var fromMinute = h == hour ? minute : 0;
            for (var m = NextBit(_parts.Minutes, fromMinute); m >= 0; m = NextBit(_parts.Minutes, m + 1))
            {
                var s = NextBit(_parts.Seconds, h == hour && m == minute ? second : 0);
                if (s >= 0) return (h, m, s);
            }
        }
        return null;
    }

    /// <summary>The lowest set bit at or above <paramref name="from"/>, or −1.</summary>
    private static int NextBit(ulong mask, int from)
    {
        if (from > 63) return -1;
        var rest = mask & (~0UL << from);
        return rest == 0 ? -1 : BitOperations.TrailingZeroCount(rest);
    }
}
