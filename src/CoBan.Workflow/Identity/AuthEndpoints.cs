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
    public const int MaxTokenDays = 3650;
    public const int MaxTokenNameLength = 100;

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

    private static async Task<NoContent> Login(LoginRequest request, LoginService login)
    {
        var result = await login.LogInAsync(request.UserName, request.Password);
        if (result == LoginResult.Succeeded) return TypedResults.NoContent();
        throw login.Refusal(result);
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
        if (request.Name.Length > MaxTokenNameLength)
            throw CoBanException.Invalid("name-too-long", $"令牌名称最多 {MaxTokenNameLength} 个字符", $"the token name has at most {MaxTokenNameLength} characters",
                new Dictionary<string, string[]> { ["name"] = [$"≤ {MaxTokenNameLength}"] });
        if (request.ValidDays is { } valid && valid is < 1 or > MaxTokenDays)
            throw CoBanException.Invalid("bad-valid-days", $"有效天数应在 1 到 {MaxTokenDays} 之间", $"validDays must be between 1 and {MaxTokenDays}",
                new Dictionary<string, string[]> { ["validDays"] = [$"1..{MaxTokenDays}"] });
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
