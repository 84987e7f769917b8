namespace CoBan.Workflow.Engine.Time;

/// <summary>Local-date helpers every <see cref="IWorkingDays"/> gets from its offset and its two primitives.</summary>
public static class WorkingDaysExtensions
{
    public static DateOnly LocalDate(this IWorkingDays calendar, DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(calendar.UtcOffset).DateTime);

    public static DateTimeOffset AtLocalTime(this IWorkingDays calendar, DateOnly date, TimeOnly time) =>
        new(date.ToDateTime(time), calendar.UtcOffset);

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the last working day before it.</summary>
    public static DateOnly WorkingDayOnOrBefore(this IWorkingDays calendar, DateOnly date)
    {
        if (calendar.IsWorkingDay(date))
            return date;
        // −1 working day from an off day is the previous working day (counting starts the day before).
        var noon = calendar.AtLocalTime(date, new TimeOnly(12, 0));
        return calendar.LocalDate(calendar.AddWorkingDays(noon, -1));
    }

    /// <summary>
    /// Whether a count from <paramref name="from"/> to <paramref name="to"/> (either order) crossed a provisional year
    /// (<see cref="WorkingCalendar.IsProvisional"/>): its result stands until that year's notice is loaded.
    /// </summary>
    public static bool IsProvisional(this IWorkingDays calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (calendar is not WorkingCalendar working) return false;
        int a = calendar.LocalDate(from).Year, b = calendar.LocalDate(to).Year;
        for (var year = Math.Min(a, b); year <= Math.Max(a, b); year++)
            if (working.IsProvisional(year)) return true;
        return false;
    }

    /// <summary>The provisional years a count from <paramref name="from"/> to <paramref name="to"/> crossed, ascending.</summary>
    public static IReadOnlyList<int> ProvisionalYears(this IWorkingDays calendar, DateTimeOffset from, DateTimeOffset to)
    {
        if (calendar is not WorkingCalendar working) return [];
        int a = calendar.LocalDate(from).Year, b = calendar.LocalDate(to).Year;
        return Enumerable.Range(Math.Min(a, b), Math.Abs(b - a) + 1).Where(working.IsProvisional).ToList();
    }
}
