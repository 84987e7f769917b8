using CoBan.Workflow.Data;
using CoBan.Workflow.Kernel;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Opinions;

/// <summary>What the monthly evaluation counts per bureau for a period: entries received, answered, answered in time, still unanswered past their date.</summary>
public sealed record OpinionFigures(long BureauId, int Received, int Answered, int AnsweredInTime, int Overdue);

public sealed class OpinionCounts(CoBanDbContext db)
{
    /// <summary>Entries received in [from, to), by bureau; "overdue" is judged on <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<OpinionFigures>> ForPeriodAsync(IReadOnlyCollection<long> bureaus, DateTimeOffset from, DateTimeOffset to, DateTimeOffset asOf, CancellationToken ct)
    {
        var today = ChinaTime.Day(asOf);
        var rows = await db.Set<OpinionEntry>().AsNoTracking()
            .Where(o => bureaus.Contains(o.BureauId) && o.ReceivedAt >= from && o.ReceivedAt < to)
            .Select(o => new { o.BureauId, o.AnsweredAt, o.AnswerDueOn }).ToListAsync(ct);
        return rows.GroupBy(r => r.BureauId).Select(g => new OpinionFigures(g.Key, g.Count(),
                g.Count(r => r.AnsweredAt is not null),
                g.Count(r => r.AnsweredAt is { } at && ChinaTime.Day(at) <= r.AnswerDueOn),
                g.Count(r => r.AnsweredAt is null && today > r.AnswerDueOn)))
            .OrderBy(f => f.BureauId).ToList();
    }
}
