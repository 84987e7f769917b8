using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// The one place a case's status changes: checks the transition, stamps the times, writes the
/// journal and tells whoever waits for the case to end (a 转办 sender tracking it; a joint chain).
/// When the case ends, every task still open on it ends too (带班领导督办 included), with its deadline and alerts.
/// </summary>
public sealed class CaseLifecycle(MessageCorrelation messages, DeadlineService deadlines)
{
    /// <summary>Message delivered (key: the case id) to instances waiting for a case to end, e.g. the sender of a 转办.</summary>
    public const string CaseEndedMessage = "case-ended";

    private static readonly Dictionary<CaseStatus, CaseStatus[]> Allowed = new()
    {
        [CaseStatus.Received] = [CaseStatus.SupplementStarted, CaseStatus.Accepted, CaseStatus.NotAccepted, CaseStatus.Withdrawn, CaseStatus.Transferred,
            CaseStatus.TransferTracking, CaseStatus.HandedOver, CaseStatus.NotReceived, CaseStatus.Revoked],
        [CaseStatus.SupplementStarted] = [CaseStatus.SupplementEnded, CaseStatus.Withdrawn, CaseStatus.NotAccepted, CaseStatus.Revoked],
        [CaseStatus.SupplementEnded] = [CaseStatus.Accepted, CaseStatus.NotAccepted, CaseStatus.Withdrawn, CaseStatus.Revoked],
        [CaseStatus.Accepted] = [CaseStatus.Handling, CaseStatus.CompletedApproved, CaseStatus.CompletedTolerant, CaseStatus.CompletedRejected, CaseStatus.Recalled, CaseStatus.Revoked],
        [CaseStatus.Handling] = [CaseStatus.SpecialStarted, CaseStatus.CompletedApproved, CaseStatus.CompletedTolerant, CaseStatus.CompletedRejected, CaseStatus.Recalled, CaseStatus.Revoked],
        [CaseStatus.SpecialStarted] = [CaseStatus.SpecialEnded, CaseStatus.Recalled, CaseStatus.Revoked],
        [CaseStatus.SpecialEnded] = [CaseStatus.Handling, CaseStatus.SpecialStarted, CaseStatus.CompletedApproved, CaseStatus.CompletedTolerant, CaseStatus.CompletedRejected, CaseStatus.Recalled, CaseStatus.Revoked],
        // A joint link's own part is done: the hand-over to the next bureau follows (seed 001: 联办件…移交手续后方为办结).
        [CaseStatus.CompletedApproved] = [CaseStatus.HandedOver],
        [CaseStatus.CompletedTolerant] = [CaseStatus.HandedOver],
        [CaseStatus.TransferTracking] = [CaseStatus.Transferred, CaseStatus.Revoked],
    };

    public static bool CanMove(CaseStatus from, CaseStatus to) => Allowed.TryGetValue(from, out var next) && next.Contains(to);

    /// <summary>Moves the case, or refuses (409) naming both statuses. <paramref name="unit"/> lets the end of a case reach other instances in the same transaction.</summary>
    public async Task MoveAsync(UnitOfWork? unit, CoBanDbContext db, Case c, CaseStatus to, Actor actor, DateTimeOffset now, string detail, long? instanceId, CancellationToken ct)
    {
        if (c.Status == to) return;
        if (!CanMove(c.Status, to))
            throw CoBanException.Conflict("bad-transition", $"案件 {c.Number} 当前状态为“{c.Status.Zh()}”，不能变为“{to.Zh()}”",
                $"case {c.Number} is {c.Status.Code()}; it cannot become {to.Code()}");
        var before = c.Status;
        c.Status = to;
        c.RowVersion++;
        if (to == CaseStatus.Accepted) c.AcceptedAt ??= now;
        if (to.IsFinal() && !before.IsFinal()) c.CompletedAt = now;
        if (to.IsFinal()) c.Paused = false;
        Write(db, c, actor, now, "case.status", $"{before.Zh()} → {to.Zh()}：{detail}", instanceId,
            JsonDefaults.Write(new { status = before.Code() }), JsonDefaults.Write(new { status = to.Code() }));
        if (to.IsFinal() && !before.IsFinal()) await EndedAsync(unit, db, c, now, ct);
    }

