using Microsoft.AspNetCore.Http;

namespace CoBan.Workflow.Api;

/// <summary>
/// Problems the framework writes itself (a route that does not exist, a body too large, a rate limit)
/// get the same shape as ours: a code and a Chinese title with the English in the detail.
/// </summary>
internal static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var details = context.ProblemDetails;
        if (details.Extensions.ContainsKey("code")) return;
        var (code, zh, en) = details.Status switch
        {
            400 => ("bad-request", "请求格式有误", "malformed request"),
            401 => ("unauthorized", "请先登录", "sign in first"),
            403 => ("forbidden", "无权执行此操作", "you may not do this"),
            404 => ("not-found", "请求的地址不存在", "no such resource"),
            405 => ("method-not-allowed", "不支持该请求方法", "method not allowed"),
            413 => ("too-large", "请求内容过大（上限 12 MB）", "the request body is too large (limit 12 MB)"),
            415 => ("unsupported-media-type", "请求内容类型不受支持，请使用 application/json", "unsupported content type: use application/json"),
            429 => ("rate-limited", "请求过于频繁，请稍后再试", "too many requests: try again later"),
            _ => ("error", "请求失败", "the request failed"),
        };
        details.Extensions["code"] = code;
        details.Extensions["messageEn"] = en;
        details.Title = zh;
        details.Detail = details.Detail is null ? $"{zh} / {en}" : $"{zh} / {en}: {details.Detail}";
    }
}
