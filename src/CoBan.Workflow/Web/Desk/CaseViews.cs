using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Matters;
using CoBan.Workflow.Notices;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web.Desk;

/// <summary>A matter as the intake form offers it: its checklist of materials, limit, in-person steps.</summary>
public sealed record MatterOption(long Id, string Code, string Name, long BureauId, string BureauName, bool Own, bool IsJoint, int LimitWorkingDays,
    string? InPersonSteps, string? LegalBasis, bool TolerantAcceptance, string? Fees, IReadOnlyList<MaterialInfo> Materials);

/// <summary>A form that can be printed for a case (a notice template with a print part).</summary>
public sealed record PrintForm(string Template, string Title);

/// <summary>What the desk's case pages read beyond <see cref="CaseQueries"/>: matters with checklists, a case's notices, printable forms.</summary>
public sealed class CaseViews(CoBanDbContext db, CaseQueries cases, NoticeCatalog catalog)
{
    /// <summary>Active matters, the coordinator's bureau first (a matter of another bureau makes a joint or transfer case).</summary>
    public async Task<List<MatterOption>> MattersAsync(long bureauId, CancellationToken ct)
    {
        var matters = await (from m in db.Set<Matter>().AsNoTracking()
                             join b in db.Set<Bureaus.Bureau>() on m.BureauId equals b.Id
                             where m.Active
                             select new { m, BureauName = b.Name }).ToListAsync(ct);
        var ids = matters.Select(x => x.m.Id).ToList();
        var materials = (await db.Set<MatterMaterial>().AsNoTracking().Where(x => ids.Contains(x.MatterId)).OrderBy(x => x.Position).ToListAsync(ct))
            .ToLookup(x => x.MatterId);
        return matters
            .Select(x => new MatterOption(x.m.Id, x.m.Code, x.m.Name, x.m.BureauId, x.BureauName, x.m.BureauId == bureauId, x.m.IsJoint, x.m.LimitWorkingDays,
                x.m.InPersonSteps, x.m.LegalBasis, x.m.TolerantAcceptance, x.m.Fees,
                materials[x.m.Id].Select(mm => new MaterialInfo(mm.Name, mm.Required, mm.Note)).ToList()))
            .OrderByDescending(m => m.Own).ThenBy(m => m.BureauName).ThenBy(m => m.Code).ToList();
    }

    /// <summary>The case's notices with every delivery (access checked through the case).</summary>
    public async Task<List<NoticeView>> NoticesAsync(long caseId, CancellationToken ct)
    {
        await cases.DetailAsync(caseId, ct);
        var ids = await db.Set<Notice>().AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Select(n => n.Id).ToListAsync(ct);
        var list = new List<NoticeView>(ids.Count);
        foreach (var id in ids) list.Add(await NoticeEndpoints.ViewAsync(db, catalog, id, false, ct));
        return list;
    }

    public List<PrintForm> PrintForms() => catalog.Notices.Where(n => n.Channels.Contains(NoticeParts.Print))
        .OrderBy(n => n.Name == "coordination-log" ? 0 : 1).ThenBy(n => n.Name).Select(n => new PrintForm(n.Name, n.Title)).ToList();
}
