namespace CoBan.Workflow.Supervision;

/// <summary>The reports of seed 002 (日检查、周通报、月考评、季评比、年总结) and the quarterly duty schedule of seed 001.</summary>
public enum ReportKind
{
    DailyCheck = 1,
    WeeklyBulletin = 2,
    MonthlyEvaluation = 3,
    QuarterlyRanking = 4,
    AnnualSummary = 5,
    DutySchedule = 6,
}

/// <summary>
/// One generated report: for a kind, a period and the bureau whose supervision office it covers
/// (that bureau and every bureau below it). Kept with the HTML and CSV exactly as generated and
/// e-mailed, so what was circulated can always be shown again. The schedule generates revision 1
/// once; a supervisor may generate it again (revision 2, 3 …), which never overwrites.
/// </summary>
public sealed class SupervisionReport
{
    public long Id { get; set; }
    public ReportKind Kind { get; set; }
    /// <summary>Period key (Period.Key): 2026-10-31, 2026-W44, 2026-10, 2026-Q4, 2026.</summary>
    public required string PeriodKey { get; set; }
    public DateOnly PeriodFrom { get; set; }
    public DateOnly PeriodTo { get; set; }
    public long ScopeBureauId { get; set; }
    public int Revision { get; set; }
    public required string Title { get; set; }
    /// <summary>The whole printable page (the template's print part inside the print style sheet).</summary>
    public required string Html { get; set; }
    /// <summary>The tables as CSV (UTF-8; a byte order mark is added on download).</summary>
    public required string Csv { get; set; }
    /// <summary>The headline figures (JSON list of {label, value}).</summary>
    public string? Summary { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    /// <summary>"schedule" or "manual".</summary>
    public required string Trigger { get; set; }
    public string? GeneratedById { get; set; }
    public string? GeneratedByName { get; set; }
    /// <summary>Who it was e-mailed to (names and addresses, one per line), or why nobody.</summary>
    public string? Recipients { get; set; }
    public int EmailsQueued { get; set; }
}

/// <summary>When each report is next due (the row is the truth; the scheduler only rings the bell).</summary>
public sealed class ReportScheduleState
{
    public ReportKind Kind { get; set; }
    /// <summary>The cron expression the next occurrence was computed from (a changed schedule is noticed).</summary>
    public required string Cron { get; set; }
    public DateTimeOffset NextDueAt { get; set; }
    public DateTimeOffset? LastRunAt { get; set; }
    public string? LastError { get; set; }
    public int Version { get; set; }
}
