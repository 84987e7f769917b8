using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Alibaba Cloud SMS, SendSms (API version 2017-05-25), signed by hand (the SDK is not installable
/// here). The provider documents that SendSms is not idempotent and that a timeout should be checked
/// against the receipts before retrying: so only answers that certainly mean "not sent" are retried;
/// a timeout, a dropped connection or a server error leaves the delivery for a person to check. The
/// idempotency key goes out as OutId and comes back in the delivery receipt.
/// </summary>
public sealed class AliyunSmsGateway(IHttpClientFactory http, TimeProvider clock) : ISmsGateway
{
    public const string ClientName = "coban-sms-aliyun";


    public string Name => "aliyun";

    public bool Deduplicates => false;

    /// <summary>Error codes that mean the message was refused for now (flow control): retry later.</summary>
    private static readonly string[] Temporary = ["isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL", "Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable"];

    public async Task<SendResult> SendAsync(SmsMessage message, NoticeOptions options, CancellationToken ct)
    {
        var aliyun = options.Sms.Aliyun;
        if (string.IsNullOrWhiteSpace(aliyun.AccessKeyId) || string.IsNullOrWhiteSpace(aliyun.AccessKeySecret))
            return new SendResult(SendOutcome.Refused, Name, null, "未配置阿里云 AccessKey / no Alibaba Cloud AccessKey configured");
        if (string.IsNullOrWhiteSpace(message.SignName))
            return new SendResult(SendOutcome.Refused, Name, null, "未配置短信签名 CoBan:Notices:Sms:SignName / no SMS sign name configured");
        var parameters = Parameters(message, aliyun, clock.GetUtcNow(), Guid.NewGuid().ToString());
        var url = aliyun.Endpoint.TrimEnd('/') + "/?" + AliyunSignature.SignedQuery("GET", parameters, aliyun.AccessKeySecret);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(aliyun.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(ClientName).GetAsync(url, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(Failures.NeverConnected(e) ? SendOutcome.NotSent : SendOutcome.Ambiguous, Name, null, Failures.Describe(e));
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            JsonNode? json = null;
            try { json = JsonNode.Parse(text); } catch (JsonException) { }
            var code = (string?)json?["Code"];
            if (code == "OK") return SendResult.Ok(Name, (string?)json?["BizId"]);
            var error = $"HTTP {(int)response.StatusCode} {code}: {(string?)json?["Message"] ?? text}";
            if (code is null || code.StartsWith("isp.", StringComparison.Ordinal) || (int)response.StatusCode >= 500)
                return new SendResult(SendOutcome.Ambiguous, Name, null, error);
            return new SendResult(Temporary.Contains(code) ? SendOutcome.NotSent : SendOutcome.Refused, Name, null, error);
        }
    }

    public static Dictionary<string, string> Parameters(SmsMessage message, AliyunOptions aliyun, DateTimeOffset now, string nonce) => new()
    {
        ["AccessKeyId"] = aliyun.AccessKeyId!,
        ["Action"] = "SendSms",
        ["Format"] = "JSON",
        ["OutId"] = message.IdempotencyKey,
        ["PhoneNumbers"] = message.Phone,
        ["RegionId"] = aliyun.RegionId,
        ["SignName"] = message.SignName!,
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = nonce,
        ["SignatureVersion"] = "1.0",
        ["TemplateCode"] = message.TemplateCode,
        ["TemplateParam"] = JsonSerializer.Serialize(message.Params, JsonDefaults.Stored),
        ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["Version"] = "2017-05-25",
    };
}
