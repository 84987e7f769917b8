using System.Globalization;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Engine.Tests.Time;

internal static class TimeTestData
{
    public static readonly WorkingCalendar China = WorkingCalendar.ChinaNational;

    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A local Beijing time, e.g. "2026-09-30 09:30".</summary>
    public static DateTimeOffset Beijing(string text) =>
        new(DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
