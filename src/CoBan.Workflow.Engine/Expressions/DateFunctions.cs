namespace CoBan.Workflow.Engine.Expressions;

/// <summary>
/// Dates and working days. Local dates are taken in the calendar's zone (+08:00 when no calendar is
/// given), never the server's. Working-day functions need the official calendar and fail clearly
/// without one, rather than guessing Monday to Friday.
/// </summary>
internal static class DateFunctions
{
    public static object? Now(in Call call, ref EvalScope scope) => scope.RequireContext(call.Position).Now;

    public static object? Today(in Call call, ref EvalScope scope)
    {
        var offset = LocalOffset(ref scope, call.Position);
        var local = scope.RequireContext(call.Position).Now.ToOffset(offset);
        return new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, offset);
    }

    public static object? Date(in Call call, ref EvalScope scope) => call.Date(0, LocalOffset(ref scope, call.Position));

    public static object? AddDays(in Call call, ref EvalScope scope)
    {
        var start = call.Date(0, LocalOffset(ref scope, call.Position));
        var days = call.Integer(1);
        try
        {
            return start.AddDays(days);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw Errors.Overflow(call.Position);
        }
    }

    public static object? AddWorkingDays(in Call call, ref EvalScope scope)
    {
        var calendar = Calendar(call, ref scope);
        var start = call.Date(0, calendar.UtcOffset);
        var days = call.Integer(1);
        if (days is < int.MinValue or > int.MaxValue)
            throw Errors.Overflow(call.PositionOf(1));
        // The calendar may walk day by day, so a huge count is charged like the work it causes.
        scope.Charge((int)Math.Min(Math.Abs(days) / 8, int.MaxValue), call.Position);
        var position = call.Position;
        return Guard(() => calendar.AddWorkingDays(start, (int)days), position);
    }

    public static object? WorkingDaysBetween(in Call call, ref EvalScope scope)
    {
        var calendar = Calendar(call, ref scope);
        var from = call.Date(0, calendar.UtcOffset);
        var to = call.Date(1, calendar.UtcOffset);
        scope.Charge((int)Math.Min(Math.Abs((to - from).TotalDays) / 16, int.MaxValue), call.Position);
        var position = call.Position;
        return Guard(() => (long)calendar.WorkingDaysBetween(from, to), position);
    }

    public static object? IsWorkingDay(in Call call, ref EvalScope scope)
    {
        var calendar = Calendar(call, ref scope);
        var local = call.Date(0, calendar.UtcOffset).ToOffset(calendar.UtcOffset);
        var position = call.Position;
        return Guard(() => Boxed.Bool(calendar.IsWorkingDay(DateOnly.FromDateTime(local.DateTime))), position);
    }

    private static TimeSpan LocalOffset(ref EvalScope scope, int position) =>
        scope.RequireContext(position).WorkingDays?.UtcOffset ?? Values.DefaultOffset;

    private static IWorkingDays Calendar(in Call call, ref EvalScope scope) =>
        scope.RequireContext(call.Position).WorkingDays ?? throw Errors.NoCalendar(call.Name, call.Position);

    /// <summary>Calendar failures become expression errors; the original stays as the inner exception.</summary>
    private static object Guard(Func<object> work, int position)
    {
        try
        {
            return work();
        }
        catch (CalendarYearUnknownException e)
        {
            throw Errors.At(
                $"{e.Year} 年的节假日安排尚未载入，无法按工作日计算",
                $"no holiday calendar is loaded for {e.Year}; working days cannot be counted", position, e);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw Errors.At("日期超出范围", "date out of range", position, e);
        }
    }
}
