using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Api;

/// <summary>Every refusal becomes RFC 7807 problem details with a clear title (Chinese) and detail (both languages).</summary>
internal sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            CoBanException e => WithProblems(Problem(e.Status, e.Code, e.MessageZh, e.MessageEn, e.Errors), e.Problems),
            _ when Data.DbErrors.IsLostRace(exception) => Problem(409, "concurrent-change", "数据已被他人修改，请刷新后重试",
                "someone else changed this at the same moment; reload and try again", null),
            _ when Data.DbErrors.IsTransient(exception) => Problem(503, "busy", "系统繁忙，请稍后重试", "the service is busy; try again in a moment", null),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, "too-large", "请求内容过大", "the request body is too large", null),
            BadHttpRequestException e => Problem(400, "bad-request", "请求格式有误：" + e.Message, "malformed request: " + e.Message, null),
            System.Text.Json.JsonException e => Problem(400, "bad-json", "JSON 格式有误：" + e.Message, "malformed JSON: " + e.Message, null),
            _ => null,
        };
        if (details is null)
        {
            log.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            details = Problem(500, "internal", "服务器内部错误，已记录日志", "internal server error; it has been logged", null);
        }
        http.Response.StatusCode = details.Status!.Value;
        if (exception is CoBanException { RetryAfter: { } wait })
            http.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    private static ProblemDetails WithProblems(ProblemDetails details, IReadOnlyList<object>? problems)
    {
        if (problems is not null) details.Extensions["problems"] = problems;
        return details;
    }

    internal static ProblemDetails Problem(int status, string code, string zh, string en, IReadOnlyDictionary<string, string[]>? errors)
    {
        var details = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors.ToDictionary(k => k.Key, k => k.Value)) { Status = status }
            : new ProblemDetails { Status = status };
        details.Title = zh;
        details.Detail = $"{zh} / {en}";
        details.Type = $"https://coban.workflow/problems/{code}";
        details.Extensions["code"] = code;
        details.Extensions["messageEn"] = en;
        return details;
    }
}
