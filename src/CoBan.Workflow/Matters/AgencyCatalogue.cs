using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Public;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Matters;

public sealed record PublicMaterial(string Name, bool Required, string? Note);

/// <summary>A matter as posted on the wall (上墙公示): what to bring, how long, what it costs. Nothing internal (ids, reminder settings).</summary>
public sealed record PublicMatter(string Code, string Name, int LimitWorkingDays, string Limit, string Fees, string? LegalBasis, string? InPersonSteps,
    bool TolerantAcceptance, IReadOnlyList<string> ChainBureaus, IReadOnlyList<PublicMaterial> Materials);

/// <summary>One bureau's 代办事项范围 with where and when to find it.</summary>
public sealed record BureauCatalogue(PublicBureau Bureau, IReadOnlyList<PublicMatter> Matters);

/// <summary>
/// The public scope of agency (代办事项范围, seed 004 上墙公示制度): every bureau posts the matters it
/// handles by agency with their materials, limits and fees, and its windows and hours. Seed 004
/// puts all the station's matters in the scope (代辦範圍為…全部便民服務事項), and 代办 (seed 003) may
/// take any matter of a bureau's catalogue on written entrustment, so the scope is the active catalogue.
/// </summary>
public sealed class AgencyCatalogue(CoBanDbContext db)
{
    public async Task<List<BureauCatalogue>> ListAsync(string? bureauCode, CancellationToken ct)
    {
        var bureaus = await db.Set<Bureau>().AsNoTracking().Where(b => b.Active).OrderBy(b => b.Level).ThenBy(b => b.Id).ToListAsync(ct);
        var names = bureaus.ToDictionary(b => b.Id, b => b.Name);
        var codes = bureaus.ToDictionary(b => b.Id, b => b.Code);
        if (bureauCode is not null)
        {
            bureaus = bureaus.Where(b => b.Code == bureauCode.Trim()).ToList();
            if (bureaus.Count == 0) throw CoBanException.NotFound($"单位 {bureauCode}", $"bureau {bureauCode}");
        }
        var ids = bureaus.Select(b => b.Id).ToList();
        var matters = await db.Set<Matter>().AsNoTracking().Where(m => m.Active && ids.Contains(m.BureauId)).OrderBy(m => m.Code).ToListAsync(ct);
        var matterIds = matters.Select(m => m.Id).ToList();
        var materials = (await db.Set<MatterMaterial>().AsNoTracking().Where(m => matterIds.Contains(m.MatterId)).OrderBy(m => m.Position).ToListAsync(ct))
            .ToLookup(m => m.MatterId);
        var chains = (await db.Set<MatterChainLink>().AsNoTracking().Where(l => matterIds.Contains(l.MatterId)).OrderBy(l => l.Position).ToListAsync(ct))
            .ToLookup(l => l.MatterId);
        return bureaus.Select(b => new BureauCatalogue(PublicEndpoints.Public(b, b.ParentId is { } p ? codes.GetValueOrDefault(p) : null),
            matters.Where(m => m.BureauId == b.Id).Select(m => new PublicMatter(m.Code, m.Name, m.LimitWorkingDays,
                m.LimitWorkingDays == 0 ? "即办（当场办结）" : $"{m.LimitWorkingDays} 个工作日",
                string.IsNullOrWhiteSpace(m.Fees) ? "免费" : m.Fees!, m.LegalBasis, m.InPersonSteps, m.TolerantAcceptance,
                chains[m.Id].Select(l => names.GetValueOrDefault(l.BureauId, "")).ToList(),
                materials[m.Id].Select(x => new PublicMaterial(x.Name, x.Required, x.Note)).ToList())).ToList())).ToList();
    }
}
