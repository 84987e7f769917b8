using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// Writes a notice decided by a step into the outbox, inside the step's transaction. The runtime owns
/// this seam; the notices feature implements it (Notices/NoticeOutbox.cs), so the runtime does not know notices.
/// </summary>
public interface INoticeOutbox
{
    Task EnqueueAsync(UnitOfWork unit, ProcessInstance instance, SendNotice notice, IReadOnlyDictionary<string, object?> variables, CancellationToken ct);
}
