using System.Text.Json;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Supervision;

/// <summary>Who asked for a report: the schedule, or a person (their id and name).</summary>
public sealed record ReportTrigger(string Kind, string? UserId, string? UserName)
{
    public static readonly ReportTrigger Schedule = new("schedule", null, null);
}

/// <summary>
/// Generates a report: builds its content from the figures, renders it with its template, stores the
/// row (HTML and CSV) and writes one e-mail notice per recipient to the notices outbox — all in one
/// transaction, so a report is either stored and on its way to everyone, or not there at all.
/// </summary>
public sealed class ReportService(CoBanDbContext db, ReportBuilder builder, ReportRenderer renderer, ReportRecipients recipients,
    IOptions<ReportOptions> options, NoticeSettingsStore noticeSettings, NoticeDispatcher dispatcher, TimeProvider clock, ILogger<ReportService> log)
{
    /// <summary>
    /// Generates the report of <paramref name="kind"/> for <paramref name="period"/> and the bureau <paramref name="scope"/>.
    /// From the schedule: only if it does not exist yet (null otherwise, also when another node generated it first).
    /// On request: always, as the next revision.
    /// </summary>
    public async Task<SupervisionReport?> GenerateAsync(ReportKind kind, Period period, Bureau scope, ReportTrigger trigger, CancellationToken ct)
    {
        var scheduled = trigger.Kind == "schedule";
        var exists = db.Set<SupervisionReport>().Where(r => r.Kind == kind && r.PeriodKey == period.Key && r.ScopeBureauId == scope.Id);
        if (scheduled && await exists.AnyAsync(ct)) return null;
        var revision = (await exists.MaxAsync(r => (int?)r.Revision, ct) ?? 0) + 1;

        var now = clock.GetUtcNow();
        var selection = await SupervisionAccess.ForScopeAsync(db, scope.Id, ct);
        var content = await builder.BuildAsync(kind, scope, selection, period, now, ct);
        var entries = options.Value.RecipientsOf(kind);
        var to = await recipients.ResolveAsync(entries, scope, selection.Bureaus, ct);
        var baseUrl = (await noticeSettings.CurrentAsync(db, ct)).PublicBaseUrl?.TrimEnd('/');

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = new SupervisionReport
        {
            Kind = kind, PeriodKey = period.Key, PeriodFrom = period.From, PeriodTo = period.To, ScopeBureauId = scope.Id, Revision = revision,
            Title = content.Title, Html = "", Csv = ReportRenderer.Csv(content, period),
            Summary = JsonSerializer.Serialize(content.Headline.Select(h => new { label = h.Label, value = h.Value })),
            GeneratedAt = now, Trigger = trigger.Kind, GeneratedById = trigger.UserId, GeneratedByName = trigger.UserName,
            Recipients = to.Count == 0 ? "（未配置收件人）" : string.Join("\n", to.Select(r => r.Display)),
            EmailsQueued = to.Count(r => r.Reachable),
        };
        db.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (scheduled)
        {
            // The unique (kind, period, bureau, revision) index: another node generated it a moment ago.
            log.LogInformation("Report {Kind} {Period} for {Bureau} was generated elsewhere", kind, period.Key, scope.Code);
            db.ChangeTracker.Clear();
            return null;
        }

        var link = baseUrl is null ? null : $"{baseUrl}/api/v1/supervision/reports/{report.Id}/html";
        var vars = ReportRenderer.Vars(content, kind, period, scope, now, link);
        report.Html = await renderer.HtmlAsync(db, kind, scope, vars, now, ct);
        var variables = JsonSerializer.Serialize(vars);
        var n = 0;
        foreach (var recipient in to.Where(r => r.Reachable))
            db.Add(new Notice
            {
                IdempotencyKey = $"report:{report.Id}:{++n}", BureauId = scope.Id, Template = kind.Template(), Channels = NoticeParts.Email,
                Recipient = recipient.Recipient, Variables = variables, Status = NoticeStatus.Pending, CreatedAt = now,
            });
        Journal(report, scope, trigger, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        if (n > 0) dispatcher.Wake();
        log.LogInformation("Report {Kind} {Period} for {Bureau} generated (revision {Revision}, {Count} e-mails)", kind, period.Key, scope.Code, revision, n);
        return report;
    }

    /// <summary>The supervision offices reports go to: the configured bureaus, else every top-level bureau.</summary>
    public async Task<List<Bureau>> ScopesAsync(CancellationToken ct)
    {
        var codes = options.Value.Scopes;
        var bureaus = db.Set<Bureau>().AsNoTracking().Where(b => b.Active);
        return codes.Count > 0
            ? await bureaus.Where(b => codes.Contains(b.Code)).OrderBy(b => b.Id).ToListAsync(ct)
            : await bureaus.Where(b => b.ParentId == null).OrderBy(b => b.Id).ToListAsync(ct);
    }

    public async Task<Bureau> BureauAsync(string code, CancellationToken ct) =>
        await db.Set<Bureau>().AsNoTracking().FirstOrDefaultAsync(b => b.Code == code, ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}");

    private void Journal(SupervisionReport report, Bureau scope, ReportTrigger trigger, DateTimeOffset now) => db.Add(new Journal.JournalEntry
    {
        At = now, BureauId = scope.Id, UserId = trigger.UserId, UserName = trigger.UserName ?? "定时任务", Action = "supervision.report",
        Detail = $"生成{report.Kind.Zh()}：{report.Title}（第 {report.Revision} 版，邮件 {report.EmailsQueued} 封）",
        After = JsonSerializer.Serialize(new { reportId = report.Id, kind = report.Kind.Code(), period = report.PeriodKey }),
    });
}
