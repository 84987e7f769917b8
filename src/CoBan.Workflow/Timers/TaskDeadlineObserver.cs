using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Time;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Timers;

/// <summary>
/// Gives every new task with a due date its deadline (and so its reminders), in the step that created the
/// task; closes it in the step that completes or cancels the task. coban:remindBefore / coban:escalateAfter
/// on the task element win over the defaults.
/// </summary>
public sealed class TaskDeadlineObserver(DeadlineService deadlines, ProcedureCatalog catalog) : IStepObserver
{
    public async ValueTask OnStepAsync(StepContext step, CancellationToken ct)
    {
        var unit = step.Unit;
        var due = step.CreatedTasks.Where(t => t.Due is not null).ToList();
        if (due.Count > 0)
        {
            await unit.Db.SaveChangesAsync(ct); // the deadlines and their timers name the tasks by id
            foreach (var task in due) await deadlines.OpenAsync(unit, Spec(task, Limit(step.Instance, task)), ct);
        }
        // A task created without a due date has no deadline (one whose due date was cleared later closes at its next alert).
        foreach (var task in step.EndedTasks.Where(t => t.Due is not null))
            await deadlines.CloseAsync(unit, DeadlineHolderKinds.Task, task.Id, ct);
        if (step.Stimulus is CompleteTask completed)
        {
            // The completing task is usually tracked already (the task service loaded it): no query for it, and
            // none at all when it never had a due date.
            var task = await unit.FindTaskAsync(step.Instance.Id, completed.TaskId, ct);
            if (task is { Due: not null }) await deadlines.CloseAsync(unit, DeadlineHolderKinds.Task, task.Id, ct);
        }
    }

    /// <summary>The deadline of a task with a due date; <paramref name="limit"/> working days when the due date counts them (else fixed).</summary>
    public static DeadlineSpec Spec(WorkTask task, int? limit) =>
        new(DeadlineHolderKinds.Task, task.Id, task.BureauId, task.CreatedAt,
            LimitWorkingDays: limit, DueAt: task.Due, InstanceId: task.InstanceId, CaseId: task.CaseId, WorkTaskId: task.Id,
            ElementId: task.ElementId, Title: task.Name ?? task.ElementId,
            RemindBeforeWorkingDays: ReminderPolicy.WorkingDays(task.RemindBefore), EscalateAfterWorkingDays: ReminderPolicy.WorkingDays(task.EscalateAfter));

    /// <summary>
    /// The due date counts working days when the element says so as a constant (coban:due="P3WD"): then it is
    /// recomputed after a calendar change. A due date from an expression or a fixed date stays as it is.
    /// </summary>
    private int? Limit(ProcessInstance instance, WorkTask task)
    {
        var expression = catalog.TryNode(instance.ProcedureVersionId, instance.ProcessId, task.ElementId)?.UserTask?.Due;
        if (expression is not { IsConstant: true } || !IsoDuration.TryParse(expression.Text.Trim(), out var d)) return null;
        var onlyWorkingDays = d is { IsNegative: false, Years: 0, Months: 0, Weeks: 0, Days: 0, Hours: 0, Minutes: 0, Seconds: 0 };
        return onlyWorkingDays && d.WorkingDays > 0 ? d.WorkingDays : null;
    }
}
