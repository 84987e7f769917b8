namespace CoBan.Workflow.Supervision;

/// <summary>/api/v1/supervision/… (docs/supervision.md, "API").</summary>
public static class SupervisionEndpoints
{
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision").RequireAuthorization().WithTags("Supervision");
        api.MapGet("/measures", Measures);
        return app;
    }

    /// <summary>The figures grouped by bureau, coordinator or matter for a period (default: this month), in the caller's scope.</summary>
    private static async Task<MeasureReport> Measures(string? by, string? period, DateOnly? from, DateOnly? to, string? bureau, string? level,
        SupervisionAccess access, MeasureQueries measures, TimeProvider clock, CancellationToken ct)
    {
        var selection = await access.SelectAsync(bureau, level, ct);
        var now = clock.GetUtcNow();
        var p = Period.Parse(period, from, to, Period.LocalDate(now));
        return await measures.ReportAsync(selection, p, Dimensions.Parse(by), now, ct);
    }
}
