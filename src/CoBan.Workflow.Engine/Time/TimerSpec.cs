namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A parsed BPMN timer definition, and when it fires. Parsing happens when a definition is published, so
/// a bad value is reported to the process owner then (bilingual, quoting the value), never at run time.
/// Pure: "now" is a parameter. Dates written without an offset are local in the calendar's offset
/// (+08:00 without a calendar). Working-day durations (<c>P5WD</c>, <c>R/P1WD</c>) need a calendar.
/// </summary>
public sealed partial class TimerSpec
{
    private readonly IsoInstant? _date;  // a timeDate, or a cycle's start
    private readonly IsoInstant? _end;   // a cycle's end

    private TimerSpec(TimerKind kind, string text, IsoDuration? duration = null, IsoInstant? date = null,
        int? repetitions = null, IsoInstant? end = null, CronSchedule? cron = null)
    {
        Kind = kind;
        Text = text;
        Duration = duration;
        _date = date;
        Repetitions = repetitions;
        _end = end;
        Cron = cron;
    }

    public TimerKind Kind { get; }

    /// <summary>The text as written in the model (trimmed).</summary>
    public string Text { get; }

    /// <summary>The delay of a <see cref="TimerKind.Duration"/> timer, or the period of a <see cref="TimerKind.Cycle"/>.</summary>
    public IsoDuration? Duration { get; }

    /// <summary>How many times a cycle fires; null for <c>R/…</c> (until its end, if any, or for ever).</summary>
    public int? Repetitions { get; }

    public CronSchedule? Cron { get; }

    /// <summary>Whether a cycle has a written start (<c>R5/2026-01-01T09:00+08:00/P1D</c>) rather than starting when the timer is created.</summary>
    public bool HasStart => Kind == TimerKind.Cycle && _date is not null;

    /// <summary>
    /// When the timer first fires, for a timer created at <paramref name="now"/>; null when it never fires
    /// (<c>R0/…</c>, a cycle whose occurrences all lie before now or after its end, a cron with no future firing).
    /// A date in the past is returned as it is: the host fires it at once. A cycle with a start created after
    /// that start skips the occurrences already past (no burst of catch-up firings), and they count toward Rn.
    /// </summary>
    public DateTimeOffset? FirstDue(DateTimeOffset now, IWorkingDays? calendar = null)
    {
        var offset = calendar?.UtcOffset ?? WorkingCalendar.ChinaStandardOffset;
        switch (Kind)
        {
            case TimerKind.Duration:
                return Duration!.Value.AddTo(now, calendar);
            case TimerKind.Date:
                return _date!.Value.Resolve(offset);
            case TimerKind.Cron:
                return Cron!.InOffset(offset).Next(now);
            default:
                if (Repetitions == 0) return null;
                var first = _date is { } start
                    ? Occurrence(start.Resolve(offset), calendar, now, strictlyAfter: false)
                    : Duration!.Value.AddTo(now, calendar);
                return WithinEnd(first, offset);
        }
    }

    /// <summary>
    /// When a repeating timer fires again after firing at <paramref name="previousDue"/>, having fired
    /// <paramref name="firedSoFar"/> times (counting that one); null when it is done. Durations and dates fire once.
    /// A cycle without a start repeats from the previous firing (<c>R3/PT10H</c>: 10, 20 and 30 hours after creation);
    /// one with a start fires on its own grid, start + k × period, so a late firing does not shift the next ones.
    /// </summary>
    public DateTimeOffset? NextDue(DateTimeOffset previousDue, int firedSoFar, IWorkingDays? calendar = null)
    {
        var offset = calendar?.UtcOffset ?? WorkingCalendar.ChinaStandardOffset;
        switch (Kind)
        {
            case TimerKind.Cron:
                return Cron!.InOffset(offset).Next(previousDue);
            case TimerKind.Cycle:
                if (Repetitions is { } n && firedSoFar >= n) return null;
                var next = _date is { } start
                    ? Occurrence(start.Resolve(offset), calendar, previousDue, strictlyAfter: true)
                    : Duration!.Value.AddTo(previousDue, calendar);
                return WithinEnd(next, offset);
            default:
                return null;
        }
    }

    public override string ToString() => Text;

    private DateTimeOffset? WithinEnd(DateTimeOffset? due, TimeSpan offset) =>
        due is { } at && _end is { } end && at > end.Resolve(offset) ? null : due;
}
