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
}
