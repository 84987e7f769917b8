using CoBan.Workflow.Data;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Timers;

/// <summary>What a deadline's holder says just before an alert goes out.</summary>
/// <param name="Ended">The holder has finished (task completed, case closed): the deadline closes, nobody is alerted.</param>
/// <param name="Due">The holder's own due time, when it keeps one that can be changed apart from the deadline (a task's Due).</param>
/// <param name="OwnerUserId">Who is reminded, when known (the task's assignee, the case's coordinator).</param>
/// <param name="Paused">The holder is paused by something above it (a task of a case whose clock is stopped).</param>
public sealed record HolderCheck(bool Ended, DateTimeOffset? Due, string? OwnerUserId, bool Paused);

/// <summary>
/// Lets a feature's objects hold deadlines (docs/timers.md, "Deadline holders"): one implementation per
/// <see cref="Deadline.HolderKind"/>. A kind with no implementation is driven by the <see cref="Deadline"/>
/// row alone (open until <see cref="DeadlineService.CloseAsync(Runtime.UnitOfWork, string, long, CancellationToken)"/>).
/// The cases feature registers one for <see cref="DeadlineHolderKinds.Case"/>.
/// </summary>
public interface IDeadlineHolder
{
    string Kind { get; }

    Task<HolderCheck> CheckAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct);

    /// <summary>The deadline moved (pause ended, recompute, explicit move): write the new due time back to the holder, in the same transaction.</summary>
    Task DueMovedAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct);
}

/// <summary>A user or manual task with a due date. It is paused while the case it belongs to is.</summary>
public sealed class TaskDeadlineHolder : IDeadlineHolder
{
    public string Kind => DeadlineHolderKinds.Task;

    public async Task<HolderCheck> CheckAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct)
    {
        var task = await db.Set<WorkTask>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == deadline.HolderId, ct);
        if (task is not { Status: WorkTaskStatus.Open }) return new HolderCheck(true, null, null, false);
        var casePaused = task.CaseId is { } caseId && await db.Set<Deadline>().AnyAsync(d =>
            d.HolderKind == DeadlineHolderKinds.Case && d.HolderId == caseId && d.Status == DeadlineStatus.Open && d.PausedAt != null, ct);
        return new HolderCheck(false, task.Due, task.AssigneeId, casePaused);
    }

    public async Task DueMovedAsync(CoBanDbContext db, Deadline deadline, CancellationToken ct)
    {
        var task = db.Tracked<WorkTask>().FirstOrDefault(t => t.Id == deadline.HolderId)
            ?? await db.Set<WorkTask>().FirstOrDefaultAsync(t => t.Id == deadline.HolderId, ct);
        if (task is { Status: WorkTaskStatus.Open }) task.Due = deadline.DueAt;
    }
}
