namespace CoBan.Workflow.Engine.Time;

public sealed partial class TimerSpec
{
    /// <summary>
    /// The first occurrence of a cycle with a start that is at (or, when <paramref name="strictlyAfter"/>,
    /// after) <paramref name="target"/>, among occurrences 0 … Repetitions − 1; null when none is.
    /// Occurrence k is start + k × period, computed part by part (so P1M from 01-31 gives 02-28, 03-31,
    /// not a drift to the 28th). Working-day periods have no fixed length, so those step one period at a time.
    /// </summary>
    private DateTimeOffset? Occurrence(DateTimeOffset start, IWorkingDays? calendar, DateTimeOffset target, bool strictlyAfter)
    {
        var period = Duration!.Value;
        var limit = Repetitions ?? int.MaxValue;
        bool Accepts(DateTimeOffset at) => strictlyAfter ? at > target : at >= target;

        if (period.UsesWorkingDays)
        {
            var at = start;
            for (var k = 0; k < limit; k++, at = period.AddTo(at, calendar))
                if (Accepts(at)) return at;
            return null;
        }

        // Jump close to the target: dividing by the longest the period can be gives an index never past the answer.
        var k0 = target <= start ? 0 : Math.Max(0, (target - start).Ticks / LongestTicks(period) - 1);
        for (var k = k0; k < limit; k++)
        {
            var at = period.Times((int)k).AddTo(start, calendar);
            if (Accepts(at)) return at;
        }
        return null;
    }

    private static long LongestTicks(IsoDuration period) =>
        (period.Years * 366L + period.Months * 31L + period.Weeks * 7L + period.Days) * TimeSpan.TicksPerDay
        + period.Hours * TimeSpan.TicksPerHour + period.Minutes * TimeSpan.TicksPerMinute
        + Math.Max(1, (long)(period.Seconds * TimeSpan.TicksPerSecond));
}
