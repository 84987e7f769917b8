namespace CoBan.Workflow.Notices;

public enum NoticeStatus { Pending = 0, Sent = 1, Dead = 2, Cancelled = 3 }

/// <summary>
/// A notice decided by a workflow step, written to the outbox in the same transaction. The
/// idempotency key (instance + engine sequence) makes a retried step or dispatch produce it once.
/// </summary>
public sealed class Notice
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }
    public long? InstanceId { get; set; }
    public long? CaseId { get; set; }
    public long? BureauId { get; set; }
    public string? ElementId { get; set; }
    public required string Template { get; set; }
    /// <summary>Comma-separated channels asked for by the model (empty: decided from the recipient's consent).</summary>
    public string? Channels { get; set; }
    public required string Recipient { get; set; }
    /// <summary>Snapshot of the variables at the step, so the text reflects the moment of decision.</summary>
    public string? Variables { get; set; }
    public NoticeStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
