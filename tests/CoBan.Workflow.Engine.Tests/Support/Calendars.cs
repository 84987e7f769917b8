using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Engine.Tests.Support;

public static class Calendars
{
    public static IWorkingDays China => WorkingCalendar.ChinaNational;
}
