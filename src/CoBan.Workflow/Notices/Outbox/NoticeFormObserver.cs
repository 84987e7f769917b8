using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Notices;

/// <summary>
/// When a task's completion decides a notice (a send task right after the user task), the notice
/// keeps that task and its form values, so templates can say form.remarks and task.name. Runs inside
/// the step's transaction, after the outbox row was added.
/// </summary>
public sealed class NoticeFormObserver : IStepObserver
{
    public async ValueTask OnStepAsync(StepContext step, CancellationToken ct)
    {
        if (step.Stimulus is not CompleteTask completed) return;
        var added = step.Db.Added<Notice>().Where(n => n.InstanceId == step.Instance.Id && n.Form is null).ToList();
        if (added.Count == 0) return;
        var task = await step.Unit.FindTaskAsync(step.Instance.Id, completed.TaskId, ct);
        foreach (var notice in added)
        {
            notice.Form = UnitOfWork.Json(completed.Variables ?? new Dictionary<string, object?>());
            notice.WorkTaskId ??= task?.Id;
        }
    }
}
