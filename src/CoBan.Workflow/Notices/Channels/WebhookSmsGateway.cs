using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoBan.Workflow.Notices;

/// <summary>
/// A generic HTTP/JSON SMS gateway (a city's own SMS platform, or a relay in front of a provider).
/// POST {Url} with the template code, the values, the phone, the text and the idempotency key (body
/// field and Idempotency-Key header); the gateway must de-duplicate on the key (the same key returns
/// the same message id and sends nothing) and answer 2xx with {"messageId": "..."}. With a secret the
/// body is signed: X-CoBan-Signature: sha256=hex(HMAC-SHA256(secret, body)).
/// </summary>
public sealed class WebhookSmsGateway(IHttpClientFactory http) : ISmsGateway
{
    public const string ClientName = "coban-sms-webhook";
    public const string SignatureHeader = "X-CoBan-Signature";
    /// <summary>On receipts: Unix seconds when the receipt was signed; the signature covers "{timestamp}.{body}".</summary>
    public const string TimestampHeader = "X-CoBan-Timestamp";

    public string Name => "webhook";

    public bool Deduplicates => true;

    public async Task<SendResult> SendAsync(SmsMessage message, NoticeOptions options, CancellationToken ct)
    {
        var webhook = options.Sms.Webhook;
        if (string.IsNullOrWhiteSpace(webhook.Url))
            return new SendResult(SendOutcome.Refused, Name, null, "未配置短信网关地址 CoBan:Notices:Sms:Webhook:Url / no webhook URL configured");
        var body = JsonSerializer.Serialize(new
        {
            idempotencyKey = message.IdempotencyKey,
            phone = message.Phone,
            signName = message.SignName,
            templateCode = message.TemplateCode,
            @params = message.Params,
            text = message.Text,
        }, JsonDefaults.StoredIndented);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        if (!string.IsNullOrEmpty(webhook.Secret)) request.Headers.Add(SignatureHeader, Sign(webhook.Secret, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(webhook.TimeoutSeconds));
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(ClientName).SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(Failures.NeverConnected(e) ? SendOutcome.NotSent : SendOutcome.Ambiguous, Name, null, Failures.Describe(e));
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
                return SendResult.Ok(Name, MessageId(text) ?? message.IdempotencyKey);
            var error = $"HTTP {(int)response.StatusCode}: {Truncate(text)}";
            var temporary = (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new SendResult(temporary ? SendOutcome.NotSent : SendOutcome.Refused, Name, null, error);
        }
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static bool Verify(string? secret, string body, string? header) =>
        string.IsNullOrEmpty(secret) || (header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header)));

    /// <summary>A receipt's signature: the timestamp is signed with the body, so an old receipt cannot be re-dated.</summary>
    public static string SignReceipt(string secret, string timestamp, string body) => Sign(secret, timestamp + "." + body);

    public static bool VerifyReceipt(string secret, string? timestamp, string body, string? header) =>
        timestamp is not null && header is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SignReceipt(secret, timestamp, body)), Encoding.ASCII.GetBytes(header));

    private static string? MessageId(string json)
    {
        try
        {
            var node = JsonNode.Parse(json);
            return (string?)(node?["messageId"] ?? node?["id"]);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
