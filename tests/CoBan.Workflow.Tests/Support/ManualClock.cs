namespace CoBan.Workflow.Tests.Support;

/// <summary>A clock the test moves by hand, so deadlines and timers never need real waiting.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    private readonly object _gate = new();

    /// <summary>2026-09-30 09:00 Beijing time, a Wednesday before the National Day holiday.</summary>
    public static DateTimeOffset Default => new(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate) return _now.ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("China", TimeSpan.FromHours(8), "China", "China");

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public void Set(DateTimeOffset at)
    {
        lock (_gate) _now = at;
    }
}
