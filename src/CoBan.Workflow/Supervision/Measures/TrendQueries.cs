using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

public sealed record TrendPoint(string Label, DateOnly From, DateOnly To, int Registered, int Completed, int OnTime, int OverdueAtCompletion,
    double? OnTimeRate, double? AverageDays, int Evaluations, double? GoodRate);

/// <summary>The trend lines of the dashboard and the annual summary: the period cut into days, weeks or months (<see cref="Period.Buckets"/>).</summary>
public sealed record Trend(string Period, string Bucket, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// Three grouped queries over the period's index ranges; the bucket of each row is a CASE over the
/// buckets' UTC bounds (<see cref="Grouping.Bucketed{T}"/>), so local days are cut at local midnight
/// on both providers without any date function.
/// </summary>
public sealed class TrendQueries(Data.CoBanDbContext db, MeasureQueries measures, CaseDurations durations)
{
    public async Task<Trend> TrendAsync(Selection selection, Period period, CancellationToken ct)
    {
        var buckets = period.Buckets();
        var (start, end) = (period.Start, period.End);
        var registered = await measures.Cases(selection).Where(c => c.RegisteredAt >= start && c.RegisteredAt < end)
            .Select(c => new RegisteredRow { At = c.RegisteredAt })
            .Select(Grouping.Bucketed<RegisteredRow>(nameof(RegisteredRow.At), nameof(RegisteredRow.Bucket), buckets))
            .GroupBy(x => x.Bucket).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        await durations.FillAsync(db, start, end, selection.AllBureaus ? null : selection.BureauIds, ct);
        var ended = await measures.Ended(selection, start, end)
            .Select(Grouping.Bucketed<EndedRow>(nameof(EndedRow.At), nameof(EndedRow.Bucket), buckets))
            .GroupBy(x => x.Bucket)
            .Select(g => new
            {
                g.Key, Completed = g.Count(x => x.Done), OnTime = g.Count(x => x.OnTime), Late = g.Count(x => x.Late),
                DaysSum = g.Sum(x => x.Done ? x.Days : null), DaysCount = g.Count(x => x.Done && x.Days != null),
            }).ToDictionaryAsync(g => g.Key, ct);

        var evaluations = await measures.Evaluations(selection, start, end, end)
            .Select(Grouping.Bucketed<EvaluationRow>(nameof(EvaluationRow.At), nameof(EvaluationRow.Bucket), buckets))
            .GroupBy(x => x.Bucket).Select(g => new { g.Key, Total = g.Count(), Good = g.Count(x => x.Level >= 3) })
            .ToDictionaryAsync(g => g.Key, ct);

        var points = buckets.Select((b, i) =>
        {
            var e = ended.GetValueOrDefault(i);
            var v = evaluations.GetValueOrDefault(i);
            return new TrendPoint(b.ShortLabel, b.From, b.To, registered.GetValueOrDefault(i), e?.Completed ?? 0, e?.OnTime ?? 0, e?.Late ?? 0,
                MeasureMath.Rate(e?.OnTime ?? 0, (e?.OnTime ?? 0) + (e?.Late ?? 0)),
                e is { DaysCount: > 0 } ? Math.Round((double)(e.DaysSum ?? 0) / e.DaysCount, 2, MidpointRounding.AwayFromZero) : null,
                v?.Total ?? 0, MeasureMath.Rate(v?.Good ?? 0, v?.Total ?? 0));
        }).ToList();
        var bucket = buckets.Count == 0 ? "day" : buckets[0].Kind switch { PeriodKind.Day => "day", PeriodKind.Week => "week", _ => "month" };
        return new Trend(period.Key, bucket, points);
    }
}
