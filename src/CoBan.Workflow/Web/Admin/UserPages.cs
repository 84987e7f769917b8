using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web.Admin;

public sealed record UserRow(string Id, string UserName, string DisplayName, long BureauId, string BureauName, IReadOnlyList<string> Roles,
    string? Title, string? Office, string? OfficePhone, string? Mobile, string? Email, bool Active, bool LockedOut);

public sealed class UserForm
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public long BureauId { get; set; }
    public HashSet<string> Roles { get; set; } = [];
    public string? Title { get; set; }
    public string? Office { get; set; }
    public string? OfficePhone { get; set; }
    public string? Mobile { get; set; }
    public string? Email { get; set; }
    public bool Active { get; set; } = true;
    /// <summary>Required for a new user; for an existing one, set only to reset it.</summary>
    public string? Password { get; set; }
}

/// <summary>The user pages' list and form; every change goes through <see cref="UserAdministration"/>, as the API's do.</summary>
public sealed class UserPages(CoBanDbContext db, BureauScope scope, TimeProvider clock, UserAdministration administration)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var visible = await scope.VisibleAsync(ct);
        var rows = await (from u in db.Users.AsNoTracking()
                          join b in db.Set<Bureau>() on u.BureauId equals b.Id
                          where visible.Contains(u.BureauId)
                          orderby b.Code, u.UserName
                          select new { u, BureauName = b.Name }).ToListAsync(ct);
        var ids = rows.Select(r => r.u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(r => new UserRow(r.u.Id, r.u.UserName!, r.u.DisplayName, r.u.BureauId, r.BureauName,
            roles.Where(x => x.UserId == r.u.Id).Select(x => x.Name!).OrderBy(x => Array.IndexOf(Roles.All, x)).ToList(),
            r.u.Title, r.u.Office, r.u.OfficePhone, r.u.PhoneNumber, r.u.Email, r.u.Active, r.u.LockoutEnd > now)).ToList();
    }

    public async Task<string> SaveAsync(UserForm form, CancellationToken ct)
    {
        // The form shows every field: an empty one clears it (""), as the API's explicit empty string does.
        var change = new UserChange(form.UserName, form.DisplayName, form.BureauId, form.Roles, form.Title ?? "", form.Office ?? "", form.OfficePhone ?? "",
            form.Mobile ?? "", form.Email ?? "", form.Password, form.Active);
        var user = form.Id is null ? await administration.CreateAsync(change, ct) : await administration.UpdateByIdAsync(form.Id, change, ct);
        return user.Id;
    }
}
