using CoBan.Workflow.Api;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Identity;

public sealed record LoginRequest(string UserName, string Password);
public sealed record Me(string Id, string UserName, string DisplayName, long BureauId, string BureauCode, string BureauName, IReadOnlyList<string> Roles);
public sealed record TokenRequest(string Name, string? UserName, int? ValidDays);
public sealed record TokenCreated(long Id, string Name, string Token, DateTimeOffset? ExpiresAt);
public sealed record TokenInfo(long Id, string Name, string Prefix, string UserId, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/login", Login).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext http) => { await SessionValidation.LogOutAsync(http); return TypedResults.NoContent(); });
        app.MapGet("/api/v1/me", GetMe).RequireAuthorization().WithTags("Auth");

        var tokens = app.MapGroup("/api/v1/tokens").RequireAuthorization().WithTags("Auth");
        tokens.MapPost("/", CreateToken);
        tokens.MapGet("/", ListTokens);
        tokens.MapDelete("/{id:long}", RevokeToken);
        return app;
    }

    private static async Task<NoContent> Login(LoginRequest request, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        var user = await users.FindByNameAsync(request.UserName ?? "");
        if (user is null || !user.Active)
            throw new CoBanException(401, "bad-login", "用户名或密码错误", "wrong user name or password");
        var result = await signIn.PasswordSignInAsync(user, request.Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
            throw new CoBanException(423, "locked-out", "登录失败次数过多，账号已暂时锁定，请 15 分钟后再试", "too many failed log-ins: the account is locked for 15 minutes");
        if (!result.Succeeded)
            throw new CoBanException(401, "bad-login", "用户名或密码错误", "wrong user name or password");
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Me>> GetMe(CurrentUser me, CoBanDbContext db, CancellationToken ct)
    {
        var bureau = await db.Set<Bureau>().AsNoTracking().FirstAsync(b => b.Id == me.BureauId, ct);
        return TypedResults.Ok(new Me(me.Id!, me.UserName, me.DisplayName, bureau.Id, bureau.Code, bureau.Name, me.Roles.ToList()));
    }

    internal static async Task<Created<TokenCreated>> CreateToken(TokenRequest request, CurrentUser me, BureauScope scope, CoBanDbContext db, UserManager<AppUser> users, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        if (string.IsNullOrWhiteSpace(request.Name))
            throw CoBanException.Invalid("name-required", "请填写令牌名称", "the token needs a name", new Dictionary<string, string[]> { ["name"] = ["必填 / required"] });
        var user = request.UserName is null ? await users.FindByIdAsync(me.Id!) : await users.FindByNameAsync(request.UserName);
        if (user is null) throw CoBanException.NotFound($"用户 {request.UserName}", $"user {request.UserName}");
        await scope.DemandAsync(user.BureauId, ct);
        var secret = ApiTokenAuthentication.NewToken();
        var now = clock.GetUtcNow();
        var token = new ApiToken
        {
            Name = request.Name.Trim(), UserId = user.Id, Prefix = secret[..12], Hash = ApiTokenAuthentication.Hash(secret),
            CreatedAt = now, ExpiresAt = request.ValidDays is { } days ? now.AddDays(days) : null,
        };
        db.Add(token);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new TokenCreated(token.Id, token.Name, secret, token.ExpiresAt));
    }

    internal static async Task<Ok<List<TokenInfo>>> ListTokens(BureauScope scope, CoBanDbContext db, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var visible = await scope.VisibleAsync(ct);
        var list = await (from t in db.Set<ApiToken>().AsNoTracking()
                          join u in db.Users on t.UserId equals u.Id
                          where visible.Contains(u.BureauId)
                          orderby t.Id
                          select new TokenInfo(t.Id, t.Name, t.Prefix, t.UserId, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    internal static async Task<NoContent> RevokeToken(long id, BureauScope scope, CoBanDbContext db, TimeProvider clock, CancellationToken ct)
    {
        scope.DemandRole(Roles.Administrator);
        var token = await db.Set<ApiToken>().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw CoBanException.NotFound("令牌", "token");
        var owner = await db.Users.FirstAsync(u => u.Id == token.UserId, ct);
        await scope.DemandAsync(owner.BureauId, ct);
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
