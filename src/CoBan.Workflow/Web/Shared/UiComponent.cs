using CoBan.Workflow.Procedures;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Web;

/// <summary>A refusal from a service, said in the UI language (with model problems when it has them).</summary>
public sealed record UiError(int Status, string Message, IReadOnlyList<ProblemInfo> Problems, IReadOnlyDictionary<string, string>? Fields = null)
{
    public string? FieldError(string field) => Fields?.GetValueOrDefault(field);

    public bool Forbidden => Status == 403;
    public bool NotFound => Status == 404;
}

/// <summary>
/// Base of the pages and components: the UI language, the signed-in user, one error slot, and the
/// post/redirect/get helpers. Pages render on the server per request; services are injected and
/// called in-process, so they check access exactly as for the HTTP API.
/// </summary>
public abstract class UiComponent : ComponentBase
{
    // Resolved when used, so a component that needs neither renders with no services (HtmlRenderer tests).
    [Inject] private IServiceProvider Services { get; set; } = default!;
    protected UserSession Session => Services.GetRequiredService<UserSession>();
    protected NavigationManager Nav => Services.GetRequiredService<NavigationManager>();
    [CascadingParameter] protected Lang L { get; set; } = Lang.Zh;
    [CascadingParameter] protected HttpContext? Http { get; set; }

    protected UiError? Error { get; set; }

    protected string T(string zh, string en) => L.T(zh, en);

    /// <summary>Runs an action; a service's refusal becomes <see cref="Error"/> (and the response status) instead of a broken page.</summary>
    protected async Task<bool> Try(Func<Task> action)
    {
        try
        {
            Error = null;
            await action();
            return true;
        }
        catch (Exception e) when (Describe(e) is { } error)
        {
            Error = error;
            if (Http is { Response.HasStarted: false } http && error.Status is 403 or 404) http.Response.StatusCode = error.Status;
            return false;
        }
    }

    protected UiError? Describe(Exception e) => e switch
    {
        CoBanException c => new UiError(c.Status, L.T(c.MessageZh, c.MessageEn), c.Problems?.OfType<ProblemInfo>().ToList() ?? [],
            c.Errors?.ToDictionary(kv => kv.Key, kv => string.Join("；", kv.Value.Select(Pick)))),
        DbUpdateConcurrencyException => new UiError(409, T("数据已被他人修改，请刷新后重试", "someone else changed this at the same moment; reload and try again"), []),
        _ => null,
    };

    /// <summary>Field errors come as "中文 / English": show the half in the UI language.</summary>
    private string Pick(string both)
    {
        var parts = both.Split(" / ", 2);
        return parts.Length == 2 ? L.T(parts[0], parts[1]) : both;
    }

    /// <summary>The query value "ok" a page redirects with after a successful post (post/redirect/get).</summary>
    protected string? Done => Http?.Request.Query["ok"].FirstOrDefault();

    /// <summary>After a successful post: back to the page (or another) with ?ok=code, so a reload does not post again.</summary>
    protected void Redirect(string path, string? ok = null)
    {
        var separator = path.Contains('?') ? '&' : '?';
        Nav.NavigateTo(ok is null ? path : $"{path}{separator}ok={Uri.EscapeDataString(ok)}");
    }

    protected string Here => "/" + Nav.ToBaseRelativePath(Nav.Uri).Split('?')[0];

    protected static string Time(DateTimeOffset? at) => at is { } t ? ChineseDates.IsoMinute(t) : "";
    protected static string Date(DateTimeOffset? at) => at is { } t ? ChineseDates.IsoDate(t) : "";
}
