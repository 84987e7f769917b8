using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Bureaus;

/// <summary>A change to a user: null leaves a field as it is (the UI's form sends every field, the API only those it changes).</summary>
public sealed record UserChange(string? UserName, string? DisplayName, long? BureauId, IReadOnlyCollection<string>? Roles, string? Title, string? Office,
    string? OfficePhone, string? Mobile, string? Email, string? Password, bool? Active);

/// <summary>
/// Users, roles and passwords, for administrators, within the bureaus they may see: the one place the
/// API (<see cref="UserEndpoints"/>) and the administration pages (Web/Admin) change staff. Every change
/// is journalled ("user.created", "user.updated", "user.roles", "user.password"). Whatever the sign-in
/// cookie carries (bureau, names, roles) or protects (password, being active) ends the user's sessions
/// when it changes; disabling, new roles and a new password also revoke the user's API tokens.
/// </summary>
public sealed class UserAdministration(CoBanDbContext db, UserManager<AppUser> users, CurrentUser me, BureauScope scope, TimeProvider clock)
{
    public async Task<AppUser> CreateAsync(UserChange c, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(c.UserName)) errors["userName"] = ["必填 / required"];
        else if (await users.FindByNameAsync(c.UserName.Trim()) is not null) errors["userName"] = ["用户名已被使用 / already used"];
        if (string.IsNullOrWhiteSpace(c.DisplayName)) errors["displayName"] = ["必填 / required"];
        if (c.BureauId is null) errors["bureauCode"] = ["必填 / required"];
        if (string.IsNullOrWhiteSpace(c.Password)) errors["password"] = ["必填 / required"];
        CheckRoles(c.Roles, errors);
        CheckEmail(c.Email, errors);
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-user", "用户信息有误", "the user has errors", errors);
        await scope.DemandAsync(c.BureauId!.Value, ct);
        var user = new AppUser
        {
            UserName = c.UserName!.Trim(), DisplayName = c.DisplayName!.Trim(), BureauId = c.BureauId.Value, Title = Blank(c.Title), Office = Blank(c.Office),
            OfficePhone = Blank(c.OfficePhone), PhoneNumber = Blank(c.Mobile), Email = Blank(c.Email), Active = c.Active ?? true,
        };
        Check(await users.CreateAsync(user, c.Password!), "password");
        var roles = (c.Roles ?? []).Distinct().ToList();
        Check(await users.AddToRolesAsync(user, roles), "roles");
        await JournalAsync(user, "user.created", $"新建用户 {user.DisplayName}（{user.UserName}），角色：{Labels(roles)}" + (user.Active ? "" : "，已停用"), ct);
        return user;
    }

    public async Task<AppUser> UpdateAsync(string userName, UserChange c, CancellationToken ct) => await UpdateAsync(await FindAsync(userName, ct), c, ct);

    public async Task<AppUser> UpdateByIdAsync(string id, UserChange c, CancellationToken ct) =>
        await UpdateAsync(await users.FindByIdAsync(id) ?? throw CoBanException.NotFound("用户", "user"), c, ct);

    private async Task<AppUser> UpdateAsync(AppUser user, UserChange c, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        await scope.DemandAsync(user.BureauId, ct);
        var errors = new Dictionary<string, string[]>();
        CheckEmail(c.Email, errors);
        if (c.Roles is not null) CheckRoles(c.Roles, errors);
        if (c.UserName is { } newName && newName.Trim() != user.UserName)
        {
            if (string.IsNullOrWhiteSpace(newName)) errors["userName"] = ["必填 / required"];
            else if (await users.FindByNameAsync(newName.Trim()) is not null) errors["userName"] = ["用户名已被使用 / already used"];
        }
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-user", "用户信息有误", "the user has errors", errors);
        if (c.Active == false && user.Id == me.Id)
            throw CoBanException.Invalid("self-disable", "不能停用自己的账号", "you cannot disable your own account", new Dictionary<string, string[]> { ["active"] = ["本人 / yourself"] });
        if (c.Roles is not null && user.Id == me.Id && !c.Roles.Contains(Roles.Administrator))
            throw CoBanException.Invalid("self-demote", "不能去掉自己的管理员角色", "you cannot remove your own administrator role", new Dictionary<string, string[]> { ["roles"] = ["本人 / yourself"] });
        if (c.BureauId is { } bureau && bureau != user.BureauId) await scope.DemandAsync(bureau, ct);

        var claimsChanged = (c.BureauId is { } b && b != user.BureauId) || (c.UserName is { } u && u.Trim() != user.UserName)
            || (c.DisplayName is { } d && !string.IsNullOrWhiteSpace(d) && d.Trim() != user.DisplayName);
        var disabled = c.Active == false && user.Active;
        if (c.UserName is { } name && !string.IsNullOrWhiteSpace(name)) user.UserName = name.Trim();
        if (c.DisplayName is { } display && !string.IsNullOrWhiteSpace(display)) user.DisplayName = display.Trim();
        if (c.BureauId is { } bureauId) user.BureauId = bureauId;
        user.Title = c.Title is null ? user.Title : Blank(c.Title);
        user.Office = c.Office is null ? user.Office : Blank(c.Office);
        user.OfficePhone = c.OfficePhone is null ? user.OfficePhone : Blank(c.OfficePhone);
        user.PhoneNumber = c.Mobile is null ? user.PhoneNumber : Blank(c.Mobile);
        user.Email = c.Email is null ? user.Email : Blank(c.Email);
        if (c.Active is { } active) user.Active = active;
        Check(await users.UpdateAsync(user), "userName");
        // A disabled user's log-in is refused from now on; their sessions and tokens end at once.
        if (disabled) await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        else if (claimsChanged) await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: false, clock);
        await JournalAsync(user, "user.updated", $"修改用户 {user.DisplayName}（{user.UserName}）" + (user.Active ? "" : "，已停用"), ct);
        if (c.Roles is not null) await SetRolesAsync(user, c.Roles, ct);
        if (!string.IsNullOrEmpty(c.Password)) await SetPasswordAsync(user, c.Password, ct);
        return user;
    }

    public async Task<AppUser> SetRolesAsync(string userName, IReadOnlyCollection<string>? roles, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var errors = new Dictionary<string, string[]>();
        CheckRoles(roles, errors);
        if (errors.Count > 0) throw CoBanException.Invalid("invalid-roles", "角色有误", "unknown roles", errors);
        var user = await FindAsync(userName, ct);
        await scope.DemandAsync(user.BureauId, ct);
        await SetRolesAsync(user, roles ?? [], ct);
        return user;
    }

    private async Task SetRolesAsync(AppUser user, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        var wanted = roles.Distinct().ToList();
        if (user.Id == me.Id && !wanted.Contains(Roles.Administrator))
            throw CoBanException.Invalid("self-demote", "不能去掉自己的管理员角色", "you cannot remove your own administrator role", new Dictionary<string, string[]> { ["roles"] = ["本人 / yourself"] });
        var current = await users.GetRolesAsync(user);
        if (current.Order().SequenceEqual(wanted.Order())) return;
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "roles");
        Check(await users.AddToRolesAsync(user, wanted.Except(current)), "roles");
        await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        await JournalAsync(user, "user.roles", $"修改用户 {user.DisplayName}（{user.UserName}）的角色：{Labels(wanted)}", ct);
    }

    public async Task SetPasswordAsync(string userName, string? password, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var user = await FindAsync(userName, ct);
        await scope.DemandAsync(user.BureauId, ct);
        await SetPasswordAsync(user, password, ct);
    }

    private async Task SetPasswordAsync(AppUser user, string? password, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(password))
            throw CoBanException.Invalid("password-required", "请填写新密码", "the new password is required", new Dictionary<string, string[]> { ["password"] = ["必填 / required"] });
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "password");
        await SessionValidation.EndSessionsAsync(users, db, user, revokeTokens: true, clock);
        await JournalAsync(user, "user.password", $"重置用户 {user.DisplayName}（{user.UserName}）的密码", ct);
    }

    private async Task<AppUser> FindAsync(string userName, CancellationToken ct) =>
        await users.FindByNameAsync(userName) ?? throw CoBanException.NotFound($"用户 {userName}", $"user {userName}");

    private async Task JournalAsync(AppUser user, string action, string detail, CancellationToken ct)
    {
        db.Add(new JournalEntry { At = clock.GetUtcNow(), BureauId = user.BureauId, UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip, Action = action, Detail = detail });
        await db.SaveChangesAsync(ct);
    }

    private static string Labels(IEnumerable<string> roles) => string.Join("、", roles.Select(Roles.Label));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void CheckRoles(IEnumerable<string>? roles, Dictionary<string, string[]> errors)
    {
        var unknown = (roles ?? []).Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) errors["roles"] = [$"未知角色：{string.Join("、", unknown)}（可用：{string.Join(", ", Roles.All)}） / unknown roles"];
    }

    /// <summary>A user's e-mail receives reports and notices: exactly one bare address, so no CR/LF header or second recipient rides along.</summary>
    private static void CheckEmail(string? email, Dictionary<string, string[]> errors)
    {
        if (email is { Length: > 0 } && !Notices.EmailAddresses.IsSingle(email))
            errors["email"] = ["电子邮箱无效：只填一个电子邮箱地址（如 name@example.com）/ invalid e-mail: give exactly one address (e.g. name@example.com)"];
    }

    private static void Check(IdentityResult result, string field)
    {
        if (result.Succeeded) return;
        throw CoBanException.Invalid("identity", $"保存失败：{Chinese(result.Errors)}", $"could not save: {string.Join("; ", result.Errors.Select(e => e.Description))}",
            new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() });
    }

    private static string Chinese(IEnumerable<IdentityError> errors) => string.Join("；", errors.Select(e => e.Code switch
    {
        "DuplicateUserName" => "用户名已被使用",
        "PasswordTooShort" => "密码至少 8 位",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        "PasswordRequiresUpper" => "密码须包含大写字母",
        "PasswordRequiresNonAlphanumeric" => "密码须包含符号",
        "InvalidUserName" => "用户名只能包含字母、数字和 .-_@+",
        _ => e.Description,
    }));
}
