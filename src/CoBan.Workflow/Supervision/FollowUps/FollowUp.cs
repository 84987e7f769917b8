namespace CoBan.Workflow.Supervision;

public enum FollowUpStatus { Open = 1, Closed = 2 }

/// <summary>
/// 挂账督办 (seed 000: 对于被动应付、进度缓慢、随意变通的，实行挂账督办): a supervisor's note on an
/// overdue case with the date by which it must be dealt with. Tracked until a supervisor closes it
/// with the outcome; one past its date while still open is itself overdue and highlighted.
/// Every change is journaled on the case.
/// </summary>
public sealed class FollowUp
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long BureauId { get; set; }
    public required string Note { get; set; }
    /// <summary>The local date (Asia/Shanghai) by which the case must be dealt with.</summary>
    public DateOnly DueOn { get; set; }
    public FollowUpStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedById { get; set; }
    public string? ClosedByName { get; set; }
    /// <summary>How it was dealt with (整改落实情况), written when it is closed.</summary>
    public string? Resolution { get; set; }
    public int RowVersion { get; set; }
}
