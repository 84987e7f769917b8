using System.Text;
using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Supervision;

public sealed record ReportInfo(long Id, CodeLabel Kind, string Period, string PeriodLabel, DateOnly From, DateOnly To, BureauRef Bureau, int Revision, string Title,
    DateTimeOffset GeneratedAt, string Trigger, string? GeneratedBy, IReadOnlyList<string> Recipients, int EmailsQueued, IReadOnlyList<Headline> Summary,
    string HtmlUrl, string CsvUrl);

public sealed record ReportPage(int Total, int Page, int PageSize, IReadOnlyList<ReportInfo> Rows);

public sealed record GenerateReportRequest(string? Kind, string? Period, string? Bureau);

public sealed record ScheduleInfo(CodeLabel Kind, string? Cron, bool Enabled, DateTimeOffset? NextDueAt, DateTimeOffset? LastRunAt, string? LastError, IReadOnlyList<string> Recipients);

/// <summary>
/// Stored reports: a supervisor sees those of the bureaus in their scope; a duty leader or chief
/// coordinator those of their own bureau (its duty schedule). Downloads are the stored HTML (print it
/// from the browser) and CSV (UTF-8 with a byte order mark, so Excel reads the Chinese).
/// </summary>
internal static class ReportEndpoints
{
    private static async Task<IReadOnlyCollection<long>> ReadableAsync(CurrentUser me, BureauScope scope, CancellationToken ct)
    {
        if (me.IsIn(Roles.Supervisor)) return await scope.VisibleAsync(ct);
        if (me.IsAnyOf(Roles.DutyLeader, Roles.ChiefCoordinator)) return [me.BureauId];
        throw CoBanException.Forbidden("报表仅向监督员、带班领导和首席协办员开放", "reports are for supervisors, duty leaders and chief coordinators");
    }

