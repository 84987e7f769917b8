using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// What people do to a case outside its workflow's tasks: the duty leader reassigns it (with a
/// reason), the applicant withdraws it (已撤件 before acceptance, 撤回 after), the duty leader
/// revokes one registered in error (撤销). Each ends or changes the running instances in the same transaction.
/// </summary>
public sealed class CaseCommands(CoBanDbContext db, CurrentUser me, CaseAccess access, RuntimeService runtime, CaseLifecycle lifecycle)
{
    /// <summary>Only a duty leader reassigns (seeds 000/001: the coordinator keeps the case to the end otherwise).</summary>
    public async Task ReassignAsync(long id, ReassignRequest request, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        access.DemandLeader(c);
        var reason = Required(request.Reason, "reason", "改派须写明原因", "reassigning needs a reason");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == request.UserName, ct)
            ?? throw Field("userName", "用户不存在", "there is no such user");
        if (!user.Active) throw Field("userName", "用户已停用", "the user is disabled");
        if (user.BureauId != c.BureauId) throw Field("userName", "只能改派给本单位的协办员", "the new owner must be a coordinator of the case's bureau");
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync(ct);
        if (!roles.Contains(Roles.Coordinator) && !roles.Contains(Roles.ChiefCoordinator)) throw Field("userName", "新承办人须是协办员", "the new owner must be a coordinator");
        if (user.Id == c.OwnerId) throw Field("userName", "案件已由该协办员承办", "the case already belongs to this coordinator");
        if (c.Status.IsFinal()) throw CoBanException.Conflict("case-ended", "案件已结束，不能改派", "the case has ended; it cannot be reassigned");

        await runtime.InUnitAsync(me.Actor, async unit =>
        {
            var tracked = await unit.Db.Set<Case>().FirstAsync(x => x.Id == id, ct);
            var old = await unit.Db.Users.AsNoTracking().FirstAsync(u => u.Id == tracked.OwnerId, ct);
            var oldOwner = tracked.OwnerId;
            tracked.OwnerId = user.Id;
            tracked.RowVersion++;
            CaseLifecycle.Write(unit.Db, tracked, unit.Actor, unit.Now, "case.reassigned", $"{me.DisplayName} 将案件由 {old.DisplayName} 改派给 {user.DisplayName}，原因：{reason}",
                null, JsonDefaults.Write(new { owner = old.UserName }), JsonDefaults.Write(new { owner = user.UserName }));
            var tasks = await unit.Db.Set<WorkTask>().Where(t => t.CaseId == id && t.Status == WorkTaskStatus.Open && t.AssigneeId == oldOwner).ToListAsync(ct);
            foreach (var task in tasks) task.AssigneeId = user.Id;
            foreach (var instance in await RunningAsync(unit, id, ct))
                unit.Enqueue(instance, new SetVariables(new Dictionary<string, object?> { [WorkTaskFactory.CaseOwnerVariable] = user.UserName }));
            return tracked;
        }, ct);
    }

    public async Task WithdrawAsync(long id, ReasonRequest request, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        access.DemandOwnerOrLeader(c);
        var reason = Required(request.Reason, "reason", "请写明撤件原因（申请人的意愿）", "state the applicant's reason");
        var to = c.Status.IsBeforeAcceptance() ? CaseStatus.Withdrawn : CaseStatus.Recalled;
        await EndAsync(id, to, $"申请人{(to == CaseStatus.Withdrawn ? "撤件" : "撤回申请")}：{reason}", ct);
    }

    public async Task RevokeAsync(long id, ReasonRequest request, CancellationToken ct)
    {
        var c = await access.ReadableAsync(id, ct);
        access.DemandLeader(c);
        var reason = Required(request.Reason, "reason", "撤销须写明原因", "revoking needs a reason");
        await EndAsync(id, CaseStatus.Revoked, $"{me.DisplayName} 撤销：{reason}", ct);
    }

    private Task EndAsync(long id, CaseStatus to, string detail, CancellationToken ct) => EndAsync(runtime, lifecycle, me.Actor, id, to, detail, ct);

    /// <summary>Ends a case outside its workflow (withdrawn, recalled, revoked) and cancels its running instances, in one transaction.</summary>
    public static async Task EndAsync(RuntimeService runtime, CaseLifecycle lifecycle, Actor actor, long id, CaseStatus to, string detail, CancellationToken ct) =>
        await runtime.InUnitAsync(actor, async unit =>
        {
            var tracked = await unit.Db.Set<Case>().FirstAsync(x => x.Id == id, ct);
            tracked.Result = detail;
            await lifecycle.MoveAsync(unit, unit.Db, tracked, to, unit.Actor, unit.Now, detail, null, ct);
            // Ending the top instance ends the procedures it called too.
            var running = await RunningAsync(unit, id, ct);
            foreach (var instance in running.Where(i => i.ParentInstanceId == null))
                unit.Enqueue(instance, new Cancel($"案件{to.Zh()}"));
            return tracked;
        }, ct);

    private static async Task<List<ProcessInstance>> RunningAsync(UnitOfWork unit, long caseId, CancellationToken ct)
    {
        var ids = await unit.Db.Set<ProcessInstance>().AsNoTracking().Where(i => i.CaseId == caseId && i.Status == InstanceStatus.Running).Select(i => i.Id).ToListAsync(ct);
        var list = new List<ProcessInstance>();
        foreach (var iid in ids) list.Add(await unit.LoadAsync(iid, ct));
        return list;
    }

    private static string Required(string? value, string field, string zh, string en) =>
        string.IsNullOrWhiteSpace(value) ? throw Field(field, zh, en) : value.Trim();

    private static CoBanException Field(string field, string zh, string en) =>
        CoBanException.Invalid("invalid-" + field, zh, en, new Dictionary<string, string[]> { [field] = [$"{zh} / {en}"] });
}
