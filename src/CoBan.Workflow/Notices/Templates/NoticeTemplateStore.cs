using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Notices;

/// <summary>Where a template part comes from: the shipped file or a bureau's saved version.</summary>
public sealed record TemplateSource(string Template, string Part, string Content, bool Override, long? BureauId, int? Version, string? SmsTemplateCode,
    DateTimeOffset? SavedAt, string? SavedBy)
{
    /// <summary>(bureau, template, part, version) for overrides; the shipped catalog's hash for files.</summary>
    public string CacheKey(string shippedHash) => Override ? $"o:{BureauId}:{Template}:{Part}:{Version}" : $"s:{shippedHash}:{Template}:{Part}";
}

/// <summary>
/// Resolves the template part a bureau uses: its own current override, else the nearest ancestor
/// bureau's (a city-centre override applies to the bureaus under it), else the shipped file. A
/// deleted override hands back to what is inherited, and so does one still in the Handlebars syntax of
/// older releases that the upgrade could not convert (marked for review).
/// </summary>
public sealed class NoticeTemplateStore(NoticeCatalog catalog)
{
    public async Task<TemplateSource?> ResolveAsync(CoBanDbContext db, long? bureauId, string template, string part, CancellationToken ct)
    {
        if (bureauId is { } id)
        {
            var chain = await ChainAsync(db, id, ct);
            var versions = await db.Set<NoticeTemplateVersion>().AsNoTracking()
                .Where(v => chain.Contains(v.BureauId) && v.Template == template && v.Part == part)
                .ToListAsync(ct);
            foreach (var bureau in chain)
            {
                var current = versions.Where(v => v.BureauId == bureau).MaxBy(v => v.Version);
                // A Handlebars version the upgrade could not convert waits for an administrator: the inherited one is used meanwhile.
                if (current is { Deleted: false, Content: not null, Syntax: NoticeTemplateVersion.Scriban })
                    return new TemplateSource(template, part, current.Content, true, bureau, current.Version, current.SmsTemplateCode, current.CreatedAt, current.CreatedByName);
            }
        }
        return catalog.Shipped(template, part) is { } shipped ? new TemplateSource(template, part, shipped, false, null, null, null, null, null) : null;
    }

    /// <summary>The bureau and its ancestors, nearest first.</summary>
    public static async Task<List<long>> ChainAsync(CoBanDbContext db, long bureauId, CancellationToken ct)
    {
        var parents = await db.Set<Bureau>().AsNoTracking().Select(b => new { b.Id, b.ParentId }).ToDictionaryAsync(b => b.Id, b => b.ParentId, ct);
        var chain = new List<long>();
        for (long? at = bureauId; at is { } a && !chain.Contains(a); at = parents.GetValueOrDefault(a)) chain.Add(a);
        return chain;
    }
}
