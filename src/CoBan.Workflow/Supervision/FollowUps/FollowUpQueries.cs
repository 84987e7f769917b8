using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

public sealed record LastAction(DateTimeOffset At, string Action, string Detail, string? UserName);

public sealed record FollowUpInfo(long Id, string Note, DateOnly DueOn, string Status, bool Overdue, string CreatedBy, DateTimeOffset CreatedAt,
    string? ClosedBy, DateTimeOffset? ClosedAt, string? Resolution);

public sealed record OverdueCase(long Id, string Number, BureauRef Bureau, string MatterName, string ApplicantName, CodeLabel Status,
    string OwnerUserName, string OwnerName, string? OwnerPhone, string? DutyLeaderName, string? DutyLeaderPhone,
    DateTimeOffset? Deadline, bool Overdue, int? DaysOverdue, LastAction? LastAction, IReadOnlyList<FollowUpInfo> FollowUps, bool FollowUpOverdue);

public sealed record FollowUpPage(string State, DateTimeOffset AsOf, int Total, int OverdueCases, int OpenFollowUps, int OverdueFollowUps, int Page, int PageSize,
    IReadOnlyList<OverdueCase> Rows);

/// <summary>
/// 挂账督办: every overdue case in the selection with its owner (直接责任人), the duty leader answerable
/// for it (分管责任人: the one on duty when the deadline passed), the working days it is overdue, its
/// last action and its follow-ups; plus cases whose follow-up is still open after they stopped being overdue.
/// </summary>
public sealed class FollowUpQueries(CoBanDbContext db, MeasureQueries measures, IDutyDirectory duty, ICalendarSource calendars)
{
    public static readonly string[] States = ["current", "overdue", "open", "closed", "all"];

    public async Task<FollowUpPage> ListAsync(Selection selection, string? state, DateTimeOffset asOf, int? page, int? pageSize, CancellationToken ct)
    {
        state = string.IsNullOrWhiteSpace(state) ? "current" : state.Trim();
        var today = Period.LocalDate(asOf);
        var cases = measures.Cases(selection);
        // Every set is built from an index (overdue: status and deadline; follow-ups: their own table) and the cases are then
        // fetched by key: the list never scans the cases table.
        var overdue = measures.Overdue(selection, asOf).Select(c => c.Id);
        var followUps = db.Set<FollowUp>().AsNoTracking().Where(f => cases.Any(c => c.Id == f.CaseId));
        var open = followUps.Where(f => f.Status == FollowUpStatus.Open).Select(f => f.CaseId);
        var lateFollowUps = followUps.Where(f => f.Status == FollowUpStatus.Open && f.DueOn < today).Select(f => f.CaseId);
        var closed = followUps.Where(f => f.Status == FollowUpStatus.Closed).Select(f => f.CaseId);
        var ids = state switch
        {
            "current" => overdue.Union(open),
            "overdue" => overdue,
            "open" => open.Distinct(),
            "closed" => closed.Distinct(),
            "all" => overdue.Union(open).Union(closed),
            _ => throw CoBanException.BadRequest("bad-state", $"state 应为：{string.Join("、", States)}", $"state must be one of: {string.Join(", ", States)}"),
        };
        var query = db.Set<Case>().AsNoTracking().Where(c => ids.Contains(c.Id));
        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var overdueCount = await overdue.CountAsync(ct);
        var openCount = await open.Distinct().CountAsync(ct);
        var lateCount = await lateFollowUps.Distinct().CountAsync(ct);
        // Most overdue first; cases without a deadline (followed up for another reason) last.
        var rows = await query.OrderBy(c => c.Deadline == null).ThenBy(c => c.Deadline).ThenBy(c => c.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new FollowUpPage(state, asOf, total, overdueCount, openCount, lateCount, number, size, await DescribeAsync(rows, selection, asOf, ct));
    }

    public async Task<List<OverdueCase>> DescribeAsync(IReadOnlyList<Case> rows, Selection selection, DateTimeOffset asOf, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var today = Period.LocalDate(asOf);
        var ownerIds = rows.Select(r => r.OwnerId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var lastIds = await db.Set<JournalEntry>().AsNoTracking().Where(j => j.CaseId != null && ids.Contains(j.CaseId.Value) && !j.Action.StartsWith("notice."))
            .GroupBy(j => j.CaseId).Select(g => g.Max(j => j.Id)).ToListAsync(ct);
        var last = await db.Set<JournalEntry>().AsNoTracking().Where(j => lastIds.Contains(j.Id)).ToDictionaryAsync(j => j.CaseId!.Value, ct);
        var followUps = (await db.Set<FollowUp>().AsNoTracking().Where(f => ids.Contains(f.CaseId)).OrderByDescending(f => f.Id).ToListAsync(ct))
            .ToLookup(f => f.CaseId);

        // The duty leader answerable: on duty (roster, else the role) at the bureau when the deadline passed.
        var leaders = new Dictionary<(long, DateOnly), AppUser?>();
        var result = new List<OverdueCase>();
        foreach (var c in rows)
        {
            AppUser? leader = null;
            int? days = null;
            var isOverdue = !c.Status.IsFinal() && !c.Paused && c.Deadline is { } d && d < asOf;
            if (c.Deadline is { } deadline)
            {
                var key = (c.BureauId, Period.LocalDate(deadline));
                if (!leaders.TryGetValue(key, out leader))
                {
                    var id = await duty.OnDutyAsync(db, c.BureauId, Roles.DutyLeader, deadline, ct);
                    leader = id is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
                    leaders[key] = leader;
                }
                if (isOverdue)
                {
                    var calendar = await calendars.ForBureauAsync(db, c.BureauId, ct);
                    try { days = calendar.WorkingDaysBetween(deadline, asOf); }
                    catch (CalendarYearUnknownException) { days = null; }
                }
            }
            var owner = users.GetValueOrDefault(c.OwnerId);
            var bureau = selection.Bureaus.GetValueOrDefault(c.BureauId);
            var infos = followUps[c.Id].Select(f => Info(f, today)).ToList();
            result.Add(new OverdueCase(c.Id, c.Number, new BureauRef(c.BureauId, bureau?.Code ?? "", bureau?.Name ?? ""), c.MatterName, c.ApplicantName,
                new CodeLabel(c.Status.Code(), c.Status.Zh()), owner?.UserName ?? "", owner?.DisplayName ?? "", owner?.OfficePhone ?? owner?.PhoneNumber,
                leader?.DisplayName, leader?.OfficePhone ?? leader?.PhoneNumber, c.Deadline, isOverdue, days,
                last.TryGetValue(c.Id, out var j) ? new LastAction(j.At, j.Action, j.Detail, j.UserName) : null,
                infos, infos.Any(f => f.Overdue)));
        }
        return result;
    }

    public static FollowUpInfo Info(FollowUp f, DateOnly today) => new(f.Id, f.Note, f.DueOn, f.Status == FollowUpStatus.Open ? "open" : "closed",
        f.Status == FollowUpStatus.Open && f.DueOn < today, f.CreatedByName, f.CreatedAt, f.ClosedByName, f.ClosedAt, f.Resolution);
}
