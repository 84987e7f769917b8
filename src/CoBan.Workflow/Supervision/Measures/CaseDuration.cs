namespace CoBan.Workflow.Supervision;

/// <summary>
/// How long an ended case took, in working days of its bureau's calendar: from the registration day to
/// the day it ended (the registration day not counted, 民法典 Art. 201, as deadlines are counted),
/// less the working days special procedures stopped the clock (行政许可法 Art. 45). Computed once a
/// case has ended (<see cref="CaseDurations"/>), because the calendar — holidays, 调休 and each
/// bureau's own overrides — lives in C#, not in SQL; averages and the 90th percentile are then
/// plain aggregates over this column.
/// </summary>
public sealed class CaseDuration
{
    public long CaseId { get; set; }
    /// <summary>Null while the calendar year of the registration or the end is not loaded (never guessed).</summary>
    public int? WorkingDays { get; set; }
    /// <summary>Working days given back by special procedures (already subtracted from <see cref="WorkingDays"/>).</summary>
    public int PausedWorkingDays { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