    private async Task EndedAsync(UnitOfWork? unit, CoBanDbContext db, Case c, DateTimeOffset now, CancellationToken ct)
    {
        // A joint chain stops at a link that ends without its part done.
        if (c.ChainId is { } chainId && c.Status is not (CaseStatus.CompletedApproved or CaseStatus.CompletedTolerant or CaseStatus.HandedOver))
        {
            var chain = await db.Set<JointChain>().FirstAsync(x => x.Id == chainId, ct);
            if (!chain.Completed && chain.StoppedAt is null)
            {
                chain.StoppedAt = now;
                chain.StopReason = $"{c.Number} {c.Status.Zh()}";
            }
        }
        if (unit is null) return;
        await EndOpenTasksAsync(unit, db, c, ct);
        var key = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var waiting = await db.Set<Subscription>().AsNoTracking()
            .AnyAsync(s => s.Kind == SubscriptionKind.Message && s.Name == CaseEndedMessage && s.CorrelationKey == key, ct);
        if (waiting)
            await messages.DeliverAsync(unit, null, CaseEndedMessage, key,
                new Dictionary<string, object?> { ["endedCaseStatus"] = c.Status.Code(), ["endedCaseStatusZh"] = c.Status.Zh() }, ct);
    }

    /// <summary>
    /// Tasks of an ended case have nothing left to decide: a duty leader's supervision of an overdue case would
    /// otherwise stay open and keep reporting it overdue forever. This covers every instance tied to the case (the
    /// case's own flow, its escalation branch, a calling registration). Tasks the flow creates after the end (the
    /// 办结回复与协办日志) are not open yet, so they are not touched; the task being completed is no longer open.
    /// </summary>
    private async Task EndOpenTasksAsync(UnitOfWork unit, CoBanDbContext db, Case c, CancellationToken ct)
    {
        var stored = await db.Set<WorkTask>().Where(t => t.CaseId == c.Id && t.Status == WorkTaskStatus.Open).ToListAsync(ct);
        // Identity resolution returns the tracked rows, so one completed earlier in this unit shows its new status here.
        var open = stored.Concat(db.Tracked<WorkTask>().Where(t => t.CaseId == c.Id)).Distinct()
            .Where(t => t.Status == WorkTaskStatus.Open).OrderBy(t => t.Id).ToList();
        foreach (var task in open)
        {
            task.Status = WorkTaskStatus.Cancelled;
            task.CompletedAt = unit.Now;
            await deadlines.CloseAsync(unit, DeadlineHolderKinds.Task, task.Id, ct);
            db.Add(new JournalEntry
            {
                At = unit.Now, CaseId = c.Id, BureauId = c.BureauId, InstanceId = task.InstanceId, ElementId = task.ElementId,
                UserId = unit.Actor.UserId, UserName = unit.Actor.Name, Ip = unit.Actor.Ip, Action = "task.cancelled",
                Detail = $"案件已{c.Status.Zh()}，任务“{task.Name ?? task.ElementId}”随之结束，其期限和提醒一并取消",
            });
        }
    }

    /// <summary>A journal line about the case (the timeline shows it with the workflow's own lines).</summary>
    public static void Write(CoBanDbContext db, Case c, Actor actor, DateTimeOffset now, string action, string detail, long? instanceId = null,
        string? before = null, string? after = null) => db.Add(new JournalEntry
    {
        At = now, CaseId = c.Id, BureauId = c.BureauId, InstanceId = instanceId, UserId = actor.UserId, UserName = actor.Name, Ip = actor.Ip,
        Action = action, Detail = detail, Before = before, After = after,
    });
}
