
namespace CoBan.Workflow.Hosting;

/// <summary>
/// Cross-site request forgery: a browser sends the log-in cookie with a form or fetch from another
/// site. Unsafe requests (POST, PUT, PATCH, DELETE) that do not carry an API token must come from
/// this origin: Sec-Fetch-Site, else Origin, else Referer must say so. A request with none of them
/// is not from a browser (scripts and other systems), so it goes ahead. Bearer tokens are never sent
/// by a browser on its own, so requests with one are not checked.
/// </summary>
public static class SameOriginGuard
{
    public static bool IsAllowed(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
            return true;
        if (request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)) return true;
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var ours = $"{request.Scheme}://{request.Host}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return string.Equals(origin, ours, StringComparison.OrdinalIgnoreCase);
        var referer = request.Headers.Referer.ToString();
        if (referer.Length > 0)
            return Uri.TryCreate(referer, UriKind.Absolute, out var uri) && string.Equals(uri.GetLeftPart(UriPartial.Authority), ours, StringComparison.OrdinalIgnoreCase);
        return true;
    }

    public static IApplicationBuilder UseSameOriginGuard(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (IsAllowed(http.Request)) return next(http);
        throw CoBanException.Forbidden("请求来自其他网站，已拒绝（请在本系统页面内操作）",
            "the request came from another site and was refused (use this service's own pages)");
    });
}
