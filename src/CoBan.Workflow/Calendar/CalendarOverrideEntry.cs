namespace CoBan.Workflow.Calendar;

/// <summary>
/// A local decision that beats the national calendar for one date (a local holiday, a day the hall is
/// closed, an extra working day). <see cref="BureauId"/> null applies to every bureau; otherwise to the
/// bureau and every bureau below it (a city-wide decision is an override on the city centre).
/// Overrides are never deleted: revoking one keeps it, with who revoked it and why.
/// </summary>
public sealed class CalendarOverrideEntry
{
    public long Id { get; set; }
    public long? BureauId { get; set; }
    public DateOnly Date { get; set; }
    public bool IsWorkingDay { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public string? RevokeReason { get; set; }
}

/// <summary>
/// One row (id 1) whose number goes up with every calendar change, in the change's transaction. Each
/// node compares it with the revision its cached calendars were built from, so a change made on one
/// node reaches the others within seconds; recomputing deadlines names the revision it previewed.
/// </summary>
public sealed class CalendarRevision
{
    public const long RowId = 1;
    public long Id { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
