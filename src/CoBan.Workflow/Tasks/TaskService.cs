using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tasks;

/// <summary>What people do with tasks: claim, unclaim, assign, delegate, resolve, complete, set dates, comment. Each lands in the journal.</summary>
public sealed class TaskService(CoBanDbContext db, CurrentUser me, BureauScope scope, RuntimeService runtime, TaskQueries queries, ProcedureCatalog catalog,
    DeadlineService deadlines, TimeProvider clock, IEnumerable<ITaskDueFollower> followers)
{
    public async Task<WorkTask> GetAsync(long id, CancellationToken ct)
    {
        var task = await db.Set<WorkTask>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw CoBanException.NotFound("任务", "task");
        if (task.AssigneeId != me.Id && !queries.IsCandidate(task, me.Roles.ToHashSet()))
            await scope.DemandAsync(task.BureauId, ct);
        return task;
    }

    public async Task<TaskDetail> DetailAsync(long id, CancellationToken ct)
    {
        var task = await GetAsync(id, ct);
        var instance = await db.Set<ProcessInstance>().AsNoTracking().FirstAsync(i => i.Id == task.InstanceId, ct);
        var version = await db.Set<ProcedureVersion>().AsNoTracking().FirstAsync(v => v.Id == instance.ProcedureVersionId, ct);
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstAsync(p => p.Id == instance.ProcedureId, ct);
        var definition = await catalog.ProcessAsync(db, instance.ProcedureVersionId, instance.ProcessId, ct);
        var form = definition.FindNode(task.ElementId)?.UserTask?.Form.Select(FormFieldInfo.Of).ToList() ?? [];
        var info = (await queries.InfosAsync([task], ct))[0];
        return new TaskDetail(info, form, instance.ProcessId, procedure.Name, version.Number, StateJson.Deserialize(instance.State).Variables);
    }

    public async Task<WorkTask> ClaimAsync(long id, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (task.AssigneeId == me.Id) return task;
        if (task.AssigneeId is not null)
            throw CoBanException.Conflict("already-claimed", $"任务已由 {await NameAsync(task.AssigneeId, ct)} 认领", "the task is already claimed by someone else");
        if (!queries.IsCandidate(task, me.Roles.ToHashSet()) && !IsLeader())
            throw CoBanException.Forbidden("你不是该任务的候选人，不能认领", "you are not a candidate for this task");
        task.AssigneeId = me.Id;
        Journal(task, "task.claimed", $"{me.DisplayName} 认领任务“{task.Name}”");
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<WorkTask> UnclaimAsync(long id, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (task.AssigneeId != me.Id && !IsLeader())
            throw CoBanException.Forbidden("只能退回自己认领的任务", "you can only unclaim your own task");
        task.AssigneeId = null;
        Journal(task, "task.unclaimed", $"{me.DisplayName} 退回任务“{task.Name}”");
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>Assigning someone else is for the duty leader, the chief coordinator and administrators, with a reason.</summary>
    public async Task<WorkTask> AssignAsync(long id, AssignRequest request, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (!IsLeader())
            throw CoBanException.Forbidden("只有带班领导、首席协办员或管理员可以指派任务", "only the duty leader, the chief coordinator or an administrator may assign tasks");
        var user = await UserAsync(request.UserName, ct);
        await scope.DemandAsync(task.BureauId, ct);
        var before = task.AssigneeId;
        task.AssigneeId = user.Id;
        Journal(task, "task.assigned", $"{me.DisplayName} 将任务“{task.Name}”指派给 {user.DisplayName}" + (string.IsNullOrWhiteSpace(request.Reason) ? "" : $"，原因：{request.Reason}"),
            Json(new { assignee = before }), Json(new { assignee = user.Id }));
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<WorkTask> DelegateAsync(long id, AssignRequest request, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (task.AssigneeId != me.Id)
            throw CoBanException.Forbidden("只能委派自己的任务", "you can only delegate your own task");
        var user = await UserAsync(request.UserName, ct);
        task.OwnerId = me.Id;
        task.AssigneeId = user.Id;
        task.Delegation = DelegationState.Pending;
        Journal(task, "task.delegated", $"{me.DisplayName} 将任务“{task.Name}”委派给 {user.DisplayName}");
        await db.SaveChangesAsync(ct);
        return task;
    }

    public async Task<WorkTask> ResolveAsync(long id, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (task.Delegation != DelegationState.Pending || task.AssigneeId != me.Id)
            throw CoBanException.Conflict("not-delegated", "只有被委派人可以交回委派的任务", "only the delegate can resolve a delegated task");
        task.AssigneeId = task.OwnerId;
        task.Delegation = DelegationState.Resolved;
        Journal(task, "task.resolved", $"{me.DisplayName} 办完委派，任务“{task.Name}”交回");
        await db.SaveChangesAsync(ct);
        return task;
    }

    /// <summary>Completes the task and the workflow step in one transaction; the second of two concurrent completions gets 409.</summary>
    public async Task<ProcessInstance> CompleteAsync(long id, CompleteRequest request, CancellationToken ct)
    {
        var variables = request.Variables?.ToDictionary(kv => kv.Key, kv => StateJson.ReadValue(kv.Value));
        return await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var task = await unit.Db.FindRowAsync<WorkTask>(id, ct) ?? throw CoBanException.NotFound("任务", "task");
            // Another bureau's task: refused before its state is told (who completed it, and when).
            if (task.AssigneeId != me.Id && !queries.IsCandidate(task, me.Roles.ToHashSet()) && !await scope.CanSeeAsync(task.BureauId, ct))
                throw CoBanException.Forbidden("无权访问其他单位的数据", "you may not access another bureau's data");
            if (task.Status != WorkTaskStatus.Open)
                throw CoBanException.Conflict("task-closed", task.Status == WorkTaskStatus.Completed
                        ? $"任务已由 {await NameAsync(task.CompletedBy, ct)} 于 {task.CompletedAt:yyyy-MM-dd HH:mm} 完成"
                        : "任务已取消（流程已走向别处）",
                    task.Status == WorkTaskStatus.Completed ? "the task has already been completed by someone else" : "the task was cancelled (the process moved on)");
            if (task.AssigneeId is null && queries.IsCandidate(task, me.Roles.ToHashSet())) task.AssigneeId = me.Id;
            if (task.AssigneeId != me.Id)
                throw CoBanException.Forbidden("这不是你的任务：请先认领，或请带班领导指派", "this is not your task: claim it first, or ask the duty leader to assign it");
            if (task.Delegation == DelegationState.Pending)
                throw CoBanException.Conflict("delegated", "任务在委派中：请先办完并交回委派人", "the task is delegated: resolve it back to its owner first");
            var instance = await unit.LoadAsync(task.InstanceId, ct);
            if (request.ExpectedVersion is { } expected && expected != instance.Version)
                throw CoBanException.Conflict("stale-version", "流程实例已变化，请刷新后重试", "the instance has changed; reload and try again");
            task.Status = WorkTaskStatus.Completed;
            task.CompletedAt = unit.Now;
            task.CompletedBy = me.Id;
            // Its reminders end with its deadline, which TaskDeadlineObserver closes in this step (a task has a deadline
            // exactly when it has a due date, see SetDatesAsync).
            unit.Enqueue(instance, new CompleteTask(task.TaskId, variables), strict: true);
            return instance;
        }, ct);
    }

    public async Task<WorkTask> SetDatesAsync(long id, DueRequest request, CancellationToken ct)
    {
        var task = await OpenAsync(id, ct);
        if (task.AssigneeId != me.Id && !IsLeader())
            throw CoBanException.Forbidden("只有办理人或带班领导可以修改期限", "only the assignee or the duty leader may change the dates");
        var before = Json(new { task.Due, task.FollowUp });
        var had = task.Due;
        task.Due = request.Due?.ToUniversalTime();
        task.FollowUp = request.FollowUp?.ToUniversalTime();
        Journal(task, "task.dates", $"{me.DisplayName} 修改任务“{task.Name}”的期限", before, Json(new { task.Due, task.FollowUp }));
        if (had == task.Due)
        {
            await db.SaveChangesAsync(ct);
            return task;
        }
        // A task has a deadline exactly when it has a due date: a date set by hand is watched like one from the procedure
        // (as a fixed date, never recomputed), a changed one moves the deadline and its alerts now, and a cleared one ends
        // it, or its reminders would go on for a date nobody keeps. Completing the task then ends its alerts by closing
        // that deadline (TaskDeadlineObserver), with nothing else to look for.
        return await runtime.InUnitAsync(me.Actor, async unit =>
        {
            await deadlines.FollowDueAsync(unit, TaskDeadlineObserver.Spec(task, limit: null), $"{me.DisplayName} 在任务上修改", ct);
            // What depends on the date follows it, or the journal says plainly that it does not (the case's committed deadline).
            foreach (var follower in followers)
                if (await follower.DueMovedAsync(unit, task, had, IsLeader(), ct) is { } said)
                    Journal(task, "task.dates.followed", $"修改任务“{task.Name}”的期限：{said}");
            return task;
        }, ct);
    }

    public async Task<CommentInfo> CommentAsync(long id, string? text, CancellationToken ct)
    {
        var task = await GetAsync(id, ct);
        if (string.IsNullOrWhiteSpace(text))
            throw CoBanException.Invalid("text-required", "请填写备注内容", "the comment is empty", new Dictionary<string, string[]> { ["text"] = ["必填 / required"] });
        var comment = new TaskComment { WorkTaskId = id, UserId = me.Id!, UserName = me.DisplayName, Text = text.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(comment);
        Journal(task, "task.comment", $"{me.DisplayName} 备注：{comment.Text}");
        await db.SaveChangesAsync(ct);
        return new CommentInfo(comment.Id, comment.UserName, comment.Text, comment.CreatedAt);
    }

    public async Task<List<CommentInfo>> CommentsAsync(long id, CancellationToken ct)
    {
        await GetAsync(id, ct);
        return await db.Set<TaskComment>().AsNoTracking().Where(c => c.WorkTaskId == id).OrderBy(c => c.Id)
            .Select(c => new CommentInfo(c.Id, c.UserName, c.Text, c.CreatedAt)).ToListAsync(ct);
    }

    private async Task<WorkTask> OpenAsync(long id, CancellationToken ct)
    {
        var task = await GetAsync(id, ct);
        if (task.Status != WorkTaskStatus.Open)
            throw CoBanException.Conflict("task-closed", "任务已结束", "the task has ended");
        return task;
    }

    private bool IsLeader() => me.IsAnyOf(Roles.DutyLeader, Roles.ChiefCoordinator, Roles.Administrator);

    private async Task<AppUser> UserAsync(string? userName, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct)
            ?? throw CoBanException.Invalid("unknown-user", $"用户 '{userName}' 不存在", $"there is no user '{userName}'", new Dictionary<string, string[]> { ["userName"] = ["不存在 / unknown"] });
        if (!user.Active) throw CoBanException.Conflict("user-disabled", $"用户 {user.DisplayName} 已停用", $"user {userName} is disabled");
        return user;
    }

    private async Task<string> NameAsync(string? userId, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "他人";

    private void Journal(WorkTask task, string action, string detail, string? before = null, string? after = null) => db.Add(new JournalEntry
    {
        At = clock.GetUtcNow(), InstanceId = task.InstanceId, CaseId = task.CaseId, BureauId = task.BureauId,
        UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip, Action = action, ElementId = task.ElementId, Detail = detail, Before = before, After = after,
    });

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
