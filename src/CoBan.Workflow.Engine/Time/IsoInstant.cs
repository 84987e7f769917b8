namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A date-time as written in a model: the wall clock and, when the author wrote one, its offset. The
/// offset of a value without one is decided late, from the calendar the timer runs against.
/// </summary>
internal readonly record struct IsoInstant(DateTime Clock, TimeSpan? Offset)
{
    public static IsoInstant Parse(string text) =>
        IsoDateTime.TryParseParts(text, out var clock, out var offset, out var zh, out var en)
            ? new IsoInstant(clock, offset)
            : throw new TimeFormatException(text, zh, en);

    public DateTimeOffset Resolve(TimeSpan localOffset) => new(Clock, Offset ?? localOffset);
}
