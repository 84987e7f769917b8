using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Identity;

/// <summary>
/// Which bureaus a caller may see. Everyone sees their own bureau; administrators and supervisors
/// also see every bureau below theirs (a city-centre administrator sees the whole city).
/// </summary>
public sealed class BureauScope(CoBanDbContext db, CurrentUser user)
{
    private HashSet<long>? _visible;

    public async Task<HashSet<long>> VisibleAsync(CancellationToken ct)
    {
        if (_visible is not null) return _visible;
        var visible = new HashSet<long> { user.BureauId };
        if (user.IsAnyOf(Roles.Administrator, Roles.Supervisor))
        {
            var all = await db.Set<Bureau>().AsNoTracking().Select(b => new { b.Id, b.ParentId }).ToListAsync(ct);
            var frontier = new Queue<long>([user.BureauId]);
            while (frontier.TryDequeue(out var id))
                foreach (var child in all.Where(b => b.ParentId == id))
                    if (visible.Add(child.Id)) frontier.Enqueue(child.Id);
        }
        return _visible = visible;
    }

    public async Task<bool> CanSeeAsync(long bureauId, CancellationToken ct) => (await VisibleAsync(ct)).Contains(bureauId);

    /// <summary>Refuses with 403 when the bureau is outside the caller's scope.</summary>
    public async Task DemandAsync(long bureauId, CancellationToken ct)
    {
        if (!await CanSeeAsync(bureauId, ct))
            throw CoBanException.Forbidden("无权访问其他单位的数据", "you may not access another bureau's data");
    }

    /// <summary>Refuses with 403 unless the caller has one of the roles (in a bureau they may see).</summary>
    public void DemandRole(params string[] roles)
    {
        if (!user.IsAnyOf(roles))
            throw CoBanException.Forbidden($"需要以下角色之一：{string.Join("、", roles.Select(Roles.Label))}",
                $"this needs one of the roles: {string.Join(", ", roles)}");
    }
}
