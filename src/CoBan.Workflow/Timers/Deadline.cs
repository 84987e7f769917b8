namespace CoBan.Workflow.Timers;

public enum DeadlineStatus { Open = 0, Closed = 1 }

/// <summary>
/// A deadline someone is held to, and the state its reminders depend on: the generic "deadline
/// holder". A task with a due date holds one (<see cref="DeadlineHolderKinds.Task"/>); the cases
/// feature opens one per commitment case (<see cref="DeadlineHolderKinds.Case"/>). Reminders and
/// escalations are timers pointing here; <see cref="PausedAt"/> is the pause flag (特别程序, 行政许可法
/// Art. 45): while set, the clock is stopped and nobody is reminded.
/// </summary>
public sealed class Deadline
{
    public long Id { get; set; }
    /// <summary>What holds it: <see cref="DeadlineHolderKinds"/>; with <see cref="HolderId"/> unique among open deadlines.</summary>
    public required string HolderKind { get; set; }
    public long HolderId { get; set; }
    public long BureauId { get; set; }
    public long? InstanceId { get; set; }
    public long? CaseId { get; set; }
    public long? WorkTaskId { get; set; }
    public string? ElementId { get; set; }
    /// <summary>What is due, for journal and notice texts (task name, case number).</summary>
    public string? Title { get; set; }

    /// <summary>When the clock started (acceptance, task creation).</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>The limit in working days the due date was counted with; null for a fixed date (never recomputed).</summary>
    public int? LimitWorkingDays { get; set; }
    /// <summary>When it is due now (UTC), after pauses and moves.</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset OriginalDueAt { get; set; }
    /// <summary>The pause flag: set while a special procedure runs.</summary>
    public DateTimeOffset? PausedAt { get; set; }
    public string? PauseReason { get; set; }
    /// <summary>Working days given back by the pauses that ended.</summary>
    public int PausedWorkingDays { get; set; }

    public int? RemindBeforeWorkingDays { get; set; }
    public int EscalateAfterWorkingDays { get; set; }
    /// <summary>Set when an alert could not be planned because this year has no calendar data; planned again when it is loaded.</summary>
    public int? MissingCalendarYear { get; set; }

    public DeadlineStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Optimistic concurrency: pausing and a reminder firing at once cannot both win.</summary>
    public int Version { get; set; }

    public bool IsPaused => PausedAt is not null;
}

/// <summary>One pause of a deadline (特别程序开始 … 特别程序结束).</summary>
public sealed class DeadlinePause
{
    public long Id { get; set; }
    public long DeadlineId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public required string Reason { get; set; }
    public string? EndReason { get; set; }
    /// <summary>Working days this pause gave back when it ended (DeadlineMath.PausedWorkingDays).</summary>
    public int? WorkingDaysGivenBack { get; set; }
}

public static class DeadlineHolderKinds
{
    public const string Task = "task";
    public const string Case = "case";
}
