using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tasks;

/// <summary>Reading tasks: the lists a coordinator works from, sorted by urgency, with working days left.</summary>
public sealed class TaskQueries(CoBanDbContext db, CurrentUser me, BureauScope scope, ICalendarSource calendars, TimeProvider clock)
{
    /// <summary>A whole task list (the desk shows all of it).</summary>
    public async Task<List<TaskInfo>> ListAsync(string? filter, string? due, string? status, CancellationToken ct) =>
        [.. (await PageAsync(filter, due, status, PageRequest.All, ct)).Items];

    /// <summary>One page of a task list, most urgent first, with the list's total.</summary>
    public async Task<Paged<TaskInfo>> PageAsync(string? filter, string? due, string? status, PageRequest page, CancellationToken ct)
    {
        if (due is not (null or "" or "overdue" or "today" or "upcoming" or "none"))
            throw CoBanException.BadRequest("bad-due", $"due 应为 overdue、today、upcoming 或 none，而不是 '{due}'", $"due must be overdue, today, upcoming or none, not '{due}'");
        var open = status is null or "open";
        var visible = await scope.VisibleAsync(ct);
        var myRoles = me.Roles.ToHashSet();
        var query = Listing(db.Set<WorkTask>().AsNoTracking(), open, filter, me.Id, me.BureauId, visible);
        if (filter != "group" && due is null or "")
        {
            // Nothing left to sift after SQL: the page is cut there, and only its rows get their working days counted.
            var rows = await query.ToPagedAsync(page, ct);
            return new Paged<TaskInfo>(await InfosAsync([.. rows.Items], ct), rows.Total, rows.Page, rows.PageSize);
        }
        var all = await query.ToListAsync(ct);
        if (filter == "group")
            all = all.Where(t => IsCandidate(t, myRoles)).ToList();
        var infos = await InfosAsync(all, ct);
        var now = clock.GetUtcNow();
        var sifted = due switch
        {
            "overdue" => infos.Where(t => t.Overdue),
            "today" => infos.Where(t => t.Due is { } d && !t.Overdue && t.WorkingDaysLeft == 0),
            "upcoming" => infos.Where(t => t.Due is { } d && d > now),
            "none" => infos.Where(t => t.Due is null),
            _ => infos,
        };
        return Paged<TaskInfo>.Of(sifted.ToList(), page);
    }

    /// <summary>
    /// A task list as SQL, most urgent first (before the candidate check of the group list and paging). Each list
    /// searches an index of its own (TaskConfiguration); Tasks/TaskListPlanTests reads SQLite's plan for each.
    /// </summary>
    /// <summary>The open, unassigned tasks that have candidates: the ones a group list can show.</summary>
    public const string GroupQueueFilter = "\"Status\" = 0 AND \"AssigneeId\" IS NULL AND (\"CandidateRoles\" IS NOT NULL OR \"CandidateUsers\" IS NOT NULL)";

    public static IQueryable<WorkTask> Listing(IQueryable<WorkTask> tasks, bool open, string? filter, string? userId, long bureauId, IReadOnlyCollection<long> visible)
    {
        // Two queries rather than one with the flag as a parameter: only a literal status lets SQLite use the open-task queues.
        var query = open ? tasks.Where(t => t.Status == WorkTaskStatus.Open) : tasks.Where(t => t.Status != WorkTaskStatus.Open);
        query = filter switch
        {
            "mine" or null => query.Where(t => t.AssigneeId == userId),
            // The middle condition is the group queue's own filter, word for word, which is how SQLite knows it may use it.
            "group" => query.Where(t => t.AssigneeId == null && (t.CandidateRoles != null || t.CandidateUsers != null)
                && ((t.CandidateBureauId == bureauId && t.CandidateRoles != null) || t.CandidateUsers != null)),
            "bureau" => query.Where(t => visible.Contains(t.BureauId)),
            _ => throw CoBanException.BadRequest("bad-filter", $"filter 应为 mine、group 或 bureau，而不是 '{filter}'", $"filter must be mine, group or bureau, not '{filter}'"),
        };
        return query.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Id);
    }

    public bool IsCandidate(WorkTask task, ISet<string> myRoles)
    {
        if (task.CandidateUsers is { } users && users.Split(',').Contains(me.UserName)) return true;
        return task.CandidateRoles is { } roles && task.CandidateBureauId == me.BureauId && roles.Split(',').Any(myRoles.Contains);
    }

    public async Task<List<TaskInfo>> InfosAsync(IReadOnlyList<WorkTask> tasks, CancellationToken ct)
    {
        var userIds = tasks.Select(t => t.AssigneeId).Where(id => id != null).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var versions = await db.Set<ProcessInstance>().AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Version, ct);
        var now = clock.GetUtcNow();
        var list = new List<TaskInfo>(tasks.Count);
        foreach (var t in tasks)
        {
            int? left = null;
            if (t.Due is { } due)
            {
                var calendar = await calendars.ForBureauAsync(db, t.BureauId, ct);
                try { left = calendar.WorkingDaysBetween(now, due); }
                catch (Engine.CalendarYearUnknownException) { left = null; }
            }
            list.Add(new TaskInfo(t.Id, t.InstanceId, t.TaskId, t.ElementId, t.Name, t.BureauId, t.CaseId, t.AssigneeId,
                t.AssigneeId is null ? null : names.GetValueOrDefault(t.AssigneeId), t.OwnerId, t.Delegation.LowerCode(),
                Split(t.CandidateRoles), Split(t.CandidateUsers), t.Due, t.FollowUp, t.RemindBefore, t.EscalateAfter, t.CaseAction, t.Manual,
                t.Status.LowerCode(), t.CreatedAt, t.CompletedAt, t.CompletedBy, left,
                t.Status == WorkTaskStatus.Open && t.Due < now, versions.GetValueOrDefault(t.InstanceId), t.Priority));
        }
        return list;
    }

    private static IReadOnlyList<string> Split(string? csv) => csv is null ? [] : csv.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
