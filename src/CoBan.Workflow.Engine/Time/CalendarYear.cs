namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// The official arrangement for one year, as the State Council's annual notice publishes it: the
/// public holidays (off) and the adjusted working weekends (调休, on). Every other day follows the
/// weekday rule. Immutable; the days are kept sorted by date.
/// </summary>
public sealed class CalendarYear
{
    public CalendarYear(int year, IEnumerable<CalendarDay> days)
    {
        if (year is < 1 or > 9999)
            throw new CalendarFormatException($"年份 {year} 无效 / year {year} is not valid");
        Year = year;
        var sorted = days.OrderBy(d => d.Date).ToArray();
        for (var i = 0; i < sorted.Length; i++)
        {
            var day = sorted[i];
            if (day.Date.Year != year)
                throw new CalendarFormatException(
                    $"{day.Date:yyyy-MM-dd}（{day.Name}）不在 {year} 年内 / {day.Date:yyyy-MM-dd} ({day.Name}) is outside {year}");
            if (i > 0 && sorted[i - 1].Date == day.Date)
                throw new CalendarFormatException(
                    $"{day.Date:yyyy-MM-dd} 重复出现 / {day.Date:yyyy-MM-dd} is listed twice");
        }
        Days = sorted;
    }

    public int Year { get; }

    public IReadOnlyList<CalendarDay> Days { get; }

    /// <summary>Builds a year from the two lists of a State Council notice (names left empty).</summary>
    public static CalendarYear FromLists(int year, IEnumerable<DateOnly> offDays, IEnumerable<DateOnly> workingWeekends) =>
        new(year, offDays.Select(d => new CalendarDay(d, "", IsOffDay: true))
            .Concat(workingWeekends.Select(d => new CalendarDay(d, "", IsOffDay: false))));
}
