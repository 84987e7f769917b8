namespace CoBan.Workflow.Engine;

/// <summary>
/// Working-day arithmetic on an official calendar (weekends, public holidays and 调休 working
/// weekends). The engine never assumes plain weekdays: a date in a year the calendar has no data for
/// throws <see cref="CalendarYearUnknownException"/>.
/// Local dates and times are in the calendar's time zone (Asia/Shanghai by default, a fixed +08:00).
/// </summary>
public interface IWorkingDays
{
    /// <summary>The calendar's UTC offset; local dates are computed in it.</summary>
    TimeSpan UtcOffset { get; }

    bool IsWorkingDay(DateOnly localDate);

    /// <summary>Adds <paramref name="days"/> working days (may be negative), keeping the local time of day.</summary>
    DateTimeOffset AddWorkingDays(DateTimeOffset start, int days);

    /// <summary>Working days after <paramref name="from"/>'s local date up to and including <paramref name="to"/>'s; negative when to is earlier.</summary>
    int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to);
}

/// <summary>Thrown when working-day arithmetic reaches a year the calendar holds no data for.</summary>
public sealed class CalendarYearUnknownException(int year)
    : Exception($"{year} 年的节假日安排尚未载入，无法按工作日计算期限 / no holiday calendar is loaded for {year}; working days cannot be counted")
{
    public int Year { get; } = year;
}
