using CoBan.Workflow.Supervision;

namespace CoBan.Workflow.Web.Supervision;

/// <summary>What the drill-down lists are called (CaseLists.Measures), and the kinds of period, in both languages.</summary>
public static class MeasureNames
{
    public static string Of(string measure, Lang l) => measure switch
    {
        "registered" => l.T("登记件", "Registered"),
        "completed" => l.T("办结件", "Completed"),
        "withdrawn" => l.T("撤件、撤回、撤销", "Withdrawn or revoked"),
        "onTime" => l.T("按时办结件", "Completed on time"),
        "overdueAtCompletion" => l.T("超期办结件", "Completed late"),
        "noDeadline" => l.T("无承诺期限的办结件", "Completed without a deadline"),
        "overdueNow" => l.T("当前超期未办结件", "Overdue now"),
        "notice" => l.T("一次性告知（提示件）", "One-time notices"),
        "noticeSecondVisit" => l.T("告知后一次补齐", "Complete on the second visit"),
        "noticeLater" => l.T("告知后多次补正", "Complete after several visits"),
        "evaluations" => l.T("有评价的办件", "Evaluated"),
        "badReviews" => l.T("差评件", "Bad reviews"),
        _ => measure,
    };

    public static string Kind(PeriodKind kind, Lang l) => kind switch
    {
        PeriodKind.Day => l.T("日", "Day"),
        PeriodKind.Week => l.T("周", "Week"),
        PeriodKind.Month => l.T("月", "Month"),
        PeriodKind.Quarter => l.T("季度", "Quarter"),
        PeriodKind.Year => l.T("年", "Year"),
        _ => l.T("自定义", "Custom"),
    };

    /// <summary>Period.Label is the Chinese name reports use; English readers get the key (2026-10, 2026-W44…).</summary>
    public static string Period(Period p, Lang l) => l.IsEn ? (p.Kind == PeriodKind.Week ? $"{p.Key} ({p.From:MM-dd}–{p.To:MM-dd})" : p.Key) : p.Label;

    public static string Dimension(Dimension d, Lang l) => l.IsEn ? d.Code() : d.Zh();
}
