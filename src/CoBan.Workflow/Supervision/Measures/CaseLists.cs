using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

public sealed record DrillRow(long Id, string Number, BureauRef Bureau, string MatterName, string ApplicantName, string OwnerUserName, string OwnerName,
    CodeLabel Category, CodeLabel? Kind, CodeLabel Status, DateTimeOffset RegisteredAt, DateTimeOffset? Deadline, DateTimeOffset? CompletedAt, int? WorkingDays, bool Overdue);

public sealed record DrillPage(string Measure, string Period, int Total, int Page, int PageSize, IReadOnlyList<DrillRow> Rows);

/// <summary>
/// The drill-down from a figure to its cases: the same filters as the figure (docs/supervision.md),
/// narrowed to one coordinator or matter if asked, newest first, a page at a time.
/// </summary>
public sealed class CaseLists(CoBanDbContext db, MeasureQueries measures, CaseDurations durations)
{
    public static readonly string[] Measures =
        ["registered", "completed", "withdrawn", "onTime", "overdueAtCompletion", "noDeadline", "overdueNow", "notice", "noticeSecondVisit", "noticeLater", "badReviews", "evaluations"];

    public async Task<DrillPage> ListAsync(Selection selection, Period period, string measure, string? coordinator, long? matter, DateTimeOffset asOf, int? page, int? pageSize, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var cases = measures.Cases(selection);
        if (!string.IsNullOrWhiteSpace(coordinator))
        {
            var id = await db.Users.Where(u => u.UserName == coordinator).Select(u => u.Id).FirstOrDefaultAsync(ct)
                ?? throw CoBanException.NotFound($"协办员 {coordinator}", $"coordinator {coordinator}");
            // "|| ''": the coordinator narrows the period's range, it is not an index to walk (see MeasureQueries.Cases).
            cases = cases.Where(c => c.OwnerId + "" == id);
        }
        if (matter is { } m) cases = cases.Where(c => (c.MatterId ?? 0) == m);
        var done = MeasureQueries.Done;
        var final = MeasureQueries.Final;
        var supplement = MeasureQueries.SupplementAction;
        IQueryable<Case> query = measure switch
        {
            "registered" => cases.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end),
            "completed" => cases.Where(c => c.CompletedAt >= start && c.CompletedAt < end && done.Contains(c.Status)),
            "withdrawn" => cases.Where(c => c.CompletedAt >= start && c.CompletedAt < end && !done.Contains(c.Status)),
            "onTime" => cases.Where(c => c.CompletedAt >= start && c.CompletedAt < end && done.Contains(c.Status) && c.Deadline != null && c.CompletedAt <= c.Deadline),
            "overdueAtCompletion" => cases.Where(c => c.CompletedAt >= start && c.CompletedAt < end && done.Contains(c.Status) && c.Deadline != null && c.CompletedAt > c.Deadline),
            "noDeadline" => cases.Where(c => c.CompletedAt >= start && c.CompletedAt < end && done.Contains(c.Status) && c.Deadline == null),
            "overdueNow" => cases.Where(c => MeasureQueries.Open.Contains(c.Status) && !c.Paused && c.Deadline != null && c.Deadline < asOf),
            "notice" => cases.Where(c => c.MissingNoticeAt >= start && c.MissingNoticeAt < end),
            "noticeSecondVisit" => cases.Where(c => c.MissingNoticeAt >= start && c.MissingNoticeAt < end && c.MaterialsMissing == null
                && db.Set<JournalEntry>().Count(j => j.CaseId == c.Id && j.Action == supplement) <= 1),
            "noticeLater" => cases.Where(c => c.MissingNoticeAt >= start && c.MissingNoticeAt < end && c.MaterialsMissing == null
                && db.Set<JournalEntry>().Count(j => j.CaseId == c.Id && j.Action == supplement) > 1),
            // The period's evaluations (their time index), then their cases by key; a correlated EXISTS would test every case.
            "evaluations" => cases.Where(c => db.Set<Evaluation>().Where(e => e.At >= start && e.At < end).Select(e => e.CaseId).Contains(c.Id)),
            "badReviews" => cases.Where(c => db.Set<Evaluation>().Where(e => e.At >= start && e.At < end && e.Level <= 2).Select(e => e.CaseId).Contains(c.Id)),
            _ => throw CoBanException.BadRequest("bad-measure", $"measure 应为：{string.Join("、", Measures)}", $"measure must be one of: {string.Join(", ", Measures)}"),
        };
        if (measure is "completed" or "onTime" or "overdueAtCompletion" or "noDeadline" or "withdrawn")
            await durations.FillAsync(db, start, end, selection.AllBureaus ? null : selection.BureauIds, ct);

        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var rows = await (from c in query
                          join b in db.Set<Bureau>() on c.BureauId equals b.Id
                          join u in db.Users on c.OwnerId equals u.Id
                          join d in db.Set<CaseDuration>() on c.Id equals d.CaseId into ds
                          from d in ds.DefaultIfEmpty()
                          orderby c.RegisteredAt descending, c.Id descending
                          select new { c, Bureau = new BureauRef(b.Id, b.Code, b.Name), u.UserName, u.DisplayName, Days = (int?)d.WorkingDays })
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new DrillPage(measure, period.Key, total, number, size, rows.Select(r => new DrillRow(r.c.Id, r.c.Number, r.Bureau, r.c.MatterName, r.c.ApplicantName,
            r.UserName ?? "", r.DisplayName, new CodeLabel(r.c.Category.Code(), r.c.Category.Zh()), r.c.Kind is { } k ? new CodeLabel(k.Code(), k.Zh()) : null,
            new CodeLabel(r.c.Status.Code(), r.c.Status.Zh()), r.c.RegisteredAt, r.c.Deadline, r.c.CompletedAt, r.Days,
            !r.c.Status.IsFinal() && !r.c.Paused && r.c.Deadline is { } dl && dl < asOf)).ToList());
    }
}
