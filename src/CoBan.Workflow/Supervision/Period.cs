using System.Globalization;
using System.Text.RegularExpressions;
using CoBan.Workflow.Cases;

namespace CoBan.Workflow.Supervision;

public enum PeriodKind { Day, Week, Month, Quarter, Year, Custom }

/// <summary>
/// A run of whole local days in Asia/Shanghai (fixed +08:00: China has no daylight saving), from
/// <see cref="From"/> to <see cref="To"/> inclusive. Stored times are UTC; <see cref="Start"/> and
/// <see cref="End"/> are the instants that bound it, so a case completed at 2026-10-31T23:30+08:00
/// (15:30 UTC) falls in October, and one at 2026-11-01T00:00+08:00 in November.
/// </summary>
public sealed partial record Period(PeriodKind Kind, DateOnly From, DateOnly To)
{
    public static readonly TimeSpan Offset = ChinaTime.Offset;

    /// <summary>The first instant of the period (local midnight of <see cref="From"/>), UTC.</summary>
    public DateTimeOffset Start => At(From);

    /// <summary>The first instant after the period (local midnight after <see cref="To"/>), UTC. Exclusive.</summary>
    public DateTimeOffset End => At(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public static DateTimeOffset At(DateOnly localDate) => new DateTimeOffset(localDate.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static Period Day(DateOnly day) => new(PeriodKind.Day, day, day);

    /// <summary>ISO week (Monday to Sunday) containing the day.</summary>
    public static Period WeekOf(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        return new Period(PeriodKind.Week, monday, monday.AddDays(6));
    }

    public static Period Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new Period(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    public static Period Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, quarter * 3 - 2, 1);
        return new Period(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static Period Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static Period MonthOf(DateOnly day) => Month(day.Year, day.Month);
    public static Period QuarterOf(DateOnly day) => Quarter(day.Year, (day.Month + 2) / 3);

    /// <summary>The period of the same kind just before this one.</summary>
    public Period Previous() => Kind switch
    {
        PeriodKind.Day => Day(From.AddDays(-1)),
        PeriodKind.Week => WeekOf(From.AddDays(-7)),
        PeriodKind.Month => MonthOf(From.AddMonths(-1)),
        PeriodKind.Quarter => QuarterOf(From.AddMonths(-3)),
        PeriodKind.Year => Year(From.Year - 1),
        _ => new Period(PeriodKind.Custom, From.AddDays(-Days), From.AddDays(-1)),
    };

    /// <summary>A stable key: 2026-10-31, 2026-W44, 2026-10, 2026-Q4, 2026, or 2026-10-01..2026-10-15.</summary>
    public string Key => Kind switch
    {
        PeriodKind.Day => From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => $"{ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue)):00}",
        PeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{From.Year}-Q{(From.Month + 2) / 3}",
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{From:yyyy-MM-dd}..{To:yyyy-MM-dd}",
    };

    /// <summary>How the period is named in Chinese reports: 2026年10月, 2026年第4季度, 2026年第44周（10月26日—11月1日）.</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => $"{From.Year}年{From.Month}月{From.Day}日",
        PeriodKind.Week => $"{ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue))}年第{ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue))}周（{From.Month}月{From.Day}日—{To.Month}月{To.Day}日）",
        PeriodKind.Month => $"{From.Year}年{From.Month}月",
        PeriodKind.Quarter => $"{From.Year}年第{(From.Month + 2) / 3}季度",
        PeriodKind.Year => $"{From.Year}年",
        _ => $"{From.Year}年{From.Month}月{From.Day}日—{To.Year}年{To.Month}月{To.Day}日",
    };

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?:(?<m>\d{2})(?:-(?<d>\d{2}))?|Q(?<q>[1-4])|W(?<w>\d{2})))?$")]
    private static partial Regex KeyPattern();

    /// <summary>
    /// Reads a period from the API: <paramref name="key"/> (2026-10-31, 2026-W44, 2026-10, 2026-Q4, 2026),
    /// or <paramref name="from"/>/<paramref name="to"/> dates; the current month when neither is given.
    /// </summary>
    public static Period Parse(string? key, DateOnly? from, DateOnly? to, DateOnly today)
    {
        if (from is not null || to is not null)
        {
            var f = from ?? to!.Value;
            var t = to ?? today;
            if (t < f) throw Bad("to 不能早于 from", "'to' is before 'from'");
            if (t.DayNumber - f.DayNumber > 366 * 5) throw Bad("期间不能超过 5 年", "a period may not be longer than 5 years");
            return new Period(PeriodKind.Custom, f, t);
        }
        if (string.IsNullOrWhiteSpace(key)) return MonthOf(today);
        var m = KeyPattern().Match(key.Trim());
        if (!m.Success) throw Bad($"期间 '{key}' 无效：应为 2026-10-31、2026-W44、2026-10、2026-Q4 或 2026", $"invalid period '{key}': use 2026-10-31, 2026-W44, 2026-10, 2026-Q4 or 2026");
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100) throw Bad("年份应在 2000 到 2100 之间", "the year must be 2000 to 2100");
        try
        {
            if (m.Groups["q"].Success) return Quarter(year, int.Parse(m.Groups["q"].Value, CultureInfo.InvariantCulture));
            if (m.Groups["w"].Success)
            {
                var monday = ISOWeek.ToDateTime(year, int.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture), DayOfWeek.Monday);
                return WeekOf(DateOnly.FromDateTime(monday));
            }
            if (m.Groups["d"].Success) return Day(new DateOnly(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture)));
            if (m.Groups["m"].Success) return Month(year, int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture));
            return Year(year);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Bad($"期间 '{key}' 不是有效日期", $"'{key}' is not a valid date");
        }
    }

    private static CoBanException Bad(string zh, string en) => CoBanException.BadRequest("bad-period", zh, en);

    /// <summary>
    /// The trend's points inside the period: days for up to two months, ISO weeks (clipped to the
    /// period) up to half a year, months beyond.
    /// </summary>
    public IReadOnlyList<Period> Buckets()
    {
        var buckets = new List<Period>();
        if (Days <= 62)
        {
            for (var d = From; d <= To; d = d.AddDays(1)) buckets.Add(Day(d));
        }
        else if (Days <= 186)
        {
            for (var d = From; d <= To;)
            {
                var week = WeekOf(d);
                var end = week.To < To ? week.To : To;
                buckets.Add(new Period(PeriodKind.Week, d, end));
                d = end.AddDays(1);
            }
        }
        else
        {
            for (var d = From; d <= To;)
            {
                var month = MonthOf(d);
                var end = month.To < To ? month.To : To;
                buckets.Add(new Period(PeriodKind.Month, d, end));
                d = end.AddDays(1);
            }
        }
        return buckets;
    }

    public string ShortLabel => Kind switch
    {
        PeriodKind.Day => $"{From.Month}/{From.Day}",
        PeriodKind.Week => $"{From.Month}/{From.Day}",
        PeriodKind.Month => From.Month == 1 ? $"{From.Year}/{From.Month}" : $"{From.Month}月",
        _ => Key,
    };
}
