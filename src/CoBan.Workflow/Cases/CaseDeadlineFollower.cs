using CoBan.Workflow.Kernel;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Cases;

/// <summary>
/// One deadline model (issue 13): the handling task is due at the case's committed deadline (coban:due="${caseDeadline}"), so
/// when a duty leader moves that task's due date the case deadline and its 承诺期限届满 timer move with it, journaled on the case.
/// Any other task's date, or the handling task moved by its coordinator, leaves the committed deadline where it is, and the
/// journal says so plainly (a lawful extension of the committed deadline is the duty leader's, 行政许可法 Art. 42).
/// </summary>
public sealed class CaseDeadlineFollower(ProcedureCatalog catalog) : ITaskDueFollower
{
    public async Task<string?> DueMovedAsync(UnitOfWork unit, WorkTask task, DateTimeOffset? previousDue, bool byLeader, CancellationToken ct)
    {
        if (task.CaseId is not { } caseId) return null;
        var c = await unit.Db.Set<Case>().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is not { Deadline: { } committed } || c.Status.IsFinal()) return null;
        var handling = await DueIsCaseDeadlineAsync(unit, task, ct) || previousDue is { } before && before.ToUniversalTime() == committed.ToUniversalTime();
        if (!handling || task.Due is not { } moved)
            return $"承诺办结期限（{ChineseDates.DateTime(committed)}）不随本任务改变";
        if (!byLeader)
            return $"承诺办结期限（{ChineseDates.DateTime(committed)}）不变：只有带班领导可以调整";

        var to = moved.ToUniversalTime();
        c.Deadline = to;
        c.RowVersion++;
        if (c.OverdueAt is not null && to > unit.Now) c.OverdueAt = null;
        await CaseDeadlineRecompute.MoveEngineTimersAsync(unit, c, committed, to, ct);
        unit.Db.Add(new JournalEntry
        {
            At = unit.Now, InstanceId = c.InstanceId, CaseId = c.Id, BureauId = c.BureauId, UserId = unit.Actor.UserId, UserName = unit.Actor.Name, Ip = unit.Actor.Ip,
            Action = "deadline.moved", ElementId = task.ElementId,
            Detail = $"{unit.Actor.Name} 修改办理任务期限，承诺办结期限由 {ChineseDates.DateTime(committed)} 改为 {ChineseDates.DateTime(to)}，超期计时随之调整",
            Before = JsonDefaults.Write(new { deadline = committed }), After = JsonDefaults.Write(new { deadline = to }),
        });
        return $"承诺办结期限随之改为 {ChineseDates.DateTime(to)}";
    }

    /// <summary>Whether the task's element is due at the case deadline (coban:due="${caseDeadline}"): the handling task.</summary>
    private async Task<bool> DueIsCaseDeadlineAsync(UnitOfWork unit, WorkTask task, CancellationToken ct)
    {
        var instance = await unit.Db.Set<ProcessInstance>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == task.InstanceId, ct);
        if (instance is null) return false;
        var due = catalog.TryNode(instance.ProcedureVersionId, instance.ProcessId, task.ElementId)?.UserTask?.Due;
        return due is not null && due.Text.Replace(" ", "") == "${caseDeadline}";
    }
}
