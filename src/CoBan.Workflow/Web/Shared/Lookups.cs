using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web;

public sealed record BureauOption(long Id, string Code, string Name, BureauLevel Level, long? ParentId);

/// <summary>Names for ids, and the bureaus a user may pick from: small reads every page needs.</summary>
public sealed class Lookups(CoBanDbContext db, BureauScope scope)
{
    public async Task<List<BureauOption>> VisibleBureausAsync(CancellationToken ct = default)
    {
        var visible = await scope.VisibleAsync(ct);
        return await db.Set<Bureau>().AsNoTracking().Where(b => visible.Contains(b.Id)).OrderBy(b => b.Level).ThenBy(b => b.Code)
            .Select(b => new BureauOption(b.Id, b.Code, b.Name, b.Level, b.ParentId)).ToListAsync(ct);
    }

    /// <summary>Display names of users (journal and version rows keep ids).</summary>
    public async Task<Dictionary<string, string>> UserNamesAsync(IEnumerable<string?> ids, CancellationToken ct = default)
    {
        var wanted = ids.Where(id => id is not null).Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>Active users of a bureau holding a role (user name, display name), for roster forms.</summary>
    public async Task<List<(string UserName, string DisplayName)>> StaffAsync(long bureauId, string role, CancellationToken ct = default)
    {
        var rows = await (from u in db.Users.AsNoTracking()
                          join ur in db.UserRoles on u.Id equals ur.UserId
                          join r in db.Roles on ur.RoleId equals r.Id
                          where u.BureauId == bureauId && u.Active && r.Name == role
                          orderby u.UserName
                          select new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return rows.Select(r => (r.UserName!, r.DisplayName)).ToList();
    }

    public Task<string?> EmailAsync(string userId, CancellationToken ct = default) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);

    /// <summary>"Procedure name v2" per instance id, for task lists.</summary>
    public async Task<Dictionary<long, string>> ProcedureNamesAsync(IEnumerable<long> instanceIds, CancellationToken ct = default)
    {
        var ids = instanceIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await (from i in db.Set<ProcessInstance>().AsNoTracking()
                          join p in db.Set<Procedure>() on i.ProcedureId equals p.Id
                          join v in db.Set<ProcedureVersion>() on i.ProcedureVersionId equals v.Id
                          where ids.Contains(i.Id)
                          select new { i.Id, p.Name, v.Number }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => $"{r.Name} v{r.Number}");
    }
}
