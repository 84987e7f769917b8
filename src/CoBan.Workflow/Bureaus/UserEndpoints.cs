using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Rosters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Bureaus;

/// <summary>
/// Staff of the bureaus: administrators create, edit, disable users of the bureaus in their scope
/// and set their roles; everyone reads the users of their own scope (the duty board names them anyway).
/// </summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/users").RequireAuthorization().WithTags("Users");
        api.MapGet("/", List);
        api.MapGet("/{userName}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{userName}", Update);
        api.MapPut("/{userName}/roles", SetRoles);
        api.MapPost("/{userName}/password", SetPassword);
        api.MapPut("/{userName}/photo", SetPhoto);
        api.MapDelete("/{userName}/photo", DeletePhoto);
        app.MapGet("/api/v1/roles", () => Roles.All.Select(r => new RoleInfo(r, Roles.Label(r))).ToList()).RequireAuthorization().WithTags("Users");
        return app;
    }

    private static async Task<List<UserInfo>> List(string? bureau, string? role, bool? active, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        var visible = await scope.VisibleAsync(ct);
        var users = db.Users.AsNoTracking().Where(u => visible.Contains(u.BureauId));
        if (bureau is not null)
        {
            var b = await BureauEndpoints.FindAsync(db, bureau, ct);
            users = users.Where(u => u.BureauId == b.Id);
        }
        if (active is not null) users = users.Where(u => u.Active == active);
        var list = await InfosAsync(db, await users.OrderBy(u => u.BureauId).ThenBy(u => u.UserName).ToListAsync(ct), ct);
        return role is null ? list : list.Where(u => u.Roles.Contains(role)).ToList();
    }

    private static async Task<UserInfo> Get(string userName, CoBanDbContext db, BureauScope scope, CancellationToken ct)
    {
        var user = await FindAsync(db, userName, ct);
        await scope.DemandAsync(user.BureauId, ct);
        return (await InfosAsync(db, [user], ct))[0];
    }

    private static async Task<Created<UserInfo>> Create(UserRequest r, CoBanDbContext db, BureauScope scope, UserAdministration administration, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var user = await administration.CreateAsync(await ChangeAsync(r, db, ct), ct);
        return TypedResults.Created($"/api/v1/users/{user.UserName}", (await InfosAsync(db, [user], ct))[0]);
    }

    private static async Task<UserInfo> Update(string userName, UserRequest r, CoBanDbContext db, BureauScope scope, UserAdministration administration, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        // The user name stays; roles and password have their own calls here: an update leaves them as they are.
        var user = await administration.UpdateAsync(userName, await ChangeAsync(r, db, ct) with { UserName = null, Roles = null, Password = null }, ct);
        return (await InfosAsync(db, [user], ct))[0];
    }

    private static async Task<UserInfo> SetRoles(string userName, RolesRequest r, CoBanDbContext db, UserAdministration administration, CancellationToken ct)
    {
        var user = await administration.SetRolesAsync(userName, r.Roles, ct);
        return (await InfosAsync(db, [user], ct))[0];
    }

    private static async Task<NoContent> SetPassword(string userName, PasswordRequest r, UserAdministration administration, CancellationToken ct)
    {
        await administration.SetPasswordAsync(userName, r.Password, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The request as a change: the bureau named by its code (an unknown code is a 422 on "bureauCode").</summary>
    private static async Task<UserChange> ChangeAsync(UserRequest r, CoBanDbContext db, CancellationToken ct)
    {
        long? bureauId = string.IsNullOrWhiteSpace(r.BureauCode) ? null : (await BureauEndpoints.FindAsync(db, r.BureauCode, ct, "bureauCode")).Id;
        return new UserChange(r.UserName, r.DisplayName, bureauId, r.Roles, r.Title, r.Office, r.OfficePhone, r.Mobile, r.Email, r.Password, r.Active);
    }

    /// <summary>The photo shown on the public duty board (optional): an administrator of the bureau, or the person themself.</summary>
    private static async Task<NoContent> SetPhoto(string userName, PhotoRequest r, CoBanDbContext db, BureauScope scope, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        var user = await FindAsync(db, userName, ct);
        if (user.Id != me.Id)
        {
            scope.DemandRole(Roles.Administrator);
            await scope.DemandAsync(user.BureauId, ct);
        }
        var (type, data) = ParsePhoto(r.DataUrl);
        var photo = await db.Set<StaffPhoto>().FirstOrDefaultAsync(p => p.UserId == user.Id, ct);
        if (photo is null) db.Add(new StaffPhoto { UserId = user.Id, ContentType = type, Data = data, UpdatedAt = clock.GetUtcNow() });
        else
        {
            photo.ContentType = type;
            photo.Data = data;
            photo.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> DeletePhoto(string userName, CoBanDbContext db, BureauScope scope, CurrentUser me, CancellationToken ct)
    {
        var user = await FindAsync(db, userName, ct);
        if (user.Id != me.Id)
        {
            scope.DemandRole(Roles.Administrator);
            await scope.DemandAsync(user.BureauId, ct);
        }
        await db.Set<StaffPhoto>().Where(p => p.UserId == user.Id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static (string Type, byte[] Data) ParsePhoto(string? dataUrl)
    {
        foreach (var type in new[] { "image/png", "image/jpeg" })
        {
            var prefix = $"data:{type};base64,";
            if (dataUrl is null || !dataUrl.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var buffer = new byte[1024 * 1024];
            if (Convert.TryFromBase64String(dataUrl[prefix.Length..], buffer, out var written) && written > 0) return (type, buffer[..written]);
        }
        throw CoBanException.Invalid("invalid-photo", "照片应为 PNG 或 JPEG（data URL，不超过 1 MB）", "the photo must be a PNG or JPEG data URL of at most 1 MB",
            new Dictionary<string, string[]> { ["dataUrl"] = ["PNG/JPEG ≤ 1 MB"] });
    }

    private static async Task<AppUser> FindAsync(CoBanDbContext db, string userName, CancellationToken ct) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct) ?? throw CoBanException.NotFound($"用户 {userName}", $"user {userName}");

    internal static async Task<List<UserInfo>> InfosAsync(CoBanDbContext db, IReadOnlyList<AppUser> users, CancellationToken ct)
    {
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var photos = await db.Set<StaffPhoto>().AsNoTracking().Where(p => ids.Contains(p.UserId)).Select(p => p.UserId).ToListAsync(ct);
        var codes = await db.Set<Bureau>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);
        return users.Select(u => new UserInfo(u.Id, u.UserName!, u.DisplayName, codes[u.BureauId], roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.Title, u.Office, u.OfficePhone, u.PhoneNumber, u.Email, u.Active, photos.Contains(u.Id))).ToList();
    }

}
