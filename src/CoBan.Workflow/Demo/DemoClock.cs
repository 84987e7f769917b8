namespace CoBan.Workflow.Demo;

/// <summary>
/// The service clock in demo mode: the system clock, except while the demo seeder replays the weeks
/// before today (<see cref="DemoHistory"/>), when it reads the instant being replayed. Only the seeder
/// moves it, before the host starts serving and before Quartz starts, so nothing else ever sees a
/// replayed instant. Outside demo mode the service uses <see cref="TimeProvider.System"/> itself.
/// </summary>
public sealed class DemoClock : TimeProvider
{
    private long _replayTicks; // 0: not replaying

    public override DateTimeOffset GetUtcNow()
    {
        var ticks = Interlocked.Read(ref _replayTicks);
        return ticks == 0 ? System.GetUtcNow() : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Reads <paramref name="instant"/> until <see cref="Resume"/>; it may only move forward (history is replayed in order).</summary>
    public void ReplayAt(DateTimeOffset instant)
    {
        if (instant > System.GetUtcNow()) throw new ArgumentOutOfRangeException(nameof(instant), "the demo history replays the past only");
        Interlocked.Exchange(ref _replayTicks, instant.UtcTicks);
    }

    public void Resume() => Interlocked.Exchange(ref _replayTicks, 0);
}
