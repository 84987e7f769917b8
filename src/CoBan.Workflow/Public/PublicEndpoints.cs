using System.Threading.RateLimiting;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Rosters;
using CoBan.Workflow.Runtime;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Public;

/// <summary>
/// The public pages' API, no log-in: the duty board of each bureau (seeds 000/001 publish it daily on
/// the notice board and the website), the progress lookup by case number and phone, and the
/// applicant's evaluation (好差评). Lookups are rate-limited per address so case numbers cannot be mined.
/// </summary>
public static class PublicEndpoints
{
    public const string RateLimit = "public-lookup";

    public static IServiceCollection AddPublicRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("CoBan:PublicLookupsPerMinute", 10);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(RateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            "public:" + (http.Connection.RemoteIpAddress?.ToString() ?? "?"), _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    public static IEndpointRouteBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/public").AllowAnonymous().WithTags("Public");
        api.MapGet("/bureaus", Bureaus);
        api.MapGet("/bureaus/{code}/duty", Duty);
        api.MapGet("/photos/{userName}", Photo);
        api.MapGet("/matters", Catalogue);
        api.MapGet("/progress", (string? number, string? phone, ProgressLookup lookup, CancellationToken ct) => lookup.FindAsync(number, phone, ct)).RequireRateLimiting(RateLimit);
        api.MapPost("/evaluations", Evaluate).RequireRateLimiting(RateLimit);
        // The short link of receipts, replies and SMS: no lookup here, so it tells nothing about whether a number exists.
        app.MapGet(RatingLinks.Route, (string number) => number.Length > 40 ? Results.NotFound() : Results.Redirect(RatingLinks.Target(number)))
            .AllowAnonymous().WithTags("Public").WithSummary("好差评短链接：转到该办件的查询评价页");
        return app;
    }

    private static async Task<List<PublicBureau>> Bureaus(CoBanDbContext db, CancellationToken ct)
    {
        var all = await db.Set<Bureau>().AsNoTracking().Where(b => b.Active).OrderBy(b => b.Level).ThenBy(b => b.Id).ToListAsync(ct);
        var codes = all.ToDictionary(b => b.Id, b => b.Code);
        return all.Select(b => Public(b, b.ParentId is { } p ? codes.GetValueOrDefault(p) : null)).ToList();
    }

    private static async Task<DutyBoard> Duty(string code, CoBanDbContext db, RosterService rosters, HttpContext http, CancellationToken ct)
    {
        var bureau = await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code && b.Active, ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}");
        var duty = await rosters.OnDutyAsync(bureau, ct);
        http.Response.Headers.CacheControl = "public, max-age=60";
        PublicPerson Person(DutyPerson p) => new(p.DisplayName, p.Title, p.Office, p.OfficePhone, p.HasPhoto ? $"/api/v1/public/photos/{Uri.EscapeDataString(p.UserName)}" : null,
            bureau.PublishDutyMobiles ? p.Mobile : null);
        return new DutyBoard(Public(bureau, null), duty.Date, RosterService.Weekdays[(int)duty.Date.DayOfWeek], duty.Coordinators.Select(Person).ToList(),
            duty.DutyLeader is null ? null : Person(duty.DutyLeader), bureau.SupervisionHotline);
    }

    private static async Task<IResult> Photo(string userName, CoBanDbContext db, HttpContext http, CancellationToken ct)
    {
        var photo = await (from p in db.Set<StaffPhoto>().AsNoTracking() join u in db.Users on p.UserId equals u.Id
                           where u.UserName == userName && u.Active select p).FirstOrDefaultAsync(ct)
            ?? throw CoBanException.NotFound("照片", "photo");
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.File(photo.Data, photo.ContentType);
    }

    private static async Task<EvaluationInfo> Evaluate(PublicEvaluationRequest body, ProgressLookup lookup, CaseEvaluations evaluations, CancellationToken ct)
    {
        var c = await lookup.MatchAsync(body.Number, body.Phone, ct);
        var evaluation = await evaluations.EvaluateAsync(c.Id, new EvaluationRequest(body.Level, body.Comment, body.RealName), "public",
            new Actor(null, body.RealName == true ? $"申请人 {ProgressLookup.MaskName(c)}" : "匿名申请人", null), ct);
        return CaseQueries.Evaluation(evaluation);
    }

    /// <summary>代办事项范围 (seed 004 上墙公示), all bureaus or <paramref name="bureau"/>'s.</summary>
    private static async Task<List<Matters.BureauCatalogue>> Catalogue(string? bureau, Matters.AgencyCatalogue catalogue, HttpContext http, CancellationToken ct)
    {
        var list = await catalogue.ListAsync(bureau, ct);
        http.Response.Headers.CacheControl = "public, max-age=300";
        return list;
    }

    internal static PublicBureau Public(Bureau b, string? parent) =>
        new(b.Code, b.Name, EnumCodes.Code(b.Level), parent, b.Address, b.Windows, b.Phone, b.SupervisionHotline, b.ServiceHours);
}
