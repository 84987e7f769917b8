using System.Collections.Concurrent;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// The calendars as of one <see cref="CalendarRevision"/>: the national years and every active override,
/// with each bureau's calendar built on first use. Immutable apart from that memo, so computations that
/// hold a snapshot never see a half-applied change.
/// </summary>
public sealed class CalendarSnapshot
{
    private readonly IReadOnlyDictionary<long, long?> _parents;
    private readonly IReadOnlyList<CalendarOverrideEntry> _overrides;
    private readonly ConcurrentDictionary<long, WorkingCalendar> _byBureau = new();

    public CalendarSnapshot(long revision, WorkingCalendar national, IReadOnlyList<CalendarOverrideEntry> overrides, IReadOnlyDictionary<long, long?> parents)
    {
        Revision = revision;
        National = national;
        _overrides = overrides;
        _parents = parents;
    }

    public long Revision { get; }

    /// <summary>The national years with the overrides that apply to every bureau.</summary>
    public WorkingCalendar National { get; }

    public WorkingCalendar ForBureau(long bureauId) => _byBureau.GetOrAdd(bureauId, Build);

    /// <summary>The bureau and its ancestors, the root first.</summary>
    public IReadOnlyList<long> Chain(long bureauId)
    {
        var chain = new List<long>();
        for (long? id = bureauId; id is { } current && !chain.Contains(current); id = _parents.GetValueOrDefault(current))
            chain.Add(current);
        chain.Reverse();
        return chain;
    }

    // The national overrides first, then the root bureau's down to the bureau's own, each in the order
    // they were decided: the engine lets the later of two overrides for a date win, so the most local
    // and most recent decision wins.
    private WorkingCalendar Build(long bureauId)
    {
        var ordered = new List<CalendarOverride>();
        foreach (var level in Chain(bureauId))
            ordered.AddRange(_overrides.Where(o => o.BureauId == level).Select(ToEngine));
        return ordered.Count == 0 ? National : National.WithOverrides(ordered);
    }

    internal static CalendarOverride ToEngine(CalendarOverrideEntry o) => new(o.Date, o.IsWorkingDay, o.Reason);
}
