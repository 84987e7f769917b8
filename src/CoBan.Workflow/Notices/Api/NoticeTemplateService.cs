using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Per-bureau template overrides, edited by administrators: list, read, preview with the sample case,
/// save as a new version (who, when, comment), history, revert, delete. A template that does not
/// compile or names an unknown variable is refused with 422 naming the line and the name.
/// </summary>
public sealed class NoticeTemplateService(CoBanDbContext db, NoticeCatalog catalog, NoticeTemplateStore store, NoticeRenderer renderer,
    BureauScope scope, CurrentUser user, TimeProvider clock, NoticeSettingsStore settings)
{
    public async Task<List<TemplateSummary>> ListAsync(string? bureau, CancellationToken ct)
    {
        var bureauId = await BureauAsync(bureau, ct);
        var result = new List<TemplateSummary>();
        foreach (var definition in catalog.Notices.OrderBy(n => n.Name))
        {
            var parts = new List<TemplatePartInfo>();
            foreach (var part in definition.Parts)
            {
                var source = await store.ResolveAsync(db, bureauId, definition.Name, part, ct);
                parts.Add(Info(part, source) with { NeedsReview = await ReviewAsync(bureauId, definition.Name, part, ct) is not null });
            }
            result.Add(new TemplateSummary(definition.Name, definition.Title, definition.Audience, definition.Channels, definition.Description, definition.Source,
                definition.Sms?.TemplateCode, definition.Sms?.Params.Keys.ToList(), parts));
        }
        return result;
    }

    public async Task<TemplatePartContent> GetAsync(string name, string part, string? bureau, CancellationToken ct)
    {
        var bureauId = await BureauAsync(bureau, ct);
        Demand(name, part);
        var source = await store.ResolveAsync(db, bureauId, name, part, ct) ?? throw CoBanException.NotFound($"模板 {name}/{part}", $"template {name}/{part}");
        var review = await ReviewAsync(bureauId, name, part, ct);
        return new TemplatePartContent(name, part, source.Override ? "override" : "shipped", source.Version, source.BureauId, source.Content,
            catalog.Shipped(name, part), source.SmsTemplateCode, source.SavedAt, source.SavedBy, review?.ReviewNote, review?.Content);
    }

    public async Task<List<TemplateVersionView>> HistoryAsync(string name, string part, string? bureau, CancellationToken ct)
    {
        var bureauId = await BureauAsync(bureau, ct);
        Demand(name, part);
        return await db.Set<NoticeTemplateVersion>().AsNoTracking().Where(v => v.BureauId == bureauId && v.Template == name && v.Part == part)
            .OrderByDescending(v => v.Version)
            .Select(v => new TemplateVersionView(v.Version, v.Deleted, v.Content, v.SmsTemplateCode, v.Comment, v.CreatedAt, v.CreatedByName))
            .ToListAsync(ct);
    }

    /// <summary>Renders every channel of the template with the sample case, using the unsaved content given.</summary>
    public async Task<PreviewResult> PreviewAsync(string name, string? bureau, PreviewRequest body, CancellationToken ct)
    {
        var bureauId = await BureauAsync(bureau, ct);
        var definition = catalog.Get(name);
        var unsaved = new Dictionary<string, string>(body.Parts ?? []);
        if (body.Part is { Length: > 0 } p && body.Content is not null) unsaved[p] = body.Content;
        foreach (var (part, content) in unsaved)
        {
            Demand(name, part);
            ThrowIfInvalid(part, content);
        }
        var bureauName = await db.Set<Bureau>().Where(b => b.Id == bureauId).Select(b => b.Name).FirstOrDefaultAsync(ct);
        var model = SampleNoticeModel.Build(bureauName);
        async Task<string> Render(string part, NoticeModel m) => unsaved.TryGetValue(part, out var content)
            ? renderer.RenderUncached(part, content, m)
            : renderer.Render((await store.ResolveAsync(db, bureauId, name, part, ct))!, m);
        var channels = new List<RenderedChannel>();
        foreach (var channel in definition.Channels)
        {
            switch (channel)
            {
                case NoticeParts.Sms:
                    channels.Add(unsaved.TryGetValue(NoticeParts.Sms, out var sms)
                        ? renderer.RenderSmsUncached(sms, model, null)
                        : renderer.RenderSms((await store.ResolveAsync(db, bureauId, name, NoticeParts.Sms, ct))!, model, null));
                    break;
                case NoticeParts.Email:
                    channels.Add(new RenderedChannel(channel, (await Render(NoticeParts.EmailSubject, model)).Trim(), await Render(NoticeParts.EmailText, model),
                        await Render(NoticeParts.EmailHtml, model), null, null));
                    break;
                case NoticeParts.Print:
                    channels.Add(new RenderedChannel(channel, null, null, renderer.PrintPage(definition.Title, await Render(NoticeParts.Print, model.ForPrint())), null, null));
                    break;
            }
        }
        return new PreviewResult(name, channels, (await settings.CurrentAsync(db, ct)).Sms.SignName);
    }

    public async Task<TemplatePartContent> SaveAsync(string name, string part, string? bureau, SaveTemplateRequest body, CancellationToken ct)
    {
        var bureauId = await AdminBureauAsync(bureau, ct);
        Demand(name, part);
        if (string.IsNullOrWhiteSpace(body.Content))
            throw CoBanException.Invalid("template-empty", "模板内容不能为空；要恢复随系统发布的模板请删除覆盖", "the template is empty; delete the override to go back to the shipped one");
        ThrowIfInvalid(part, body.Content);
        await AddVersionAsync(bureauId, name, part, body.Content, part == NoticeParts.Sms ? body.SmsTemplateCode : null, false, body.Comment, ct);
        return await GetAsync(name, part, bureau, ct);
    }

    public async Task<TemplatePartContent> RevertAsync(string name, string part, string? bureau, RevertTemplateRequest body, CancellationToken ct)
    {
        var bureauId = await AdminBureauAsync(bureau, ct);
        Demand(name, part);
        var old = await db.Set<NoticeTemplateVersion>().AsNoTracking()
            .FirstOrDefaultAsync(v => v.BureauId == bureauId && v.Template == name && v.Part == part && v.Version == body.Version, ct)
            ?? throw CoBanException.NotFound($"版本 {body.Version}", $"version {body.Version}");
        if (!old.Deleted) ThrowIfInvalid(part, old.Content!); // the variable contract may have changed since
        await AddVersionAsync(bureauId, name, part, old.Content, old.SmsTemplateCode, old.Deleted, body.Comment ?? $"恢复到版本 {body.Version}", ct);
        return await GetAsync(name, part, bureau, ct);
    }

    public async Task<TemplatePartContent> DeleteAsync(string name, string part, string? bureau, CancellationToken ct)
    {
        var bureauId = await AdminBureauAsync(bureau, ct);
        Demand(name, part);
        var current = await db.Set<NoticeTemplateVersion>().AsNoTracking().Where(v => v.BureauId == bureauId && v.Template == name && v.Part == part)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (current is null or { Deleted: true })
            throw CoBanException.NotFound($"本单位对 {name}/{part} 的覆盖模板", $"an override of {name}/{part} for this bureau");
        await AddVersionAsync(bureauId, name, part, null, null, true, "删除覆盖，恢复随系统发布的模板", ct);
        return await GetAsync(name, part, bureau, ct);
    }

    private async Task AddVersionAsync(long bureauId, string name, string part, string? content, string? smsCode, bool deleted, string? comment, CancellationToken ct)
    {
        var last = await db.Set<NoticeTemplateVersion>().Where(v => v.BureauId == bureauId && v.Template == name && v.Part == part)
            .MaxAsync(v => (int?)v.Version, ct) ?? 0;
        db.Add(new NoticeTemplateVersion
        {
            BureauId = bureauId, Template = name, Part = part, Version = last + 1, Content = content, SmsTemplateCode = smsCode, Deleted = deleted,
            Syntax = NoticeTemplateVersion.Scriban,
            Comment = comment, CreatedAt = clock.GetUtcNow(), CreatedById = user.Id, CreatedByName = user.DisplayName,
        });
        db.Add(new Journal.JournalEntry
        {
            At = clock.GetUtcNow(), BureauId = bureauId, UserId = user.Id, UserName = user.DisplayName, Ip = user.Ip,
            Action = deleted ? "notice-template.deleted" : "notice-template.saved",
            Detail = deleted ? $"删除通知模板覆盖 {name}/{part}（版本 {last + 1}）" : $"保存通知模板 {name}/{part} 版本 {last + 1}：{comment}",
        });
        // Two administrators saving at once both try version last+1: the unique index refuses the second.
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { throw CoBanException.Conflict("concurrent-save", "模板刚被他人保存，请刷新后重试", "someone else saved this template at the same moment; reload and try again"); }
    }

    /// <summary>This bureau's current version when it is an unconverted Handlebars override marked for review (TemplateSyntaxUpgrade).</summary>
    private async Task<NoticeTemplateVersion?> ReviewAsync(long bureauId, string name, string part, CancellationToken ct)
    {
        var current = await db.Set<NoticeTemplateVersion>().AsNoTracking().Where(v => v.BureauId == bureauId && v.Template == name && v.Part == part)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        return current is { ReviewNote: not null, Syntax: null, Deleted: false } ? current : null;
    }

    /// <summary>Refuses with 422 naming the line and the name of every problem.</summary>
    public static void ThrowIfInvalid(string part, string content)
    {
        var problems = NoticeTemplates.Validate(part, content);
        if (problems.Count == 0) return;
        var first = problems[0];
        var errors = problems.GroupBy(p => $"{p.Part}:{p.Line}").ToDictionary(g => g.Key, g => g.Select(p => $"{p.MessageZh} / {p.MessageEn}").ToArray());
        throw CoBanException.Invalid("template-invalid",
                $"模板有 {problems.Count} 处错误，第一处在 {first.Part} 第 {first.Line} 行：{first.MessageZh}",
                $"the template has {problems.Count} error(s), the first in {first.Part} at line {first.Line}: {first.MessageEn}", errors)
            .WithProblems(problems.Select(p => new { part = p.Part, line = p.Line, column = p.Column, name = p.Name, message = p.MessageZh, messageEn = p.MessageEn }));
    }

    private void Demand(string name, string part)
    {
        var definition = catalog.Get(name);
        if (!definition.Parts.Contains(part))
            throw CoBanException.NotFound($"模板“{definition.Title}”的“{part}”部分", $"part '{part}' of template '{name}'");
    }

    private async Task<long> BureauAsync(string? code, CancellationToken ct)
    {
        var id = code is { Length: > 0 }
            ? await db.Set<Bureau>().Where(b => b.Code == code).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct) ?? throw CoBanException.NotFound($"单位 {code}", $"bureau {code}")
            : user.BureauId;
        await scope.DemandAsync(id, ct);
        return id;
    }

    private async Task<long> AdminBureauAsync(string? code, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        return await BureauAsync(code, ct);
    }

    private static TemplatePartInfo Info(string part, TemplateSource? source) =>
        new(part, NoticeParts.ChannelOf(part), source?.Override == true ? "override" : "shipped", source?.Version, source?.BureauId, source?.SavedAt, source?.SavedBy);
}
