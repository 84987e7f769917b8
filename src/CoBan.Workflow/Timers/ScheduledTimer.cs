namespace CoBan.Workflow.Timers;

public enum TimerStatus { Pending = 0, Fired = 1, Cancelled = 2 }

/// <summary>Why a timer exists: an engine timer event, or a reminder/escalation the host adds to a task.</summary>
public enum TimerPurpose { Engine = 0, Reminder = 1, Escalation = 2, StartEvent = 3, Report = 4 }

/// <summary>
/// The durable truth about a pending timer, written in the same transaction as the step that
/// scheduled it. The scheduler (Quartz) only rings the bell: a firing is applied once, because the
/// job flips this row from Pending to Fired in the transaction that advances the instance.
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
}
