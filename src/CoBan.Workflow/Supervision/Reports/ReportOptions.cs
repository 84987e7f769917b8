namespace CoBan.Workflow.Supervision;

/// <summary>CoBan:Supervision:Reports — when reports are generated and who gets them (docs/supervision.md, "Reports").</summary>
public sealed class ReportOptions
{
    public const string Section = "CoBan:Supervision:Reports";

    /// <summary>Generate reports on their schedule. Off: only on request (POST /api/v1/supervision/reports).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bureaus (codes) whose supervision office gets the reports, each covering itself and every bureau below it. Empty: every top-level bureau.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The daily check is skipped on days off (weekends, holidays; 调休 working weekends count as working days).</summary>
    public bool DailyCheckOnWorkingDaysOnly { get; set; } = true;

    /// <summary>Quartz cron expressions (seconds first, Asia/Shanghai) by report kind code; missing kinds keep <see cref="DefaultSchedules"/>. An empty string turns a kind off.</summary>
    public Dictionary<string, string> Schedules { get; set; } = [];

    /// <summary>
    /// Recipients by report kind code, or "default" for every kind without its own list. Each entry is
    /// "supervisors" (the supervisors of the report's bureau, else of the nearest bureau above with any),
    /// "parentSupervisors" (those of the bureau above: the higher office a duty schedule is reported to),
    /// "dutyLeaders" (the report's bureau's), "user:&lt;userName&gt;", or an e-mail address.
    /// </summary>
    public Dictionary<string, List<string>> Recipients { get; set; } = [];

    public static readonly IReadOnlyDictionary<ReportKind, string> DefaultSchedules = new Dictionary<ReportKind, string>
    {
        [ReportKind.DailyCheck] = "0 0 8 * * ?",
        [ReportKind.WeeklyBulletin] = "0 30 8 ? * MON",
        [ReportKind.MonthlyEvaluation] = "0 0 9 1 * ?",
        [ReportKind.QuarterlyRanking] = "0 30 9 1 1,4,7,10 ?",
        [ReportKind.AnnualSummary] = "0 0 10 1 1 ?",
        [ReportKind.DutySchedule] = "0 0 9 1 1,4,7,10 ?",
    };

    public static readonly IReadOnlyDictionary<ReportKind, string[]> DefaultRecipients = new Dictionary<ReportKind, string[]>
    {
        [ReportKind.DutySchedule] = ["parentSupervisors"],
    };

    public string? ScheduleOf(ReportKind kind) =>
        Schedules.TryGetValue(EnumCodes.Code(kind), out var cron) ? (string.IsNullOrWhiteSpace(cron) ? null : cron.Trim()) : DefaultSchedules[kind];

    /// <summary>The kind's own list, else "default", else the built-in default (duty schedule: parentSupervisors; the others: supervisors).</summary>
    public IReadOnlyList<string> RecipientsOf(ReportKind kind) =>
        Recipients.TryGetValue(EnumCodes.Code(kind), out var own) ? own
        : Recipients.TryGetValue("default", out var all) ? all
        : DefaultRecipients.TryGetValue(kind, out var builtIn) ? builtIn
        : ["supervisors"];
}
