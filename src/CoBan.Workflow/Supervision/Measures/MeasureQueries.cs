using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// The figures of issue 8, each family one grouped SQL query over an index range of its period
/// (docs/supervision.md, "Measures"): nothing is loaded case by case, so the cost follows the cases
/// of the period and the scope, not the size of the database.
/// </summary>
public sealed class MeasureQueries(CoBanDbContext db, CaseDurations durations, SubjectLabels labels)
{
    /// <summary>办结: ended by the bureau's own work — decided, handed over down a chain, transferred, or answered with a refusal.</summary>
    public static readonly CaseStatus[] Done =
    [
        CaseStatus.CompletedApproved, CaseStatus.CompletedTolerant, CaseStatus.CompletedRejected, CaseStatus.HandedOver,
        CaseStatus.Transferred, CaseStatus.NotAccepted, CaseStatus.NotReceived,
    ];

    public static readonly CaseStatus[] Final = Enum.GetValues<CaseStatus>().Where(s => s.IsFinal()).ToArray();

    /// <summary>Every status that is not final, listed (an IN list lets the (Status, Deadline) index serve the overdue scan; NOT IN would not).</summary>
    public static readonly CaseStatus[] Open = Enum.GetValues<CaseStatus>().Where(s => !s.IsFinal()).ToArray();

    public const string SupplementAction = "case.supplement";

    public async Task<MeasureReport> ReportAsync(Selection selection, Period period, Dimension dimension, DateTimeOffset asOf, CancellationToken ct)
    {
        var rows = await ComputeAsync(selection, period, dimension, asOf, ct);
        var total = new Figures { Subject = new Subject("total", "*", null, "合计", null, null, null) };
        foreach (var row in rows) MeasureMath.Accumulate(total, row);
        total.JointChainsCompleted = await ChainsTotalAsync(selection, period, ct);
        MeasureMath.Finish(total);
        var ordered = dimension == Dimension.Bureau ? rows : rows.OrderByDescending(r => r.Registered.Total + r.Completed).ThenBy(r => r.Subject.Name, StringComparer.Ordinal).ToList();
        return new MeasureReport(dimension.Code(), period.Key, period.Label, period.From, period.To, asOf,
            selection.BureauIds.Select(id => selection.Bureaus[id].Code).ToList(), ordered, total);
    }

