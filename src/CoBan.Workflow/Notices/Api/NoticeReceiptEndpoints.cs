using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoBan.Workflow.Data;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Delivery receipts pushed by SMS providers (anonymous endpoints, authenticated by the provider's
/// secret): the webhook gateway signs its body with the shared secret; Alibaba Cloud's SmsReport push
/// carries the token configured in its receipt URL.
/// </summary>
public static class NoticeReceiptEndpoints
{
    public static IEndpointRouteBuilder MapNoticeReceiptApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/notice-receipts").AllowAnonymous().WithTags("Notice receipts");
        api.MapPost("/webhook", Webhook);
        api.MapPost("/aliyun", Aliyun);
        return app;
    }

    /// <summary>
    /// Body: one receipt or an array of {messageId | idempotencyKey, status: delivered|failed, code?, message?, at?};
    /// headers X-CoBan-Timestamp (Unix seconds) and X-CoBan-Signature over "{timestamp}.{body}".
    /// </summary>
    private static async Task<IResult> Webhook(HttpRequest request, NoticeSettingsStore store, CoBanDbContext db, NoticeActions actions, ReceiptReplayGuard replay, CancellationToken ct)
    {
        var options = await store.CurrentAsync(db, ct);
        var body = await new StreamReader(request.Body).ReadToEndAsync(ct);
        if (string.IsNullOrEmpty(options.Sms.Webhook.Secret))
            throw CoBanException.Forbidden("未配置短信网关密钥，不接收回执", "receipts are refused while no webhook secret is configured");
        string? timestamp = request.Headers[WebhookSmsGateway.TimestampHeader], signature = request.Headers[WebhookSmsGateway.SignatureHeader];
        if (!WebhookSmsGateway.VerifyReceipt(options.Sms.Webhook.Secret, timestamp, body, signature))
            throw CoBanException.Forbidden("回执签名无效（签名须覆盖时间戳与正文）", "the receipt's signature is not valid (it must cover the timestamp and the body)");
        replay.Check(timestamp, signature!, TimeSpan.FromSeconds(Math.Clamp(options.Sms.Webhook.ReceiptWindowSeconds, 1, 3600)));
        var node = JsonNode.Parse(body);
        var items = node is JsonArray array ? array.ToList() : [node];
        var matched = 0;
        foreach (var item in items)
        {
            var status = ((string?)item?["status"])?.ToLowerInvariant();
            if (status is not ("delivered" or "failed")) continue;
            if (await actions.ApplyReceiptAsync("webhook", (string?)item?["messageId"], (string?)item?["idempotencyKey"], status == "delivered",
                    (string?)item?["code"], (string?)item?["message"], Time((string?)item?["at"]), ct))
                matched++;
        }
        return Results.Ok(new { received = items.Count, matched });
    }

    /// <summary>Alibaba Cloud SmsReport (HTTP batch push): a JSON array; answered {"code":0,"msg":"接收成功"} as the provider requires.</summary>
    private static async Task<IResult> Aliyun(string? token, HttpRequest request, NoticeSettingsStore store, CoBanDbContext db, NoticeActions actions, CancellationToken ct)
    {
        var options = await store.CurrentAsync(db, ct);
        if (string.IsNullOrEmpty(options.Sms.Aliyun.ReceiptToken) || token != options.Sms.Aliyun.ReceiptToken)
            throw CoBanException.Forbidden("回执令牌无效", "the receipt token is not valid");
        var reports = await JsonSerializer.DeserializeAsync<List<JsonObject>>(request.Body, cancellationToken: ct) ?? [];
        foreach (var report in reports)
        {
            var at = DateTimeOffset.TryParseExact((string?)report["report_time"], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                ? new DateTimeOffset(local.DateTime, ChinaTime.Offset) : (DateTimeOffset?)null;
            await actions.ApplyReceiptAsync("aliyun", (string?)report["biz_id"], (string?)report["out_id"], report["success"]?.GetValue<bool>() == true,
                (string?)report["err_code"], (string?)report["err_msg"], at, ct);
        }
        return Results.Ok(new { code = 0, msg = "接收成功" });
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