    public static async Task<ReportPage> List(string? kind, string? bureau, int? page, int? pageSize, CoBanDbContext db, CurrentUser me, BureauScope scope, CancellationToken ct)
    {
        var readable = await ReadableAsync(me, scope, ct);
        var query = db.Set<SupervisionReport>().AsNoTracking().Where(r => readable.Contains(r.ScopeBureauId));
        if (!string.IsNullOrWhiteSpace(kind))
        {
            var k = ReportKinds.Parse(kind);
            query = query.Where(r => r.Kind == k);
        }
        if (!string.IsNullOrWhiteSpace(bureau))
        {
            var id = await db.Set<Bureau>().Where(b => b.Code == bureau).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"单位 {bureau}", $"bureau {bureau}");
            query = query.Where(r => r.ScopeBureauId == id);
        }
        var size = Math.Clamp(pageSize ?? 50, 1, 200);
        var number = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.GeneratedAt).ThenByDescending(r => r.Id).Skip((number - 1) * size).Take(size)
            .Select(r => new { r.Id, r.Kind, r.PeriodKey, r.PeriodFrom, r.PeriodTo, r.ScopeBureauId, r.Revision, r.Title, r.GeneratedAt, r.Trigger, r.GeneratedByName, r.Recipients, r.EmailsQueued, r.Summary })
            .ToListAsync(ct);
        var bureaus = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        return new ReportPage(total, number, size, rows.Select(r => Info(r.Id, r.Kind, r.PeriodKey, r.PeriodFrom, r.PeriodTo, bureaus[r.ScopeBureauId], r.Revision, r.Title,
            r.GeneratedAt, r.Trigger, r.GeneratedByName, r.Recipients, r.EmailsQueued, r.Summary)).ToList());
    }

    public static async Task<ReportInfo> Get(long id, CoBanDbContext db, CurrentUser me, BureauScope scope, CancellationToken ct)
    {
        var r = await ReadAsync(id, db, me, scope, ct);
        var bureau = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == r.ScopeBureauId, ct);
        return Info(r.Id, r.Kind, r.PeriodKey, r.PeriodFrom, r.PeriodTo, bureau, r.Revision, r.Title, r.GeneratedAt, r.Trigger, r.GeneratedByName, r.Recipients, r.EmailsQueued, r.Summary);
    }

    public static async Task<ContentHttpResult> Html(long id, CoBanDbContext db, CurrentUser me, BureauScope scope, CancellationToken ct) =>
        TypedResults.Content((await ReadAsync(id, db, me, scope, ct)).Html, "text/html; charset=utf-8", Encoding.UTF8);

    public static async Task<FileContentHttpResult> Csv(long id, CoBanDbContext db, CurrentUser me, BureauScope scope, CancellationToken ct)
    {
        var r = await ReadAsync(id, db, me, scope, ct);
        var code = await db.Set<Bureau>().Where(b => b.Id == r.ScopeBureauId).Select(b => b.Code).FirstAsync(ct);
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(r.Csv)], "text/csv; charset=utf-8", $"{r.Kind.Code()}-{r.PeriodKey}-{code}-r{r.Revision}.csv");
    }

    /// <summary>Generates a report now (a new revision if it exists): supervisors, for a bureau in their scope (default: their own).</summary>
    public static async Task<Created<ReportInfo>> Generate(GenerateReportRequest body, ReportService reports, CoBanDbContext db, CurrentUser me, BureauScope scope, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Supervisor);
        var kind = ReportKinds.Parse(body.Kind);
        var bureau = string.IsNullOrWhiteSpace(body.Bureau)
            ? await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == me.BureauId, ct)
            : await reports.BureauAsync(body.Bureau.Trim(), ct);
        await scope.DemandAsync(bureau.Id, ct);
        var period = kind.PeriodFor(body.Period, Period.LocalDate(clock.GetUtcNow()));
        var report = await reports.GenerateAsync(kind, period, bureau, new ReportTrigger("manual", me.Id, me.DisplayName), ct)
            ?? throw CoBanException.Conflict("report-exists", "报表正在生成，请稍后刷新", "the report is being generated; reload in a moment");
        var info = Info(report.Id, report.Kind, report.PeriodKey, report.PeriodFrom, report.PeriodTo, bureau, report.Revision, report.Title, report.GeneratedAt,
            report.Trigger, report.GeneratedByName, report.Recipients, report.EmailsQueued, report.Summary);
        return TypedResults.Created($"/api/v1/supervision/reports/{report.Id}", info);
    }

    public static async Task<List<ScheduleInfo>> Schedule(CoBanDbContext db, CurrentUser me, BureauScope scope, IOptions<ReportOptions> options, CancellationToken ct)
    {
        await ReadableAsync(me, scope, ct);
        var states = await db.Set<ReportScheduleState>().AsNoTracking().ToDictionaryAsync(s => s.Kind, ct);
        var o = options.Value;
        return Enum.GetValues<ReportKind>().Select(k =>
        {
            var state = states.GetValueOrDefault(k);
            var cron = o.ScheduleOf(k);
            return new ScheduleInfo(new CodeLabel(k.Code(), k.Zh()), cron, o.Enabled && cron is not null, cron is null ? null : state?.NextDueAt, state?.LastRunAt, state?.LastError, o.RecipientsOf(k));
        }).ToList();
    }

    private static async Task<SupervisionReport> ReadAsync(long id, CoBanDbContext db, CurrentUser me, BureauScope scope, CancellationToken ct)
    {
        var readable = await ReadableAsync(me, scope, ct);
        var report = await db.Set<SupervisionReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw CoBanException.NotFound("报表", "report");
        if (!readable.Contains(report.ScopeBureauId)) throw CoBanException.Forbidden("无权查看该报表", "that report is outside your scope");
        return report;
    }

    private static ReportInfo Info(long id, ReportKind kind, string periodKey, DateOnly from, DateOnly to, Bureau bureau, int revision, string title, DateTimeOffset generatedAt,
        string trigger, string? by, string? recipients, int emails, string? summary) =>
        new(id, new CodeLabel(kind.Code(), kind.Zh()), periodKey, new Period(PeriodKind.Custom, from, to) is var p ? PeriodLabel(kind, periodKey, p) : "",
            from, to, new BureauRef(bureau.Id, bureau.Code, bureau.Name), revision, title, generatedAt, trigger, by,
            (recipients ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries), emails,
            summary is null ? [] : JsonSerializer.Deserialize<List<Headline>>(summary, JsonSerializerOptions.Web) ?? [],
            $"/api/v1/supervision/reports/{id}/html", $"/api/v1/supervision/reports/{id}/csv");

    private static string PeriodLabel(ReportKind kind, string key, Period fallback)
    {
        try { return kind.PeriodFor(key, fallback.From).Label; }
        catch (CoBanException) { return fallback.Label; }
    }
}
