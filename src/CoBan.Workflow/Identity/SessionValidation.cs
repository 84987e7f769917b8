using System.Security.Claims;
using CoBan.Workflow.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Identity;

/// <summary>
/// A log-in cookie is good only while its user's security stamp is the one it was issued with and
/// the account is active. Checked on every request (one indexed read): log-out, a password reset, a
/// role change and disabling all change the stamp, so every copy of an older cookie stops working at
/// once, on every node, instead of living out its 10-hour sliding lifetime with its old roles.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = principal?.FindFirstValue(stampClaim);
        var db = services.GetRequiredService<CoBanDbContext>();
        var current = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.SecurityStamp, u.Active }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is { Active: true } && stamp is not null && string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>
    /// Ends every session of the user (a new security stamp). With <paramref name="revokeTokens"/> their
    /// API tokens are revoked too: a password reset, a role change or disabling the account means the
    /// old credentials should not act any more. Log-out ends the browser sessions only: systems using a
    /// token of that person keep working until it is revoked.
    /// </summary>
    public static async Task EndSessionsAsync(UserManager<AppUser> users, CoBanDbContext db, AppUser user, bool revokeTokens, TimeProvider clock)
    {
        await users.UpdateSecurityStampAsync(user);
        if (!revokeTokens) return;
        var now = clock.GetUtcNow();
        await db.Set<ApiToken>().Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now));
    }

    /// <summary>Log-out: the cookie goes, and so does every other copy of it (the stamp changes).</summary>
    public static async Task LogOutAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var authenticatedByCookie = http.User.Identity?.AuthenticationType is not null && http.Request.Headers.Authorization.Count == 0;
        if (id is not null && authenticatedByCookie)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByIdAsync(id) is { } user)
                await EndSessionsAsync(users, services.GetRequiredService<CoBanDbContext>(), user, revokeTokens: false, services.GetRequiredService<TimeProvider>());
        }
        await services.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
    }
}
