namespace CoBan.Workflow.Rosters;

public enum DutyRole { Coordinator = 1, DutyLeader = 2 }

/// <summary>
/// One person on duty at a bureau on a day (协办员轮流坐班, 带班领导 one per day, seeds 000/001).
/// The quarterly schedule is these rows for a quarter.
/// </summary>
public sealed class DutyAssignment
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    public DateOnly Date { get; set; }
    public required string UserId { get; set; }
    public DutyRole Role { get; set; }
    public TimeOnly Start { get; set; } = new(8, 30);
    public TimeOnly End { get; set; } = new(17, 30);
    public string? Note { get; set; }
}
