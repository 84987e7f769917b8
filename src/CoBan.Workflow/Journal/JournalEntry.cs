namespace CoBan.Workflow.Journal;

/// <summary>
/// One line of the append-only audit trail: who did what, when, from where, and what changed.
/// Nothing updates or deletes these rows (no API does, and the journal has no update path).
/// </summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public long? InstanceId { get; set; }
    public long? CaseId { get; set; }
    public long? BureauId { get; set; }
    /// <summary>User id, or null for the system (timers, dispatchers).</summary>
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? Ip { get; set; }
    /// <summary>A stable code, e.g. "task.completed", "instance.started", "procedure.published".</summary>
    public required string Action { get; set; }
    public string? ElementId { get; set; }
    /// <summary>What happened, in Chinese, for the timeline.</summary>
    public required string Detail { get; set; }
    /// <summary>JSON of the values before/after, for variables that changed.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}
