using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// China Standard Time (UTC+08:00, no daylight saving): the one offset in which the service reads and
/// shows local dates. Instants are stored in UTC; anything that asks "which day is it" asks here.
/// The engine's <see cref="WorkingCalendar.ChinaStandardOffset"/> is the same number (a calendar may
/// name another offset; this is the default everything else uses).
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = WorkingCalendar.ChinaStandardOffset;

    /// <summary>The same instant as a clock in China shows it.</summary>
    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The date in China at that instant.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at).DateTime);

    /// <summary>That date at that time of day in China.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);
}