    /// <summary>One <see cref="Figures"/> per subject that has data (every selected bureau, and every coordinator of them, even without).</summary>
    public async Task<List<Figures>> ComputeAsync(Selection selection, Period period, Dimension dimension, DateTimeOffset asOf, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var rows = new Dictionary<string, Figures>(StringComparer.Ordinal);
        foreach (var key in await labels.ExpectedAsync(selection, dimension, ct)) rows[key] = new Figures { Subject = SubjectLabels.Placeholder(dimension, key) };
        Figures Row(string key) => rows.TryGetValue(key, out var f) ? f : rows[key] = new Figures { Subject = SubjectLabels.Placeholder(dimension, key) };

        // 登记 by category and kind.
        foreach (var g in await Cases(selection).Where(c => c.RegisteredAt >= start && c.RegisteredAt < end)
                     .Select(c => new RegisteredRow { Bureau = c.BureauId, Owner = c.OwnerId, Matter = c.MatterId, Category = c.Category, Kind = c.Kind, Notice = c.MissingNoticeAt != null })
                     .Select(Grouping.Keyed<RegisteredRow>(dimension)).GroupBy(x => x.Key)
                     .Select(g => new
                     {
                         g.Key, Total = g.Count(),
                         Own = g.Count(x => x.Category == CaseCategory.Own), Joint = g.Count(x => x.Category == CaseCategory.Joint), Transfer = g.Count(x => x.Category == CaseCategory.Transfer),
                         Notice = g.Count(x => x.Notice),
                         Immediate = g.Count(x => !x.Notice && x.Kind == CaseKind.Immediate), Commitment = g.Count(x => !x.Notice && x.Kind == CaseKind.Commitment),
                         Returned = g.Count(x => !x.Notice && x.Kind == CaseKind.Returned), Unclassified = g.Count(x => !x.Notice && x.Kind == null),
                     }).ToListAsync(ct))
        {
            var r = Row(g.Key).Registered;
            (r.Total, r.Own, r.Joint, r.Transfer, r.Notice, r.Immediate, r.Commitment, r.Returned, r.Unclassified) =
                (g.Total, g.Own, g.Joint, g.Transfer, g.Notice, g.Immediate, g.Commitment, g.Returned, g.Unclassified);
        }

        // 办结, on time, overdue at completion, and the working days they took.
        await durations.FillAsync(db, start, end, selection.AllBureaus ? null : selection.BureauIds, ct);
        var ended = Ended(selection, start, end).Select(Grouping.Keyed<EndedRow>(dimension));
        foreach (var g in await ended.GroupBy(x => x.Key)
                     .Select(g => new
                     {
                         g.Key, Completed = g.Count(x => x.Done), Withdrawn = g.Count(x => !x.Done), OnTime = g.Count(x => x.OnTime), Late = g.Count(x => x.Late),
                         NoDeadline = g.Count(x => x.Done && !x.OnTime && !x.Late), Unknown = g.Count(x => x.Done && x.Days == null),
                     }).ToListAsync(ct))
        {
            var f = Row(g.Key);
            (f.Completed, f.Withdrawn, f.OnTime, f.OverdueAtCompletion, f.NoDeadline, f.WorkingDays.Unknown) = (g.Completed, g.Withdrawn, g.OnTime, g.Late, g.NoDeadline, g.Unknown);
        }
        // Grouped by whether it is 办结 and by its days, and only those kept here, rather than filtered in SQL: a status IN
        // list there makes SQLite (no statistics) walk the (Status, Deadline) index over every completed case in history, and a
        // "Days IS NOT NULL" turns the outer join into an inner one driven by the whole CaseDuration table. Only the period's
        // end-time range is a filter, so its index drives the query.
        foreach (var g in await ended.GroupBy(x => new { x.Key, x.Done, x.Days })
                     .Select(g => new { g.Key.Key, g.Key.Done, g.Key.Days, Count = g.Count() }).ToListAsync(ct))
            if (g.Done && g.Days is { } days) Row(g.Key).DaysHistogram[days] = g.Count;

        // 超期未办结 (挂账) at asOf.
        foreach (var g in await Overdue(selection, asOf)
                     .Select(c => new CaseRow { Bureau = c.BureauId, Owner = c.OwnerId, Matter = c.MatterId })
                     .Select(Grouping.Keyed<CaseRow>(dimension)).GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            Row(g.Key).OverdueNow = g.Count;

        // 一次性告知: the notice given in the period; complete when nothing is missing any more; visits are the supplements recorded.
        foreach (var g in await Cases(selection).Where(c => c.MissingNoticeAt >= start && c.MissingNoticeAt < end)
                     .Select(c => new NoticeRow
                     {
                         Bureau = c.BureauId, Owner = c.OwnerId, Matter = c.MatterId, Complete = c.MaterialsMissing == null, Ended = Final.Contains(c.Status),
                         Visits = db.Set<JournalEntry>().Count(j => j.CaseId == c.Id && j.Action == SupplementAction),
                     })
                     .Select(Grouping.Keyed<NoticeRow>(dimension)).GroupBy(x => x.Key)
                     .Select(g => new
                     {
                         g.Key, Notices = g.Count(), Second = g.Count(x => x.Complete && x.Visits <= 1), Later = g.Count(x => x.Complete && x.Visits > 1),
                         Waiting = g.Count(x => !x.Complete && !x.Ended), GaveUp = g.Count(x => !x.Complete && x.Ended),
                     }).ToListAsync(ct))
        {
            var n = Row(g.Key).OneTimeNotice;
            (n.Notices, n.SecondVisit, n.Later, n.Waiting, n.GaveUp) = (g.Notices, g.Second, g.Later, g.Waiting, g.GaveUp);
        }

        await TransfersAsync(selection, dimension, start, end, Row, ct);

        // 联办件: chains completed in the period, counted once for every subject that handled a link of it.
        foreach (var g in await (await ChainsAsync(selection, start, end, ct)).Select(Grouping.Keyed<ChainRow>(dimension)).GroupBy(x => x.Key)
                     .Select(g => new { g.Key, Count = g.Select(x => x.Chain).Distinct().Count() }).ToListAsync(ct))
            Row(g.Key).JointChainsCompleted = g.Count;

        // 办结回复 by method: the coordinator is who wrote the log entry.
        foreach (var g in await (from e in db.Set<CoordinationLogEntry>().AsNoTracking()
                                 join c in Cases(selection, ownerFilter: false) on e.CaseId equals c.Id
                                 where e.ReplyAt >= start && e.ReplyAt < end && (selection.OwnerId == null || e.CoordinatorId == selection.OwnerId)
                                 select new ReplyRow { Bureau = c.BureauId, Owner = e.CoordinatorId, Matter = c.MatterId, Method = e.ReplyMethod })
                     .Select(Grouping.Keyed<ReplyRow>(dimension)).GroupBy(x => new { x.Key, x.Method })
                     .Select(g => new { g.Key.Key, g.Key.Method, Count = g.Count() }).ToListAsync(ct))
            Row(g.Key).Replies.Add(g.Method, g.Count);

        await EvaluationsAsync(selection, dimension, start, end, asOf, Row, ct);

        var subjects = await labels.LabelAsync(selection, dimension, rows.Keys, ct);
        foreach (var (key, f) in rows)
        {
            f.Subject = subjects[key];
            MeasureMath.Finish(f);
        }
        return rows.Values.ToList();
    }

    private async Task TransfersAsync(Selection selection, Dimension dimension, DateTimeOffset start, DateTimeOffset end, Func<string, Figures> row, CancellationToken ct)
    {
        var ids = selection.BureauIds;
        var all = selection.AllBureaus;
        var owner = selection.OwnerId;
        // Sent: the sending case's bureau and coordinator. The bureau filters are kept off the (ToBureauId, Status) index as in Cases.
        foreach (var g in await (from t in db.Set<Transfer>().AsNoTracking()
                                 join c in db.Set<Case>() on t.FromCaseId equals c.Id
                                 where t.SentAt >= start && t.SentAt < end && (all || ids.Contains(t.FromBureauId + 0)) && (owner == null || c.OwnerId + "" == owner)
                                 select new TransferRow { Bureau = t.FromBureauId, Owner = c.OwnerId, Matter = c.MatterId, Status = t.Status })
                     .Select(Grouping.Keyed<TransferRow>(dimension)).GroupBy(x => x.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            row(g.Key).Transfers.Sent = g.Count;
        // Received: the receiving bureau, and the coordinator who answered it ("" while nobody has).
        foreach (var g in await (from t in db.Set<Transfer>().AsNoTracking()
                                 join c in db.Set<Case>() on t.FromCaseId equals c.Id
                                 where t.SentAt >= start && t.SentAt < end && (all || ids.Contains(t.ToBureauId + 0)) && (owner == null || t.RespondedBy == owner)
                                 select new TransferRow { Bureau = t.ToBureauId, Owner = t.RespondedBy ?? "", Matter = c.MatterId, Status = t.Status })
                     .Select(Grouping.Keyed<TransferRow>(dimension)).GroupBy(x => x.Key)
                     .Select(g => new { g.Key, Count = g.Count(), Accepted = g.Count(x => x.Status == TransferStatus.Accepted), Refused = g.Count(x => x.Status == TransferStatus.Refused) })
                     .ToListAsync(ct))
        {
            var t = row(g.Key).Transfers;
            (t.Received, t.Accepted, t.Refused) = (g.Count, g.Accepted, g.Refused);
        }
    }

    private async Task EvaluationsAsync(Selection selection, Dimension dimension, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf, Func<string, Figures> row, CancellationToken ct)
    {
        foreach (var g in await Evaluations(selection, start, end, asOf).Select(Grouping.Keyed<EvaluationRow>(dimension)).GroupBy(x => x.Key)
                     .Select(g => new
                     {
                         g.Key, Total = g.Count(),
                         L1 = g.Count(x => x.Level == 1), L2 = g.Count(x => x.Level == 2), L3 = g.Count(x => x.Level == 3), L4 = g.Count(x => x.Level == 4), L5 = g.Count(x => x.Level == 5),
                         OnTime = g.Count(x => x.OnTime), Late = g.Count(x => x.Late), Open = g.Count(x => x.Open), OpenOverdue = g.Count(x => x.OpenOverdue),
                     }).ToListAsync(ct))
        {
            var f = row(g.Key);
            var s = f.Satisfaction;
            s.Total = g.Total;
            s.Levels = [g.L1, g.L2, g.L3, g.L4, g.L5];
            s.Good = g.L3 + g.L4 + g.L5;
            s.Bad = g.L1 + g.L2;
            var b = f.BadReviews;
            (b.Total, b.RectifiedOnTime, b.RectifiedLate, b.Open, b.OpenOverdue) = (s.Bad, g.OnTime, g.Late, g.Open, g.OpenOverdue);
        }
    }

    private async Task<int> ChainsTotalAsync(Selection selection, Period period, CancellationToken ct) =>
        await (await ChainsAsync(selection, period.Start, period.End, ct)).Select(x => x.Chain).Distinct().CountAsync(ct);

    // ------------------------------------------------------------------ the filtered sets, shared with the trend and the drill-down

    /// <summary>
    /// The selection's cases (and only the coordinator's own, for a coordinator). The scope only narrows the rows of a period's
    /// range: "+ 0" and "|| ''" keep SQLite from using it as an index. Without statistics SQLite prefers an equality or IN on an
    /// indexed column — (BureauId, Status), (OwnerId, Status) — to a range, and would walk every case of the bureau or coordinator
    /// in history instead of the period's; PostgreSQL, which has statistics, plans these the same either way.
    /// </summary>
    public IQueryable<Case> Cases(Selection selection, bool ownerFilter = true)
    {
        var query = db.Set<Case>().AsNoTracking();
        if (!selection.AllBureaus)
        {
            var ids = selection.BureauIds;
            query = query.Where(c => ids.Contains(c.BureauId + 0));
        }
        if (ownerFilter && selection.OwnerId is { } owner) query = query.Where(c => c.OwnerId + "" == owner);
        return query;
    }

    /// <summary>Cases that ended in [start, end), with whether they were completed (办结), on time, late, and their working days.</summary>
    public IQueryable<EndedRow> Ended(Selection selection, DateTimeOffset start, DateTimeOffset end) =>
        from c in Cases(selection)
        where c.CompletedAt >= start && c.CompletedAt < end
        join d in db.Set<CaseDuration>() on c.Id equals d.CaseId into ds
        from d in ds.DefaultIfEmpty()
        select new EndedRow
        {
            Bureau = c.BureauId, Owner = c.OwnerId, Matter = c.MatterId, At = c.CompletedAt,
            Done = Done.Contains(c.Status),
            OnTime = Done.Contains(c.Status) && c.Deadline != null && c.CompletedAt <= c.Deadline,
            Late = Done.Contains(c.Status) && c.Deadline != null && c.CompletedAt > c.Deadline,
            Days = d.WorkingDays,
        };

    /// <summary>Open cases past their committed deadline at <paramref name="asOf"/>, not paused by a special procedure (the desk's own overdue rule).</summary>
    public IQueryable<Case> Overdue(Selection selection, DateTimeOffset asOf) =>
        Cases(selection).Where(c => Open.Contains(c.Status) && !c.Paused && c.Deadline != null && c.Deadline < asOf);

    /// <summary>
    /// The links of the chains completed in [start, end) that are in the selection. The period's chains are read first (their
    /// end-time index) and their links then found by ChainId: joined in one statement, SQLite (no statistics) may walk the
    /// whole cases table and look each case's chain up by key instead.
    /// </summary>
    public async Task<IQueryable<ChainRow>> ChainsAsync(Selection selection, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var ids = await db.Set<JointChain>().AsNoTracking().Where(j => j.Completed && j.CompletedAt >= start && j.CompletedAt < end)
            .Select(j => (long?)j.Id).ToListAsync(ct);
        return from c in Cases(selection)
               where ids.Contains(c.ChainId)
               join j in db.Set<JointChain>().AsNoTracking() on c.ChainId equals (long?)j.Id
               select new ChainRow { Bureau = c.BureauId, Owner = c.OwnerId, Matter = j.MatterId, Chain = j.Id };
    }

    public IQueryable<EvaluationRow> Evaluations(Selection selection, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf) =>
        from e in db.Set<Evaluation>().AsNoTracking()
        join c in Cases(selection) on e.CaseId equals c.Id
        where e.At >= start && e.At < end
        select new EvaluationRow
        {
            Bureau = c.BureauId, Owner = c.OwnerId, Matter = c.MatterId, Level = e.Level, At = e.At,
            OnTime = e.Level <= 2 && e.RectifiedAt != null && (e.RectifyBy == null || e.RectifiedAt <= e.RectifyBy),
            Late = e.Level <= 2 && e.RectifiedAt != null && e.RectifyBy != null && e.RectifiedAt > e.RectifyBy,
            Open = e.Level <= 2 && e.RectifiedAt == null && (e.RectifyBy == null || e.RectifyBy >= asOf),
            OpenOverdue = e.Level <= 2 && e.RectifiedAt == null && e.RectifyBy != null && e.RectifyBy < asOf,
        };
}
