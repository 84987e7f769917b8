namespace CoBan.Workflow.Timers;

public enum TimerStatus { Pending = 0, Fired = 1, Cancelled = 2 }

/// <summary>Why a timer exists: an engine timer event, or a reminder/escalation the host adds to a task.</summary>
public enum TimerPurpose { Engine = 0, Reminder = 1, Escalation = 2, StartEvent = 3, Report = 4 }

/// <summary>
/// The durable truth about a pending timer, written in the same transaction as the step that
/// scheduled it. The scheduler (Quartz) only rings the bell: a firing is applied once, because the
/// runner flips this row from Pending to Fired in the transaction that applies its effect
/// (docs/timers.md). A row that failed stays Pending and is retried at <see cref="RetryAt"/>.
/// </summary>
public sealed class ScheduledTimer
{
    public long Id { get; set; }
    public long? InstanceId { get; set; }
    /// <summary>The engine's timer id (unique within the instance), for engine timers.</summary>
    public int? TimerId { get; set; }
    public long? WorkTaskId { get; set; }
    public string? ElementId { get; set; }
    public TimerPurpose Purpose { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    /// <summary>Free text for the timer list (e.g. "提前 1 个工作日提醒").</summary>
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>Whose timer it is, for visibility (the instance's, the deadline holder's or the procedure's bureau).</summary>
    public long? BureauId { get; set; }
    public long? CaseId { get; set; }
    /// <summary>The deadline a reminder or escalation watches (<see cref="Deadline"/>).</summary>
    public long? DeadlineId { get; set; }
    /// <summary>For timer start events: the published version whose start event this is.</summary>
    public long? ProcedureVersionId { get; set; }
    /// <summary>What a reminder or escalation does: <see cref="ReminderActions.Reminder"/>, <see cref="ReminderActions.OverdueLeader"/>, <see cref="ReminderActions.OverdueSupervisor"/>.</summary>
    public string? Action { get; set; }
    /// <summary>1 for the first firing of a chain (a repeating alert, a cron start event), then 2, 3 …</summary>
    public int Occurrence { get; set; }
    /// <summary>The deadline's due time this alert was planned for: when the deadline has moved since, the alert is re-planned instead.</summary>
    public DateTimeOffset? BasisDueAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>After a failed attempt: not before this time.</summary>
    public DateTimeOffset? RetryAt { get; set; }
}
