using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Timers;

/// <summary>
/// What depends on a task's due date besides the task's own deadline, told when someone moves the date by hand (PUT
/// /tasks/{id}/dates), in the same unit: the case's committed deadline follows its handling task. Returns a sentence for the
/// journal saying what followed, or plainly that nothing did; null when the task is none of its business.
/// </summary>
public interface ITaskDueFollower
{
    Task<string?> DueMovedAsync(UnitOfWork unit, WorkTask task, DateTimeOffset? previousDue, bool byLeader, CancellationToken ct);
}
