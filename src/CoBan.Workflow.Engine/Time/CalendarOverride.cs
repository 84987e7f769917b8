namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A local decision that beats the national calendar for one date: a local holiday, a day the
/// service hall is closed, or an extra working day. When several overrides name the same date the
/// later one wins, so an administrator corrects a mistake by adding a new override.
/// </summary>
public sealed record CalendarOverride(DateOnly Date, bool IsWorkingDay, string Reason);
