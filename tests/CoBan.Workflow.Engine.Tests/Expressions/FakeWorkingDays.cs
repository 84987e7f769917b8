namespace CoBan.Workflow.Engine.Tests.Expressions;

/// <summary>
/// A tiny stand-in for the official calendar: weekends off, plus a list of holidays, 2026 only. Enough
/// to tell that the functions delegate to the calendar and read dates in its zone.
/// </summary>
internal sealed class FakeWorkingDays(params DateOnly[] holidays) : IWorkingDays
{
    public TimeSpan UtcOffset { get; init; } = TimeSpan.FromHours(8);

    public bool IsWorkingDay(DateOnly localDate)
    {
        if (localDate.Year != 2026)
            throw new CalendarYearUnknownException(localDate.Year);
        return localDate.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(localDate);
    }

    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        var local = start.ToOffset(UtcOffset);
        var step = Math.Sign(days);
        for (var left = Math.Abs(days); left > 0;)
        {
            local = local.AddDays(step);
            if (IsWorkingDay(DateOnly.FromDateTime(local.DateTime)))
                left--;
        }
        return local;
    }

    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var a = DateOnly.FromDateTime(from.ToOffset(UtcOffset).DateTime);
        var b = DateOnly.FromDateTime(to.ToOffset(UtcOffset).DateTime);
        var sign = b >= a ? 1 : -1;
        var (low, high) = sign > 0 ? (a, b) : (b, a);
        var count = 0;
        for (var d = low.AddDays(1); d <= high; d = d.AddDays(1))
            count += IsWorkingDay(d) ? 1 : 0;
        return sign * count;
    }
}
