using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Notices;

/// <summary>The plain outbox row; the notices feature renders and dispatches it.</summary>
public sealed class NoticeOutbox : INoticeOutbox
{
    public Task EnqueueAsync(UnitOfWork unit, ProcessInstance instance, SendNotice notice, IReadOnlyDictionary<string, object?> variables, CancellationToken ct)
    {
        unit.Db.Add(new Notice
        {
            IdempotencyKey = $"{instance.Id}:{notice.Sequence}",
            InstanceId = instance.Id,
            CaseId = instance.CaseId,
            BureauId = instance.BureauId,
            ElementId = notice.ElementId,
            Template = notice.Template,
            Channels = string.Join(',', notice.Channels),
            Recipient = notice.Recipient,
            Variables = UnitOfWork.Json(variables),
            Status = NoticeStatus.Pending,
            CreatedAt = unit.Now,
        });
        unit.Note($"生成通知“{notice.Template}”（{notice.Recipient}）");
        return Task.CompletedTask;
    }
}
