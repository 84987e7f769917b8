using System.Net.Http.Json;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>A gateway that is down is retried with exponential backoff until it is back, and the citizen gets the SMS once.</summary>
public class NoticeRetryTests
{
    internal static async Task<(TestHost Host, Notice Notice)> StartAsync(TestSmsGateway gateway, int maxAttempts = 6, double horizonHours = 24)
    {
        var host = await TestHost.StartAsync(settings: NoticeDeliveryTests.SmsSettings(gateway, new()
        {
            ["CoBan:Notices:Dispatcher:MaxAttempts"] = maxAttempts.ToString(),
            ["CoBan:Notices:Dispatcher:RetryHorizonHours"] = horizonHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CoBan:Notices:Dispatcher:FirstRetrySeconds"] = "10",
        }));
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "sms"));
        return (host, notice);
    }

    internal static Task RunAsync(TestHost host) => host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(CancellationToken.None);

    internal static async Task<NoticeDelivery> DeliveryAsync(TestHost host, Notice notice) => (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();

    [Fact]
    public async Task A_gateway_answering_503_is_retried_with_backoff_and_the_notice_is_delivered_once_when_it_is_back()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        gateway.Unavailable = true;
        var (host, notice) = await StartAsync(gateway);
        await using var _ = host;

        await RunAsync(host);
        var first = await DeliveryAsync(host, notice);
        first.Status.ShouldBe(DeliveryStatus.Pending);
        first.Attempts.ShouldBe(1);
        first.LastError.ShouldNotBeNull().ShouldContain("HTTP 503");
        first.NextAttemptAt.ShouldBe(host.Clock.GetUtcNow().AddSeconds(10));

        await RunAsync(host); // not due yet: nothing is sent
        gateway.Requests.Count.ShouldBe(1);

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await RunAsync(host);
        var second = await DeliveryAsync(host, notice);
        second.Attempts.ShouldBe(2);
        second.NextAttemptAt.ShouldBe(host.Clock.GetUtcNow().AddSeconds(20)); // doubled

        gateway.Unavailable = false;
        host.Clock.Advance(TimeSpan.FromSeconds(20));
        await RunAsync(host);
        await RunAsync(host);

        var sent = await DeliveryAsync(host, notice);
        sent.Status.ShouldBe(DeliveryStatus.Sent);
        sent.Attempts.ShouldBe(3);
        sent.LastError.ShouldBeNull();
        gateway.Requests.Count.ShouldBe(3);
        gateway.Sent.Count.ShouldBe(1);
        (await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.Id == notice.Id))).Status.ShouldBe(NoticeStatus.Sent);
    }

    [Fact]
    public async Task A_gateway_that_refuses_connections_is_retried_and_delivers_once_after_it_starts_again_on_the_same_port()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        var (host, notice) = await StartAsync(gateway);
        await using var _ = host;
        await gateway.StopListeningAsync();

        await RunAsync(host);
        var down = await DeliveryAsync(host, notice);
        down.Status.ShouldBe(DeliveryStatus.Pending);
        down.LastError.ShouldNotBeNull().ShouldContain("refused", Case.Insensitive);

        await gateway.StartListeningAsync();
        host.Clock.Advance(TimeSpan.FromSeconds(10));
        await RunAsync(host);

        (await DeliveryAsync(host, notice)).Status.ShouldBe(DeliveryStatus.Sent);
        gateway.Requests.Count.ShouldBe(1); // the refused attempts never reached it
        gateway.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task After_the_last_attempt_the_delivery_is_dead_visible_and_a_person_can_resend_it()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        gateway.Unavailable = true;
        var (host, notice) = await StartAsync(gateway, maxAttempts: 3, horizonHours: 0);
        await using var _ = host;

        for (var i = 0; i < 3; i++)
        {
            await RunAsync(host);
            host.Clock.Advance(TimeSpan.FromMinutes(5));
        }
        var dead = await DeliveryAsync(host, notice);
        dead.Status.ShouldBe(DeliveryStatus.Dead);
        dead.Attempts.ShouldBe(3);
        (await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.Id == notice.Id))).Status.ShouldBe(NoticeStatus.Dead);
        var coordinator = await host.LoginAsync("zhang.wei");
        var timeline = await coordinator.GetJsonAsync($"/api/v1/notices?caseId={notice.CaseId}");
        ((string?)timeline[0]!["status"]).ShouldBe("dead");
        ((string?)timeline[0]!["deliveries"]![0]!["statusLabel"]).ShouldBe("发送失败");

        gateway.Unavailable = false;
        var resent = await coordinator.PostJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{dead.Id}/resend", new { reason = "网关已恢复" });
        ((string?)resent["deliveries"]![0]!["status"]).ShouldBe("pending");
        await RunAsync(host);

        var delivered = await DeliveryAsync(host, notice);
        delivered.Status.ShouldBe(DeliveryStatus.Sent);
        delivered.IdempotencyKey.ShouldBe(dead.IdempotencyKey); // same key: a gateway that had taken it would not send it again
        delivered.Note.ShouldNotBeNull().ShouldContain("张伟");
        gateway.Sent.Count.ShouldBe(1);
        var journal = await host.WithDbAsync(db => db.Set<JournalEntry>().Where(j => j.CaseId == notice.CaseId).Select(j => j.Action).ToListAsync());
        journal.ShouldContain("notice.dead");
        journal.ShouldContain("notice.resent");
    }

    [Fact]
    public async Task A_permanent_refusal_is_dead_at_once_and_sending_a_delivered_sms_again_is_a_deliberate_new_message()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        gateway.Refuse = true;
        var (host, notice) = await StartAsync(gateway);
        await using var _ = host;

        await RunAsync(host);
        var dead = await DeliveryAsync(host, notice);
        dead.Status.ShouldBe(DeliveryStatus.Dead);
        dead.Attempts.ShouldBe(1);
        dead.LastError.ShouldNotBeNull().ShouldContain("HTTP 400");

        gateway.Refuse = false;
        var coordinator = await host.LoginAsync("zhang.wei");
        await coordinator.PostJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{dead.Id}/resend", new { reason = "号码已更正" });
        await RunAsync(host);
        gateway.Sent.Count.ShouldBe(1);

        // The applicant says the SMS never arrived: a person sends it again on purpose, under a new key.
        await coordinator.PostJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{dead.Id}/resend", new { reason = "申请人称未收到" });
        await RunAsync(host);
        gateway.Sent.Count.ShouldBe(2);
        (await DeliveryAsync(host, notice)).IdempotencyKey.ShouldBe($"{notice.IdempotencyKey}:sms:r1");

        // Nothing to resend on a skipped or print delivery; other bureaus' staff may not.
        var other = await host.LoginAsync("chen.jing");
        (await other.PostAsJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{dead.Id}/resend", new { reason = "x" })).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }
}
