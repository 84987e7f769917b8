using CoBan.Workflow.Cases;

namespace CoBan.Workflow.Supervision;

public static class ReportKinds
{
    public static string Zh(this ReportKind kind) => kind switch
    {
        ReportKind.DailyCheck => "日检查",
        ReportKind.WeeklyBulletin => "周通报",
        ReportKind.MonthlyEvaluation => "月考评",
        ReportKind.QuarterlyRanking => "季评比",
        ReportKind.AnnualSummary => "年总结",
        _ => "季度协办员和值班领导服务时间安排表",
    };

    /// <summary>The notice template (templates/catalog.json) the report is rendered and e-mailed with.</summary>
    public static string Template(this ReportKind kind) => kind switch
    {
        ReportKind.DailyCheck => "report-daily-check",
        ReportKind.WeeklyBulletin => "report-weekly-bulletin",
        ReportKind.MonthlyEvaluation => "report-monthly-evaluation",
        ReportKind.QuarterlyRanking => "report-quarterly-ranking",
        ReportKind.AnnualSummary => "report-annual-summary",
        _ => "report-duty-schedule",
    };

    public static ReportKind Parse(string? code) => EnumCodes.Parse<ReportKind>(code, "kind");

    /// <summary>
    /// The period a report generated at <paramref name="at"/> (local date) covers: the day itself for the daily
    /// check (yesterday's overdue, today's due), the previous week, month, quarter or year, and the
    /// quarter that begins for the duty schedule.
    /// </summary>
    public static Period PeriodAt(this ReportKind kind, DateOnly at) => kind switch
    {
        ReportKind.DailyCheck => Period.Day(at),
        ReportKind.WeeklyBulletin => Period.WeekOf(at).Previous(),
        ReportKind.MonthlyEvaluation => Period.MonthOf(at).Previous(),
        ReportKind.QuarterlyRanking => Period.QuarterOf(at).Previous(),
        ReportKind.AnnualSummary => Period.Year(at.Year - 1),
        _ => Period.QuarterOf(at),
    };

    /// <summary>The period named by a request (POST …/reports): of the report's own kind of period.</summary>
    public static Period PeriodFor(this ReportKind kind, string? key, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(key)) return kind.PeriodAt(today);
        var period = Period.Parse(key, null, null, today);
        var expected = kind switch
        {
            ReportKind.DailyCheck => PeriodKind.Day,
            ReportKind.WeeklyBulletin => PeriodKind.Week,
            ReportKind.MonthlyEvaluation => PeriodKind.Month,
            ReportKind.AnnualSummary => PeriodKind.Year,
            _ => PeriodKind.Quarter,
        };
        if (period.Kind != expected)
            throw CoBanException.BadRequest("bad-period", $"{kind.Zh()}的期间应为{Expected(expected)}", $"the period of a {kind.Code()} report is a {expected.LowerCode()}");
        return period;
    }

    private static string Expected(PeriodKind kind) => kind switch
    {
        PeriodKind.Day => "某一天（如 2026-10-09）",
        PeriodKind.Week => "某一周（如 2026-W41）",
        PeriodKind.Month => "某一月（如 2026-10）",
        PeriodKind.Year => "某一年（如 2026）",
        _ => "某一季度（如 2026-Q4）",
    };
}
