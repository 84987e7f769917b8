using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Matters;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Supervision;

/// <summary>Names the group keys of the figures: bureau ids, coordinator (user) ids, matter ids.</summary>
public sealed class SubjectLabels(CoBanDbContext db)
{
    public static Subject Placeholder(Dimension dimension, string key) => new(dimension.Code(), key, null, key, null, null, null);

    /// <summary>
    /// The subjects that get a row even without data, so a silent bureau or coordinator shows as zeros:
    /// every selected bureau; every active coordinator of them (only the caller, for a coordinator).
    /// </summary>
    public async Task<IReadOnlyList<string>> ExpectedAsync(Selection selection, Dimension dimension, CancellationToken ct)
    {
        switch (dimension)
        {
            case Dimension.Bureau:
                return selection.BureauIds.Select(Key).ToList();
            case Dimension.Coordinator when selection.OwnerId is { } owner:
                return [owner];
            case Dimension.Coordinator:
                var ids = selection.BureauIds;
                var roles = new[] { Roles.Coordinator, Roles.ChiefCoordinator };
                return await (from u in db.Users.AsNoTracking()
                              join ur in db.UserRoles on u.Id equals ur.UserId
                              join r in db.Roles on ur.RoleId equals r.Id
                              where u.Active && ids.Contains(u.BureauId) && roles.Contains(r.Name!)
                              select u.Id).Distinct().ToListAsync(ct);
            default:
                return [];
        }
    }

    public async Task<Dictionary<string, Subject>> LabelAsync(Selection selection, Dimension dimension, IEnumerable<string> keys, CancellationToken ct)
    {
        var wanted = keys.ToList();
        var result = new Dictionary<string, Subject>(StringComparer.Ordinal);
        switch (dimension)
        {
            case Dimension.Bureau:
                foreach (var key in wanted)
                    result[key] = long.TryParse(key, out var id) && selection.Bureaus.TryGetValue(id, out var b)
                        ? new Subject("bureau", key, b.Code, b.Name, null, null, b.Level.Code())
                        : Placeholder(dimension, key);
                break;
            case Dimension.Coordinator:
                var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
                    .Select(u => new { u.Id, u.UserName, u.DisplayName, u.BureauId }).ToDictionaryAsync(u => u.Id, ct);
                foreach (var key in wanted)
                {
                    if (users.TryGetValue(key, out var u))
                    {
                        var bureau = selection.Bureaus.GetValueOrDefault(u.BureauId);
                        result[key] = new Subject("coordinator", key, u.UserName, u.DisplayName, bureau?.Code, bureau?.Name, bureau?.Level.Code());
                    }
                    else result[key] = new Subject("coordinator", key, null, key == "" ? "（未接收处理）" : key, null, null, null);
                }
                break;
            default:
                var matterIds = wanted.Select(k => long.TryParse(k, out var id) ? id : 0).Where(id => id != 0).ToList();
                var matters = await db.Set<Matter>().AsNoTracking().Where(m => matterIds.Contains(m.Id))
                    .Select(m => new { m.Id, m.Code, m.Name, m.BureauId }).ToDictionaryAsync(m => m.Id, ct);
                foreach (var key in wanted)
                {
                    if (long.TryParse(key, out var id) && matters.TryGetValue(id, out var m))
                    {
                        var bureau = selection.Bureaus.GetValueOrDefault(m.BureauId);
                        result[key] = new Subject("matter", key, m.Code, m.Name, bureau?.Code, bureau?.Name, bureau?.Level.Code());
                    }
                    else result[key] = new Subject("matter", key, null, "（无事项）", null, null, null);
                }
                break;
        }
        return result;
    }

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
