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
        services.AddScoped<Desk.CaseViews>();
        services.AddScoped<Desk.DeskRows>();
        services.AddScoped<JournalWords>();
        services.AddScoped<DesignerService>();
        services.AddScoped<Admin.UserPages>();
        return services;
    }

    /// <summary>Pages are mostly Chinese: write it as UTF-8 text rather than as &amp;#x…; entities (markup characters are still encoded).</summary>
    public static IServiceCollection AddCoBanWebEncoder(this IServiceCollection services)
    {
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        return services;
    }

    /// <summary>
    /// A browser that asks for a page that is not there (or gets another empty error status) sees a
    /// small page in the UI's language with a way back; API callers keep their problem details from
    /// the general status code pages further out. Plain HTML: routing has already run here.
    /// </summary>
    public static IApplicationBuilder UseCoBanWebStatusPages(this IApplicationBuilder app) =>
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api") && http.Request.Headers.Accept.ToString().Contains("text/html"),
            page =>
            {
                page.UseStatusCodePages(context => WritePageAsync(context.HttpContext, null));
                // A form posted from a page that has changed since (a task someone else claimed, an incident already
                // retried) names a form the page no longer renders: Blazor answers an empty 400. Say so, with a way back.
                page.Use(async (http, next) =>
                {
                    await next();
                    if (HttpMethods.IsPost(http.Request.Method) && http.Response is { StatusCode: 400, HasStarted: false, ContentLength: 0 or null })
                    {
                        http.Response.ContentLength = null;
                        var lang = Lang.Of(http.Request.Cookies[LangCookie]);
                        await WritePageAsync(http, lang.T("页面内容已变化（可能他人刚处理过），操作未执行。请返回刷新后再试。",
                            "The page has changed since it was shown (someone may have just acted on it); nothing was done. Go back, reload and try again."));
                    }
                });
            });

    private static async Task WritePageAsync(HttpContext http, string? message)
    {
        var lang = Lang.Of(http.Request.Cookies[LangCookie]);
        var code = http.Response.StatusCode;
        var title = code == 404 ? lang.T("页面不存在", "Page not found") : lang.T($"请求无法处理（{code}）", $"The request could not be handled ({code})");
        var back = Url.IsLocal(http.Request.Path + http.Request.QueryString) ? System.Net.WebUtility.HtmlEncode(http.Request.Path + http.Request.QueryString) : "/";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="{(lang.IsEn ? "en" : "zh-CN")}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title><link rel="stylesheet" href="/css/coban.css"></head>
            <body><div class="public-shell"><header class="public-top"><span class="brand-mark">协</span>{lang.T("零障碍协办", "CoBan assisted service")}</header>
            <main class="public-content"><section class="panel" data-test="error-page"><h1>{title}</h1>{(message is null ? "" : $"<p>{System.Net.WebUtility.HtmlEncode(message)}</p>")}
            <p>{(message is null ? "" : $"<a href=\"{back}\">{lang.T("返回并刷新", "Back and reload")}</a> · ")}<a href="/">{lang.T("返回首页", "Back to the start page")}</a></p></section></main></div></body></html>
            """);
    }

    public static WebApplication MapCoBanWeb(this WebApplication app)
    {
        app.MapRazorComponents<App>();
        // A plain form post: the cookie is SameSite=Lax, so another site cannot post it with the cookie.
        app.MapPost("/logout", async (HttpContext http) =>
        {
            await SessionValidation.LogOutAsync(http);
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
