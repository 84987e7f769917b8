using CoBan.Workflow.Identity;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Web.Admin;
using CoBan.Workflow.Web.Designer;
using CoBan.Workflow.Web.Instances;
using Microsoft.AspNetCore.Identity;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CoBan.Workflow.Web;

/// <summary>
/// The web UI on the service's own host: Razor components rendered on the server per request (static
/// SSR), with small scripts in wwwroot/js for the diagrams and the keyboard. Interactive rendering is
/// not available here (see the note in CoBan.Workflow.csproj), and a page per request also suits a
/// counter PC and a phone: no connection to keep open.
/// </summary>
public static class WebSetup
{
    public const string LangCookie = "coban-lang";

    public static IServiceCollection AddCoBanWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCoBanWebEncoder();
        services.AddCascadingAuthenticationState();
        services.AddScoped<UserSession>();
        services.AddScoped<Lookups>();
        services.AddScoped<DiagramQueries>();
        services.AddScoped<DesignerService>();
        services.AddScoped<UserAdministration>();
        return services;
    }

    /// <summary>Pages are mostly Chinese: write it as UTF-8 text rather than as &amp;#x…; entities (markup characters are still encoded).</summary>
    public static IServiceCollection AddCoBanWebEncoder(this IServiceCollection services)
    {
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }

    public static WebApplication MapCoBanWeb(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        // A plain form post: the cookie is SameSite=Lax, so another site cannot post it with the cookie.
        app.MapPost("/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        app.MapGet("/lang/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            http.Response.Cookies.Append(LangCookie, code == "en" ? "en" : "zh",
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return Results.LocalRedirect(Url.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();
        // Export of a published version as a file (the designer page exports the canvas itself).
        app.MapGet("/designer/{id:long}/versions/{number:int}/bpmn", async (long id, int number, ProcedureService procedures, CancellationToken ct) =>
        {
            var procedure = await procedures.GetAsync(id, ct);
            var version = await procedures.VersionAsync(id, number, ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(version.Xml), "application/xml", $"{procedure.Key}-v{number}.bpmn");
        }).RequireAuthorization().ExcludeFromDescription();
        return app;
    }
}
