using CoBan.Workflow.Api;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Rosters;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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

    private static async Task<Created<UserInfo>> Create(UserRequest r, CoBanDbContext db, BureauScope scope, UserManager<AppUser> users, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.UserName)) errors["userName"] = ["必填 / required"];
        else if (await users.FindByNameAsync(r.UserName) is not null) errors["userName"] = ["用户名已被使用 / already used"];
        if (string.IsNullOrWhiteSpace(r.DisplayName)) errors["displayName"] = ["必填 / required"];
        if (string.IsNullOrWhiteSpace(r.BureauCode)) errors["bureauCode"] = ["必填 / required"];
        if (string.IsNullOrWhiteSpace(r.Password)) errors["password"] = ["必填 / required"];
        CheckRoles(r.Roles, errors);
        CheckEmail(r.Email, errors);
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-user", "用户信息有误", "the user has errors", errors);
        var bureau = await BureauEndpoints.FindAsync(db, r.BureauCode!, ct, "bureauCode");
        await scope.DemandAsync(bureau.Id, ct);
        var user = new AppUser
        {
            UserName = r.UserName!.Trim(), DisplayName = r.DisplayName!.Trim(), BureauId = bureau.Id, Title = r.Title, Office = r.Office, OfficePhone = r.OfficePhone,
            PhoneNumber = r.Mobile, Email = r.Email, Active = r.Active ?? true,
        };
        Check(await users.CreateAsync(user, r.Password!), "password");
        Check(await users.AddToRolesAsync(user, r.Roles ?? []), "roles");
        return TypedResults.Created($"/api/v1/users/{user.UserName}", (await InfosAsync(db, [user], ct))[0]);
    }

    private static async Task<UserInfo> Update(string userName, UserRequest r, CoBanDbContext db, BureauScope scope, CurrentUser me, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var user = await users.FindByNameAsync(userName) ?? throw CoBanException.NotFound($"用户 {userName}", $"user {userName}");
        await scope.DemandAsync(user.BureauId, ct);
        var emailErrors = new Dictionary<string, string[]>();
        CheckEmail(r.Email, emailErrors);
        if (emailErrors.Count > 0) throw CoBanException.Invalid("invalid-user", "用户信息有误", "the user has errors", emailErrors);
        if (r.Active == false && user.Id == me.Id)
            throw CoBanException.Invalid("self-disable", "不能停用自己的账号", "you cannot disable your own account", new Dictionary<string, string[]> { ["active"] = ["本人 / yourself"] });
        if (r.BureauCode is { } code)
        {
            var bureau = await BureauEndpoints.FindAsync(db, code, ct, "bureauCode");
            await scope.DemandAsync(bureau.Id, ct);
            user.BureauId = bureau.Id;
        }
        if (r.DisplayName is { } name && !string.IsNullOrWhiteSpace(name)) user.DisplayName = name.Trim();
        user.Title = r.Title ?? user.Title;
        user.Office = r.Office ?? user.Office;
        user.OfficePhone = r.OfficePhone ?? user.OfficePhone;
        user.PhoneNumber = r.Mobile ?? user.PhoneNumber;
        user.Email = r.Email ?? user.Email;
        if (r.Active is { } active)
        {
            user.Active = active;
            // New stamp: sessions that re-validate their security stamp end; the log-in is refused from now on.
            if (!active) await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        }
        Check(await users.UpdateAsync(user), "userName");
        return (await InfosAsync(db, [user], ct))[0];
    }

    private static async Task<UserInfo> SetRoles(string userName, RolesRequest r, CoBanDbContext db, BureauScope scope, CurrentUser me, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        CheckRoles(r.Roles, errors);
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-roles", "角色有误", "unknown roles", errors);
        var user = await users.FindByNameAsync(userName) ?? throw CoBanException.NotFound($"用户 {userName}", $"user {userName}");
        await scope.DemandAsync(user.BureauId, ct);
        var wanted = (r.Roles ?? []).Distinct().ToList();
        if (user.Id == me.Id && !wanted.Contains(Roles.Administrator))
            throw CoBanException.Invalid("self-demote", "不能去掉自己的管理员角色", "you cannot remove your own administrator role", new Dictionary<string, string[]> { ["roles"] = ["本人 / yourself"] });
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "roles");
        Check(await users.AddToRolesAsync(user, wanted.Except(current)), "roles");
        await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        return (await InfosAsync(db, [user], ct))[0];
    }

    private static async Task<NoContent> SetPassword(string userName, PasswordRequest r, BureauScope scope, UserManager<AppUser> users, CoBanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var user = await users.FindByNameAsync(userName) ?? throw CoBanException.NotFound($"用户 {userName}", $"user {userName}");
        await scope.DemandAsync(user.BureauId, ct);
        if (string.IsNullOrWhiteSpace(r.Password))
            throw CoBanException.Invalid("password-required", "请填写新密码", "the new password is required", new Dictionary<string, string[]> { ["password"] = ["必填 / required"] });
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, r.Password), "password");
        await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        return TypedResults.NoContent();
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

    private static void CheckRoles(List<string>? roles, Dictionary<string, string[]> errors)
    {
        var unknown = (roles ?? []).Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) errors["roles"] = [$"未知角色：{string.Join("、", unknown)}（可用：{string.Join(", ", Roles.All)}） / unknown roles"];
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw CoBanException.Invalid("identity", string.Join("；", result.Errors.Select(e => e.Description)), string.Join("; ", result.Errors.Select(e => e.Code)),
                new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
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

    /// <summary>A user's e-mail receives reports and notices: exactly one bare address, so no CR/LF header or second recipient rides along.</summary>
    private static void CheckEmail(string? email, Dictionary<string, string[]> errors)
    {
        if (email is { Length: > 0 } && !Notices.EmailAddresses.IsSingle(email))
            errors["email"] = ["电子邮箱无效：只填一个电子邮箱地址（如 name@example.com）/ invalid e-mail: give exactly one address (e.g. name@example.com)"];
    }
}
