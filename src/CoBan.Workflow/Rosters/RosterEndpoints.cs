using System.Text;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoBan.Workflow.Rosters;

public static class RosterEndpoints
{
    public static IEndpointRouteBuilder MapRosterApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/rosters").RequireAuthorization().WithTags("Rosters");
        api.MapGet("/{bureau}", (string bureau, DateOnly? from, DateOnly? to, RosterService s, CancellationToken ct) => s.ListAsync(bureau, from, to, ct));
        api.MapPut("/{bureau}/{date}", (string bureau, DateOnly date, DutyDayRequest body, RosterService s, CancellationToken ct) => s.SetDayAsync(bureau, date, body, ct));
        api.MapDelete("/{bureau}/{date}", async (string bureau, DateOnly date, RosterService s, CancellationToken ct) =>
        {
            await s.ClearDayAsync(bureau, date, ct);
            return TypedResults.NoContent();
        });
        api.MapPost("/{bureau}/rotation", (string bureau, RotationRequest body, RosterService s, CancellationToken ct) => s.RotateAsync(bureau, body, ct));
        api.MapGet("/{bureau}/now", async (string bureau, RosterService s, BureauScope scope, CoBanDbContext db, CancellationToken ct) =>
        {
            var b = await BureauEndpoints.FindAsync(db, bureau, ct);
            await scope.DemandAsync(b.Id, ct);
            return await s.OnDutyAsync(b, ct);
        });
        api.MapGet("/{bureau}/schedule", Schedule);
        return app;
    }

    /// <summary>The quarterly schedule: format=json (default), csv (download) or html (print).</summary>
    private static async Task<IResult> Schedule(string bureau, int? year, int? quarter, string? format, RosterService s, BureauScope scope, CoBanDbContext db, CancellationToken ct)
    {
        var b = await BureauEndpoints.FindAsync(db, bureau, ct);
        await scope.DemandAsync(b.Id, ct);
        var today = s.Today();
        var y = year ?? today.Year;
        var q = quarter ?? (today.Month + 2) / 3;
        if (q is < 1 or > 4 || y is < 2000 or > 2100)
            throw CoBanException.BadRequest("bad-quarter", "季度应为 1-4，年份应为 2000-2100", "quarter must be 1-4 and year 2000-2100");
        var from = new DateOnly(y, q * 3 - 2, 1);
        var schedule = ScheduleExport.Build(b, y, q, await s.DaysAsync(b.Id, from, from.AddMonths(3).AddDays(-1), ct));
        var name = $"{b.Code}-{y}-Q{q}";
        return format switch
        {
            null or "json" => TypedResults.Ok(schedule),
            "csv" => TypedResults.File(ScheduleExport.Csv(schedule), "text/csv; charset=utf-8", $"{name}.csv"),
            "html" => TypedResults.Content(ScheduleExport.Html(schedule), "text/html; charset=utf-8", Encoding.UTF8),
            _ => throw CoBanException.BadRequest("bad-format", "format 应为 json、csv 或 html", "format must be json, csv or html"),
        };
    }
}
