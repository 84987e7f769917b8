using CoBan.Workflow.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace CoBan.Workflow.Identity;

public static class IdentitySetup
{
    public const string Scheme = "CoBan";

    /// <summary>ASP.NET Core Identity (hashed passwords, lock-out) with a cookie for people and API tokens for systems.</summary>
    public static IServiceCollection AddCoBanIdentity(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<BureauScope>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<LoginService>();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // No hard lock-out: it let strangers lock any account. LoginThrottle slows guessing instead.
                o.Lockout.AllowedForNewUsers = false;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CoBanDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "cookie or API token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                    ? ApiTokenAuthentication.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "coban";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS (directly, or at a trusted proxy: CoBan:Proxy).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/forbidden";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                // API callers get status codes, not redirects to the log-in page.
                o.Events.OnRedirectToLogin = c => Deny(c, 401);
                o.Events.OnRedirectToAccessDenied = c => Deny(c, 403);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            });
        services.AddAuthorization();
        return services;
    }

    private static Task Deny(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
