using Microsoft.AspNetCore.Identity;

namespace CoBan.Workflow.Identity;

public enum LoginResult { Succeeded, Failed, Throttled }

/// <summary>
/// The one log-in path (API and log-in page). Unknown and disabled accounts cost the same password
/// hashing as real ones and get the same answer, so timing and status codes do not tell which user
/// names exist; repeated failures are slowed by <see cref="LoginThrottle"/> instead of locking the
/// account (Identity's lock-out let anyone lock "admin" with five requests).
/// </summary>
public sealed class LoginService(UserManager<AppUser> users, SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher,
    LoginThrottle throttle, IHttpContextAccessor http)
{
    public const int MaxUserNameLength = 256;
    public const int MaxPasswordLength = 256;

    /// <summary>A hash of a random password, computed once, verified against for accounts that do not exist.</summary>
    private static string? _decoyHash;

    public TimeSpan RetryAfter { get; private set; }

    public async Task<LoginResult> LogInAsync(string? userName, string? password)
    {
        userName = (userName ?? "").Trim();
        password ??= "";
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        RetryAfter = throttle.WaitFor(userName, ip);
        if (RetryAfter > TimeSpan.Zero) return LoginResult.Throttled;
        if (userName.Length is 0 or > MaxUserNameLength || password.Length > MaxPasswordLength)
        {
            Decoy(password.Length > MaxPasswordLength ? "" : password);
            throttle.Failed(userName, ip);
            return LoginResult.Failed;
        }
        var user = await users.FindByNameAsync(userName);
        if (user is null || !user.Active)
        {
            Decoy(password);
            throttle.Failed(userName, ip);
            return LoginResult.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            throttle.Failed(userName, ip);
            return LoginResult.Failed;
        }
        throttle.Succeeded(userName, ip);
        return LoginResult.Succeeded;
    }

    /// <summary>The same hashing work as a real check, thrown away.</summary>
    private void Decoy(string password)
    {
        var decoy = new AppUser { DisplayName = "", UserName = "" };
        _decoyHash ??= hasher.HashPassword(decoy, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(decoy, _decoyHash, password);
    }

    public CoBanException Refusal(LoginResult result) => result == LoginResult.Throttled
        ? new CoBanException(429, "login-throttled", $"登录失败次数过多，请 {Math.Ceiling(RetryAfter.TotalSeconds)} 秒后再试",
            $"too many failed log-ins: try again in {Math.Ceiling(RetryAfter.TotalSeconds)} s") { RetryAfter = RetryAfter }
        : new CoBanException(401, "bad-login", "用户名或密码错误", "wrong user name or password");
}
