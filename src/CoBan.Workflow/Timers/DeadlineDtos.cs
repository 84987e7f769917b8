namespace CoBan.Workflow.Timers;

/// <summary>
/// A new deadline. Give <see cref="LimitWorkingDays"/> (counted from <see cref="StartedAt"/> on the bureau's
/// calendar, recomputable after a calendar change) or a fixed <see cref="DueAt"/>.
/// <see cref="MaxLimitWorkingDays"/> is the matter's committed limit: a longer limit is refused (限时办结).
/// Reminder settings left null come from <see cref="IReminderDefaults"/>.
/// </summary>
public sealed record DeadlineSpec(
    string HolderKind,
    long HolderId,
    long BureauId,
    DateTimeOffset StartedAt,
    int? LimitWorkingDays = null,
    DateTimeOffset? DueAt = null,
    long? InstanceId = null,
    long? CaseId = null,
    long? WorkTaskId = null,
    string? ElementId = null,
    string? Title = null,
    int? RemindBeforeWorkingDays = null,
    int? EscalateAfterWorkingDays = null,
    int? MaxLimitWorkingDays = null);

public sealed record DeadlineInfo(long Id, string HolderKind, long HolderId, long BureauId, long? InstanceId, long? CaseId, long? WorkTaskId, string? Title,
    DateTimeOffset StartedAt, int? LimitWorkingDays, DateTimeOffset DueAt, DateTimeOffset DueLocal, DateTimeOffset OriginalDueAt, bool Paused, DateTimeOffset? PausedAt,
    string? PauseReason, int PausedWorkingDays, int? RemindBeforeWorkingDays, int EscalateAfterWorkingDays, int? MissingCalendarYear, string Status,
    bool Provisional = false)
{
    /// <param name="provisional">Whether the due date was counted across a year whose State Council notice is not loaded.</param>
    public static DeadlineInfo Of(Deadline d, bool provisional = false) => new(d.Id, d.HolderKind, d.HolderId, d.BureauId, d.InstanceId, d.CaseId, d.WorkTaskId, d.Title,
        d.StartedAt, d.LimitWorkingDays, d.DueAt, d.DueAt.ToOffset(Engine.Time.WorkingCalendar.ChinaStandardOffset), d.OriginalDueAt, d.IsPaused, d.PausedAt,
        d.PauseReason, d.PausedWorkingDays, d.RemindBeforeWorkingDays, d.EscalateAfterWorkingDays, d.MissingCalendarYear, d.Status.LowerCode(), provisional);
}

/// <summary>One deadline a recompute would move, or cannot compute (<see cref="Problem"/>).</summary>
public sealed record RecomputeItem(long DeadlineId, string HolderKind, long HolderId, long BureauId, long? InstanceId, long? CaseId, string? Title,
    DateTimeOffset CurrentDue, DateTimeOffset? NewDue, int? ShiftWorkingDays, string? Problem);

/// <summary>What recomputing would do on the calendar of <see cref="Revision"/>; apply it by naming that revision.</summary>
public sealed record RecomputePreview(long Revision, int Checked, IReadOnlyList<RecomputeItem> Items);

public sealed record RecomputeResult(long Revision, int Moved, IReadOnlyList<RecomputeItem> Items);

public sealed record RecomputeRequest(long? Revision, string? Reason, string? BureauCode);

public sealed record DeadlineActionRequest(string? Reason, DateTimeOffset? Due);
