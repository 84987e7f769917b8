using System.Globalization;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// The provisional year: what the law alone says about a year whose State Council notice is not loaded
/// (DOMAIN.md, "Official holiday calendar"). 全国年节及纪念日放假办法 (as revised, in force 2025-01-01),
/// Art. 2 — holidays for all citizens: 元旦 1 day (01-01); 春节 4 days (农历除夕 and 正月初一至初三); 清明 1
/// day (the solar-term day); 劳动节 2 days (05-01, 05-02); 端午 1 day (农历五月初五); 中秋 1 day (农历八月十五);
/// 国庆 3 days (10-01..10-03). Art. 6: a holiday for all citizens that falls on a Saturday or Sunday is made
/// up on a working day (补假).
/// Where the 补假 goes is for the year's notice to say; until then the convention is the working day(s)
/// right after the festival (skipping weekends, other holidays and 补假 already placed), one per weekend
/// day it covered. No 调休 (worked weekend) is ever guessed: the law does not set any, only the notice does.
/// Lunar dates come from <see cref="ChineseLunisolarCalendar"/> (right for 2027's 正月初一 = 02-06, where
/// some ICU data says 02-07); 清明 from <see cref="SolarTerms"/>.
/// </summary>
public static class StatutoryHolidays
{
    /// <summary>The first year the lunisolar calendar covers whole (its range starts 1901-02-19).</summary>
    public const int FirstYear = 1902;

    /// <summary>The last year the lunisolar calendar covers whole (its range ends 2101-01-28).</summary>
    public const int LastYear = 2100;

    public const string MakeUpSuffix = "补假";

    private static readonly ChineseLunisolarCalendar Lunar = new();

    public static bool Covers(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>The statutory holidays of <paramref name="year"/>, festival by festival, in date order (no 补假).</summary>
    public static IReadOnlyList<(string Name, DateOnly[] Days)> Festivals(int year)
    {
        if (!Covers(year))
            throw new CalendarYearUnknownException(year);
        var newYear = LunarDate(year, 1, 1);
        DateOnly[] Run(DateOnly first, int days) => Enumerable.Range(0, days).Select(first.AddDays).ToArray();
        return new (string, DateOnly[])[]
        {
            ("元旦", [new DateOnly(year, 1, 1)]),
            ("春节", Run(newYear.AddDays(-1), 4)), // 除夕 is the day before 正月初一 (in a 29-day 腊月 too)
            ("清明", [SolarTerms.Qingming(year)]),
            ("劳动节", Run(new DateOnly(year, 5, 1), 2)),
            ("端午", [LunarDate(year, 5, 5)]),
            ("中秋", [LunarDate(year, 8, 15)]),
            ("国庆", Run(new DateOnly(year, 10, 1), 3)),
        }.OrderBy(f => f.Item2[0]).ToList();
    }

    /// <summary>
    /// The provisional year: every statutory holiday off, plus Art. 6 补假 days (named e.g. "劳动节补假"), and
    /// no working weekend. <see cref="CalendarYear.Days"/> lists only off days.
    /// </summary>
    public static CalendarYear ProvisionalYear(int year)
    {
        var festivals = Festivals(year);
        var off = new Dictionary<DateOnly, string>();
        foreach (var (name, days) in festivals)
            foreach (var day in days)
                off.TryAdd(day, name);
        foreach (var (name, days) in festivals)
        {
            // A weekend day two festivals share (中秋 on 10-03) is made up once, by the festival that claimed it.
            var owed = days.Count(d => IsWeekend(d) && off[d] == name);
            for (var day = days[^1].AddDays(1); owed > 0; day = day.AddDays(1))
            {
                if (IsWeekend(day) || off.ContainsKey(day)) continue;
                off[day] = name + MakeUpSuffix;
                owed--;
            }
        }
        return new CalendarYear(year, off.Select(d => new CalendarDay(d.Key, d.Value, IsOffDay: true)));
    }

    /// <summary>The Gregorian date of lunar month <paramref name="month"/> (1 = 正月), day <paramref name="day"/>, of the lunar year starting in <paramref name="year"/>; never a leap month.</summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        // With a leap month, months after it are numbered one higher: GetLeapMonth gives the leap month's
        // number, e.g. 5 for 闰四月, after which 五月 is month 6.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
