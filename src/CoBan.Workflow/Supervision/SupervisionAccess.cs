using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

/// <summary>How much of the figures a caller sees (issue 8): a supervisor every bureau in their scope, a duty leader (or chief coordinator) their bureau, a coordinator their own figures.</summary>
public enum ViewerKind { Supervisor, BureauLead, Coordinator }

/// <summary>
/// The bureaus a figure covers, after the caller's scope and the filters; <see cref="OwnerId"/> set
/// when only one coordinator's own figures may be shown.
/// </summary>
public sealed record Selection(ViewerKind Viewer, IReadOnlyList<long> BureauIds, string? OwnerId, IReadOnlyDictionary<long, Bureau> Bureaus)
{
    public bool Covers(long bureauId) => BureauIds.Contains(bureauId);

    /// <summary>Every bureau there is: the queries then need no bureau filter at all.</summary>
    public bool AllBureaus => BureauIds.Count == Bureaus.Count;
}

public sealed class SupervisionAccess(CoBanDbContext db, CurrentUser me, BureauScope scope)
{
    public ViewerKind Viewer()
    {
        if (me.IsIn(Roles.Supervisor)) return ViewerKind.Supervisor;
        if (me.IsAnyOf(Roles.DutyLeader, Roles.ChiefCoordinator)) return ViewerKind.BureauLead;
        if (me.IsIn(Roles.Coordinator)) return ViewerKind.Coordinator;
        throw CoBanException.Forbidden("督查统计仅向监督员、带班领导、首席协办员和协办员（本人）开放",
            "supervision figures are for supervisors, duty leaders, chief coordinators and coordinators (their own)");
    }

    /// <summary>
    /// The caller's bureaus narrowed by <paramref name="bureau"/> (that bureau and the bureaus below it)
    /// and <paramref name="level"/>. A bureau outside the caller's scope is refused (403), not silently dropped.
    /// </summary>
    public async Task<Selection> SelectAsync(string? bureau, string? level, CancellationToken ct)
    {
        var viewer = Viewer();
        var all = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        IEnumerable<long> ids = viewer == ViewerKind.Supervisor ? await scope.VisibleAsync(ct) : [me.BureauId];
        if (!string.IsNullOrWhiteSpace(bureau))
        {
            var root = all.Values.FirstOrDefault(b => b.Code == bureau.Trim()) ?? throw CoBanException.NotFound($"单位 {bureau}", $"bureau {bureau}");
            if (!ids.Contains(root.Id)) throw CoBanException.Forbidden("无权查看该单位的督查统计", "that bureau is outside your scope");
            var below = Subtree(all, root.Id);
            ids = ids.Where(below.Contains);
        }
        if (!string.IsNullOrWhiteSpace(level))
        {
            var wanted = int.TryParse(level, out var n) && Enum.IsDefined((BureauLevel)n) ? (BureauLevel)n : EnumCodes.Parse<BureauLevel>(level, "level");
            ids = ids.Where(id => all.TryGetValue(id, out var b) && b.Level == wanted);
        }
        var owner = viewer == ViewerKind.Coordinator ? me.Id : null;
        return new Selection(viewer, ids.Distinct().Order().ToList(), owner, all);
    }

    /// <summary>The supervision office's bureaus: what a scheduled report of <paramref name="scopeBureauId"/> covers.</summary>
    public static async Task<Selection> ForScopeAsync(CoBanDbContext db, long scopeBureauId, CancellationToken ct)
    {
        var all = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        return new Selection(ViewerKind.Supervisor, Subtree(all, scopeBureauId).Order().ToList(), null, all);
    }

    public static HashSet<long> Subtree(IReadOnlyDictionary<long, Bureau> all, long rootId)
    {
        var set = new HashSet<long> { rootId };
        var frontier = new Queue<long>([rootId]);
        while (frontier.TryDequeue(out var id))
            foreach (var child in all.Values.Where(b => b.ParentId == id))
                if (set.Add(child.Id)) frontier.Enqueue(child.Id);
        return set;
    }

    public string? UserId => me.Id;
    public string DisplayName => me.DisplayName;
}
