using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CoBan.Workflow.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Identity;

/// <summary>"Authorization: Bearer coban_…" for other government systems; the token acts as its user.</summary>
internal sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CoBanDbContext db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenPrefix = "coban_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer " + TokenPrefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        var hash = Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow();
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Hash == hash);
        if (token is null || token.RevokedAt is not null || (token.ExpiresAt is { } expires && expires < now))
            return AuthenticateResult.Fail("invalid, revoked or expired API token");
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == token.UserId);
        if (user is null || !user.Active) return AuthenticateResult.Fail("the API token's user is disabled");
        token.LastUsedAt = now;
        await db.SaveChangesAsync();
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    public static string NewToken() => TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
}
