using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Rosters;

/// <summary>
/// Who is on duty, from the roster: the coordinators and the duty leader of the bureau that day
/// (seeds 000/001), preferring those whose duty hours cover the moment. Without a roster for the
/// day, the first active user with the role (<see cref="RoleDutyDirectory"/>). A bureau without a
/// duty leader of its own (a village station) answers with its parent's (seed 004: the town centre).
/// </summary>
public sealed class RosterDutyDirectory(RoleDutyDirectory fallback) : IDutyDirectory
{
    public async Task<string?> OnDutyAsync(CoBanDbContext db, long bureauId, string role, DateTimeOffset at, CancellationToken ct)
    {
        long? bureau = bureauId;
        for (var depth = 0; bureau is { } id && depth < 4; depth++)
        {
            if (await FindAsync(db, id, role, at, ct) is { } found) return found;
            if (role != Roles.DutyLeader) return null;
            bureau = await db.Set<Bureau>().Where(b => b.Id == id).Select(b => b.ParentId).FirstOrDefaultAsync(ct);
        }
        return null;
    }

    private async Task<string?> FindAsync(CoBanDbContext db, long bureauId, string role, DateTimeOffset at, CancellationToken ct)
    {
        DutyRole? duty = role switch { Roles.Coordinator => DutyRole.Coordinator, Roles.DutyLeader => DutyRole.DutyLeader, _ => null };
        if (duty is { } dutyRole)
        {
            var local = at.ToOffset(ChinaTime.Offset);
            var date = DateOnly.FromDateTime(local.DateTime);
            var time = TimeOnly.FromDateTime(local.DateTime);
            var rows = await (from a in db.Set<DutyAssignment>().AsNoTracking()
                              join u in db.Users on a.UserId equals u.Id
                              where a.BureauId == bureauId && a.Date == date && a.Role == dutyRole && u.Active
                              orderby a.Id
                              select new { a.UserId, a.Start, a.End }).ToListAsync(ct);
            if (rows.Count > 0)
                return (rows.FirstOrDefault(r => r.Start <= time && time <= r.End) ?? rows[0]).UserId;
        }
        return await fallback.OnDutyAsync(db, bureauId, role, at, ct);
    }
}
