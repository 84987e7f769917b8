// TEMPORARY stub until the time module lands (branch h-time). Deleted at merge.
using System.Xml;
namespace CoBan.Workflow.Engine.Time;

public enum TimerKind { Duration, Date, Cycle }

public sealed class TimerSpec
{
    private readonly TimeSpan _d;
    private TimerSpec(TimeSpan d) { _d = d; }
    public static TimerSpec Parse(TimerKind kind, string text) => new(XmlConvert.ToTimeSpan(text));
    public DateTimeOffset? FirstDue(DateTimeOffset now, IWorkingDays? calendar) => now + _d;
    public DateTimeOffset? NextDue(DateTimeOffset previousDue, int firedSoFar, IWorkingDays? calendar) => null;
}

public sealed class WorkingCalendar : IWorkingDays
{
    public static WorkingCalendar ChinaNational { get; } = new();
    public TimeSpan UtcOffset => TimeSpan.FromHours(8);
    public bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days) => start.AddDays(days);
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to) => (to - from).Days;
}
