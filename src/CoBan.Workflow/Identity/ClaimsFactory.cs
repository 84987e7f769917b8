using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Identity;

/// <summary>Puts the user's bureau and display name into the sign-in cookie, so no request looks them up again.</summary>
internal sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.BureauClaim, user.BureauId.ToString()));
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        return identity;
    }
}
