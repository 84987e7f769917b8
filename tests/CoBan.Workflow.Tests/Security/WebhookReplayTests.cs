using System.Net;
using System.Text;
using System.Text.Json;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Notices;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Security;

/// <summary>
/// Signed SMS receipts carry a signed timestamp: a stale or replayed one is refused. Before, a receipt
/// signed once could be posted again at any time (e.g. an old "failed" over a later "delivered").
/// </summary>
public class WebhookReplayTests
{
    private const string Url = "/api/v1/notice-receipts/webhook";

    private static Task<TestHost> StartAsync(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CoBan:Notices:Sms:Provider"] = "webhook",
            ["CoBan:Notices:Sms:Webhook:Url"] = "http://127.0.0.1:9/unused",
            ["CoBan:Notices:Sms:Webhook:Secret"] = NoticeDeliveryTests.Secret,
            ["CoBan:Notices:Dispatcher:Enabled"] = "false",
        };
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return TestHost.StartAsync(settings: settings);
    }

    private static string Receipt(string messageId) =>
        JsonSerializer.Serialize(new { messageId, status = "failed", code = "UNDELIV", at = "2026-09-30T01:05:00Z" });

    [Fact]
    public async Task A_fresh_receipt_is_accepted_and_the_same_receipt_posted_again_is_refused()
    {
        await using var host = await StartAsync();
        var client = host.Anonymous();
        var body = Receipt("m-1");
        var now = host.Clock.GetUtcNow();
        (await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(body, now))).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Clock.Advance(TimeSpan.FromSeconds(30));
        var replayed = await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(body, now));
        replayed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await replayed.Content.ReadAsStringAsync()).ShouldContain("receipt-replayed");

        // After the window the copy is stale; a new receipt signed now is accepted.
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        (await (await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(body, now))).Content.ReadAsStringAsync()).ShouldContain("receipt-stale");
        (await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(body, host.Clock.GetUtcNow()))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_stale_or_future_dated_receipt_is_refused_and_the_window_is_configurable()
    {
        await using var host = await StartAsync();
        var client = host.Anonymous();
        var now = host.Clock.GetUtcNow();
        var stale = await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(Receipt("m-2"), now.AddMinutes(-5).AddSeconds(-1)));
        stale.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("receipt-stale");
        (await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(Receipt("m-3"), now.AddMinutes(6)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync(Url, NoticeDeliveryTests.SignedReceipt(Receipt("m-4"), now.AddMinutes(-4)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var strict = await StartAsync(new() { ["CoBan:Notices:Sms:Webhook:ReceiptWindowSeconds"] = "60" });
        (await strict.Anonymous().PostAsync(Url, NoticeDeliveryTests.SignedReceipt(Receipt("m-5"), strict.Clock.GetUtcNow().AddSeconds(-90))))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_receipt_signed_without_its_timestamp_or_re_dated_is_refused()
    {
        await using var host = await StartAsync();
        var client = host.Anonymous();
        var body = Receipt("m-6");
        // The old form: the body alone signed, no timestamp.
        var bodyOnly = new StringContent(body, Encoding.UTF8, "application/json");
        bodyOnly.Headers.Add(WebhookSmsGateway.SignatureHeader, WebhookSmsGateway.Sign(NoticeDeliveryTests.Secret, body));
        (await client.PostAsync(Url, bodyOnly)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An old signature with a fresh timestamp header put in front of it.
        var old = NoticeDeliveryTests.SignedReceipt(body, host.Clock.GetUtcNow().AddHours(-1));
        old.Headers.Remove(WebhookSmsGateway.TimestampHeader);
        old.Headers.Add(WebhookSmsGateway.TimestampHeader, host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString());
        (await client.PostAsync(Url, old)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A non-numeric timestamp is a 403, not a 500.
        var garbage = new StringContent(body, Encoding.UTF8, "application/json");
        garbage.Headers.Add(WebhookSmsGateway.TimestampHeader, "yesterday");
        garbage.Headers.Add(WebhookSmsGateway.SignatureHeader, WebhookSmsGateway.SignReceipt(NoticeDeliveryTests.Secret, "yesterday", body));
        (await client.PostAsync(Url, garbage)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
