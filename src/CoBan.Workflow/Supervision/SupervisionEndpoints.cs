using System.Text;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Supervision;

/// <summary>/api/v1/supervision/… (docs/supervision.md, "API"). Every figure is limited to the caller's view (<see cref="SupervisionAccess"/>).</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision").RequireAuthorization().WithTags("Supervision");
        api.MapGet("/measures", Measures);
        api.MapGet("/trend", Trend);
        api.MapGet("/dashboard", Dashboard);
        api.MapGet("/cases", Cases);
        api.MapGet("/follow-ups", FollowUps);
        api.MapPost("/follow-ups", AddFollowUp);
        api.MapPost("/follow-ups/{id:long}/close", CloseFollowUp);
        api.MapGet("/reports", ReportEndpoints.List);
        api.MapPost("/reports", ReportEndpoints.Generate);
        api.MapGet("/reports/schedule", ReportEndpoints.Schedule);
        api.MapGet("/reports/{id:long}", ReportEndpoints.Get);
        api.MapGet("/reports/{id:long}/html", ReportEndpoints.Html);
        api.MapGet("/reports/{id:long}/csv", ReportEndpoints.Csv);
        return app;
    }

    private static Period PeriodOf(string? period, DateOnly? from, DateOnly? to, DateTimeOffset now) => Period.Parse(period, from, to, Period.LocalDate(now));

    /// <summary>The figures grouped by bureau, coordinator or matter for a period (default: this month).</summary>
    private static async Task<MeasureReport> Measures(string? by, string? period, DateOnly? from, DateOnly? to, string? bureau, string? level,
        SupervisionAccess access, MeasureQueries measures, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        var now = clock.GetUtcNow();
        return await measures.ReportAsync(selection, PeriodOf(period, from, to, now), Dimensions.Parse(by), now, ct);
    }

    private static async Task<Trend> Trend(string? period, DateOnly? from, DateOnly? to, string? bureau, string? level,
        SupervisionAccess access, TrendQueries trends, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        return await trends.TrendAsync(selection, PeriodOf(period, from, to, clock.GetUtcNow()), ct);
    }

    private static async Task<DashboardView> Dashboard(string? by, string? period, DateOnly? from, DateOnly? to, string? bureau, string? level,
        SupervisionAccess access, DashboardQueries dashboard, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        var now = clock.GetUtcNow();
        return await dashboard.ViewAsync(selection, PeriodOf(period, from, to, now), string.IsNullOrWhiteSpace(by) ? null : Dimensions.Parse(by), now, ct);
    }

    /// <summary>The cases behind a figure (drill-down).</summary>
    private static async Task<DrillPage> Cases(string? measure, string? period, DateOnly? from, DateOnly? to, string? bureau, string? level, string? coordinator, long? matter,
        int? page, int? pageSize, SupervisionAccess access, CaseLists lists, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        var now = clock.GetUtcNow();
        return await lists.ListAsync(selection, PeriodOf(period, from, to, now), measure ?? "registered", coordinator, matter, now, page, pageSize, ct);
    }

    /// <summary>挂账督办: state = current (overdue, or with an open follow-up; default), overdue, open, closed, all.</summary>
    private static async Task<FollowUpPage> FollowUps(string? state, string? bureau, string? level, int? page, int? pageSize,
        SupervisionAccess access, FollowUpQueries followUps, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        return await followUps.ListAsync(selection, state, clock.GetUtcNow(), page, pageSize, ct);
    }

    private static async Task<Created<FollowUpInfo>> AddFollowUp(FollowUpRequest body, FollowUpCommands commands, TimeProvider clock, CancellationToken ct)
    {
        var f = await commands.AddAsync(body, ct);
        return TypedResults.Created($"/api/v1/supervision/follow-ups/{f.Id}", FollowUpQueries.Info(f, Period.LocalDate(clock.GetUtcNow())));
    }

    private static async Task<FollowUpInfo> CloseFollowUp(long id, CloseFollowUpRequest body, FollowUpCommands commands, TimeProvider clock, CancellationToken ct) =>
        FollowUpQueries.Info(await commands.CloseAsync(id, body, ct), Period.LocalDate(clock.GetUtcNow()));
}
