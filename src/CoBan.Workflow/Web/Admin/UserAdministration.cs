using CoBan.Workflow.Api;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using CoBan.Workflow.Identity;
using CoBan.Workflow.Journal;
using Microsoft.AspNetCore.Identity;
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

/// <summary>Users, roles and passwords, for administrators, within the bureaus they may see. Every change is journalled.</summary>
public sealed class UserAdministration(CoBanDbContext db, UserManager<AppUser> users, CurrentUser me, BureauScope scope, TimeProvider clock)
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
        scope.DemandRole(Roles.Administrator);
        await scope.DemandAsync(form.BureauId, ct);
        if (string.IsNullOrWhiteSpace(form.UserName) || string.IsNullOrWhiteSpace(form.DisplayName))
            throw CoBanException.Invalid("user-required", "请填写用户名和姓名", "the user name and display name are required");
        var unknown = form.Roles.Except(Roles.All).ToList();
        if (unknown.Count > 0) throw CoBanException.Invalid("bad-role", $"未知角色：{string.Join("、", unknown)}", $"unknown roles: {string.Join(", ", unknown)}");
        AppUser user;
        var created = form.Id is null;
        if (created)
        {
            if (string.IsNullOrEmpty(form.Password))
                throw CoBanException.Invalid("password-required", "新用户需要设置初始密码", "a new user needs an initial password");
            user = new AppUser { UserName = form.UserName.Trim(), DisplayName = form.DisplayName.Trim(), BureauId = form.BureauId };
            Copy(form, user);
            Check(await users.CreateAsync(user, form.Password));
        }
        else
        {
            user = await users.FindByIdAsync(form.Id!) ?? throw CoBanException.NotFound("用户", "user");
            await scope.DemandAsync(user.BureauId, ct);
            if (user.Id == me.Id && (!form.Active || !form.Roles.Contains(Roles.Administrator)))
                throw CoBanException.Conflict("self-lockout", "不能停用自己或取消自己的管理员角色", "you cannot disable yourself or drop your own administrator role");
            user.UserName = form.UserName.Trim();
            user.DisplayName = form.DisplayName.Trim();
            user.BureauId = form.BureauId;
            Copy(form, user);
            Check(await users.UpdateAsync(user));
            if (!string.IsNullOrEmpty(form.Password))
            {
                Check(await users.RemovePasswordAsync(user));
                Check(await users.AddPasswordAsync(user, form.Password));
            }
        }
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(form.Roles)));
        Check(await users.AddToRolesAsync(user, form.Roles.Except(current)));
        // Roles and passwords live in the sign-in cookie: a new stamp signs the user's open pages out.
        if (!created) await users.UpdateSecurityStampAsync(user);
        db.Add(new JournalEntry
        {
            At = clock.GetUtcNow(), BureauId = user.BureauId, UserId = me.Id, UserName = me.DisplayName, Ip = me.Ip,
            Action = created ? "user.created" : "user.updated",
            Detail = $"{(created ? "新建" : "修改")}用户 {user.DisplayName}（{user.UserName}），角色：{string.Join("、", form.Roles.Select(Roles.Label))}"
                     + (form.Active ? "" : "，已停用") + (!created && !string.IsNullOrEmpty(form.Password) ? "，已重置密码" : ""),
        });
        await db.SaveChangesAsync(ct);
        return user.Id;
    }

    private static void Copy(UserForm form, AppUser user)
    {
        user.Title = Blank(form.Title);
        user.Office = Blank(form.Office);
        user.OfficePhone = Blank(form.OfficePhone);
        user.PhoneNumber = Blank(form.Mobile);
        user.Email = Blank(form.Email);
        user.Active = form.Active;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var text = string.Join("; ", result.Errors.Select(e => e.Description));
        throw CoBanException.Invalid("identity", $"保存失败：{Chinese(result.Errors)}", $"could not save: {text}");
    }

    private static string Chinese(IEnumerable<IdentityError> errors) => string.Join("；", errors.Select(e => e.Code switch
    {
        "DuplicateUserName" => "用户名已被使用",
        "PasswordTooShort" => "密码至少 8 位",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        "InvalidUserName" => "用户名只能包含字母、数字和 .-_@+",
        _ => e.Description,
    }));
}
