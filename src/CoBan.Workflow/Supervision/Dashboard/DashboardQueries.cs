using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

public sealed record FollowUpSummary(int OverdueCases, int OpenFollowUps, int OverdueFollowUps);

/// <summary>What the dashboard shows for one choice of filters (GET /api/v1/supervision/dashboard, and the page).</summary>
public sealed record DashboardView(string Viewer, string Dimension, string Period, string PeriodLabel, DateOnly From, DateOnly To, DateTimeOffset AsOf,
    IReadOnlyList<string> Bureaus, Figures Total, IReadOnlyList<Figures> Rows, IReadOnlyList<Figures> Ranking, Trend Trend, FollowUpSummary FollowUps, string Formula);

/// <summary>
/// The dashboard's figures: the rows a caller most needs by default — a supervisor the bureaus of their
/// scope, a duty leader the coordinators of their bureau, a coordinator their own figures by matter —
/// their ranking, the trend over the period and the follow-up list's counts.
/// </summary>
public sealed class DashboardQueries(Data.CoBanDbContext db, MeasureQueries measures, TrendQueries trends)
{
    public static Dimension DefaultDimension(ViewerKind viewer) => viewer switch
    {
        ViewerKind.Supervisor => Dimension.Bureau,
        ViewerKind.BureauLead => Dimension.Coordinator,
        _ => Dimension.Matter,
    };

    public async Task<DashboardView> ViewAsync(Selection selection, Period period, Dimension? by, DateTimeOffset asOf, CancellationToken ct)
    {
        var dimension = by ?? DefaultDimension(selection.Viewer);
        var report = await measures.ReportAsync(selection, period, dimension, asOf, ct);
        var trend = await trends.TrendAsync(selection, period, ct);
        var today = Period.LocalDate(asOf);
        // Counted from the follow-ups (few), each looked up in the selection's cases by key — never a scan of the cases.
        var cases = measures.Cases(selection);
        var open = db.Set<FollowUp>().Where(f => f.Status == FollowUpStatus.Open && cases.Any(c => c.Id == f.CaseId));
        var summary = new FollowUpSummary(
            report.Total.OverdueNow,
            await open.Select(f => f.CaseId).Distinct().CountAsync(ct),
            await open.Where(f => f.DueOn < today).Select(f => f.CaseId).Distinct().CountAsync(ct));
        var ranking = dimension == Dimension.Matter ? [] : Supervision.Ranking.Order(report.Rows);
        return new DashboardView(selection.Viewer.LowerCode() switch { "bureaulead" => "bureauLead", var v => v }, dimension.Code(),
            period.Key, period.Label, period.From, period.To, asOf, report.Bureaus, report.Total, report.Rows, ranking, trend, summary, Supervision.Ranking.FormulaZh);
    }
}
