namespace CoBan.Workflow.Engine.Tests.Support;

public static class Clock
{
    /// <summary>A Wednesday morning in Beijing, the day before the 2026 National Day holiday.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));
}
