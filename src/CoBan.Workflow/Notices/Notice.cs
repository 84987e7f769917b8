namespace CoBan.Workflow.Notices;

/// <summary>
/// Pending: in the outbox, not yet rendered. Dispatching: rendered into deliveries, some still on
/// their way. Sent: every delivery sent (or, for print, ready). Dead: rendering failed, or a delivery
/// gave up or bounced: a person must act. Attention: a delivery may or may not have gone out (a crash
/// in the send window on a channel that cannot de-duplicate): a person must check before resending.
/// NotSent: no SMS or e-mail could be used (no consent, no address): only the print form is ready, and
/// the applicant has received nothing until it is handed over.
/// </summary>
public enum NoticeStatus { Pending = 0, Sent = 1, Dead = 2, Cancelled = 3, Dispatching = 4, Attention = 5, NotSent = 6 }

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
    /// <summary>The form values of the task whose completion decided the notice (JSON), for <c>form.*</c>.</summary>
    public string? Form { get; set; }
    /// <summary>The task a reminder or escalation is about (timers write it), for <c>task.*</c> and <c>overdue.days</c>.</summary>
    public long? WorkTaskId { get; set; }
    public NoticeStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the dispatcher rendered it into deliveries.</summary>
    public DateTimeOffset? PlannedAt { get; set; }
    /// <summary>Why it is dead or needs attention, in Chinese (and English after " / ").</summary>
    public string? LastError { get; set; }
}
