using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tasks;

/// <summary>Who holds a duty role in a bureau at a moment (the rosters feature answers from the duty roster).</summary>
public interface IDutyDirectory
{
    /// <summary>User id of the holder of <paramref name="role"/> for the bureau at <paramref name="at"/>, or null.</summary>
    Task<string?> OnDutyAsync(CoBanDbContext db, long bureauId, string role, DateTimeOffset at, CancellationToken ct);
}

/// <summary>Without rosters: the first active user of the bureau who has the role.</summary>
public sealed class RoleDutyDirectory : IDutyDirectory
{
    public async Task<string?> OnDutyAsync(CoBanDbContext db, long bureauId, string role, DateTimeOffset at, CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).FirstOrDefaultAsync(ct);
        if (roleId is null) return null;
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      where ur.RoleId == roleId && u.BureauId == bureauId && u.Active
                      orderby u.UserName
                      select u.Id).FirstOrDefaultAsync(ct);
    }
}
