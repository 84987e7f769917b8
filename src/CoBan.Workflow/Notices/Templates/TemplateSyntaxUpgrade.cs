using CoBan.Workflow.Data;
using CoBan.Workflow.Journal;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// On start: converts every bureau's current template override still in the Handlebars syntax of older
/// releases to Scriban (<see cref="HandlebarsToScriban"/>). A converted override becomes a new version
/// (the Handlebars one stays in the history); one that cannot be converted, or whose conversion does not
/// pass the validator, is kept and marked for review (<see cref="NoticeTemplateVersion.ReviewNote"/>),
/// shown in the template editor, and the inherited or shipped template is used until an administrator
/// saves a fixed one. Each outcome is journaled. Idempotent: a current version that is Scriban, deleted or
/// already marked is left alone, so a restart (or a second node) does nothing more. A start-up step rather
/// than an EF data migration because the conversion is C# that a migration's SQL cannot run, on SQLite and
/// PostgreSQL alike; the schema part (Syntax, ReviewNote) is the migration Notice_ScribanTemplates.
/// </summary>
public sealed class TemplateSyntaxUpgrade(IServiceScopeFactory scopes, ILogger<TemplateSyntaxUpgrade> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        try
        {
            var (converted, marked) = await RunAsync(db, now, ct);
            if (converted + marked > 0)
                log.LogWarning("Notice template overrides upgraded to Scriban: {Converted} converted, {Marked} marked for review", converted, marked);
        }
        catch (DbUpdateException e)
        {
            // Another node upgraded the same override at the same moment (unique version): its row is as good as ours.
            log.LogInformation("Notice template upgrade raced another node: {Message}", e.InnerException?.Message ?? e.Message);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    public static async Task<(int Converted, int Marked)> RunAsync(CoBanDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var legacy = await db.Set<NoticeTemplateVersion>().Where(v => v.Syntax == null).Select(v => new { v.BureauId, v.Template, v.Part })
            .Distinct().ToListAsync(ct);
        var (converted, marked) = (0, 0);
        foreach (var key in legacy)
        {
            var current = await db.Set<NoticeTemplateVersion>().Where(v => v.BureauId == key.BureauId && v.Template == key.Template && v.Part == key.Part)
                .OrderByDescending(v => v.Version).FirstAsync(ct);
            if (current.Syntax == NoticeTemplateVersion.Scriban || current.Deleted || current.ReviewNote is not null || current.Content is null) continue;
            var result = current.Part == NoticeParts.Sms
                ? HandlebarsToScriban.ConvertSms(current.Content)
                : HandlebarsToScriban.Convert(current.Content, NoticeParts.IsHtml(current.Part));
            var problems = result.Scriban is null ? [] : NoticeTemplates.Validate(current.Part, result.Scriban);
            var where = $"{current.Template}/{current.Part} 版本 {current.Version}";
            if (result.Scriban is not null && problems.Count == 0)
            {
                db.Add(new NoticeTemplateVersion
                {
                    BureauId = current.BureauId, Template = current.Template, Part = current.Part, Version = current.Version + 1, Content = result.Scriban,
                    SmsTemplateCode = current.SmsTemplateCode, Syntax = NoticeTemplateVersion.Scriban, CreatedAt = now, CreatedByName = "系统升级",
                    Comment = $"由版本 {current.Version}（Handlebars）自动转换为 Scriban",
                });
                db.Add(new JournalEntry
                {
                    At = now, BureauId = current.BureauId, UserName = "系统", Action = "notice-template.upgraded",
                    Detail = $"通知模板覆盖 {where} 已自动从 Handlebars 转换为 Scriban（版本 {current.Version + 1}）",
                });
                converted++;
            }
            else
            {
                var reasonZh = result.ProblemZh ?? $"转换后仍有错误：{problems[0].MessageZh}（第 {problems[0].Line} 行）";
                current.ReviewNote = Limit($"无法自动转换为 Scriban：{reasonZh}。在修正前使用上级单位或随系统发布的模板。");
                db.Add(new JournalEntry
                {
                    At = now, BureauId = current.BureauId, UserName = "系统", Action = "notice-template.review",
                    Detail = Limit($"通知模板覆盖 {where} 无法自动转换为 Scriban，已标记待管理员复核：{reasonZh}"),
                });
                marked++;
            }
            await db.SaveChangesAsync(ct);
        }
        return (converted, marked);
    }

    private static string Limit(string text) => text.Length <= 1000 ? text : text[..999] + "…";
}
