using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using static CoBan.Workflow.Tests.Notices.NoticeRetryTests;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Outages of hours: a delivery is retried with backoff up to the retry horizon (24 h by default) before it is dead,
/// and what is dead or uncertain is listed for duty leaders and administrators, with a count, until a person acts.
/// </summary>
public sealed class NoticeOutageTests
{
    [Fact]
    public async Task A_gateway_down_for_ten_hours_is_ridden_out_and_the_sms_goes_out_once_when_it_is_back()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        gateway.Unavailable = true;
        var (host, notice) = await StartAsync(gateway); // 6 attempts at least, 24 h horizon: the defaults
        await using var _ = host;

        for (var hour = 0; hour < 10; hour++)
        {
            await RunAsync(host);
            host.Clock.Advance(TimeSpan.FromHours(1));
        }
        var waiting = await DeliveryAsync(host, notice);
        waiting.Status.ShouldBe(DeliveryStatus.Pending, "ten hours down is not yet dead");
        waiting.Attempts.ShouldBeGreaterThan(6);

        gateway.Unavailable = false;
        host.Clock.Advance(TimeSpan.FromHours(1));
        await RunAsync(host);
        (await DeliveryAsync(host, notice)).Status.ShouldBe(DeliveryStatus.Sent);
        gateway.Sent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Past_the_horizon_it_is_dead_and_listed_for_the_duty_leader_with_a_count_until_it_is_resent()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        gateway.Unavailable = true;
        var (host, notice) = await StartAsync(gateway);
        await using var _ = host;
        for (var hour = 0; hour < 26; hour++)
        {
            await RunAsync(host);
            if ((await DeliveryAsync(host, notice)).Status == DeliveryStatus.Dead) break;
            host.Clock.Advance(TimeSpan.FromHours(1));
        }
        var dead = await DeliveryAsync(host, notice);
        dead.Status.ShouldBe(DeliveryStatus.Dead);
        (host.Clock.GetUtcNow() - dead.CreatedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromHours(24));

        var leader = await host.LoginAsync("liu.yang");
        var count = await leader.GetJsonAsync("/api/v1/notices/attention/count");
        ((int)count["dead"]!).ShouldBe(1);
        ((int)count["uncertain"]!).ShouldBe(0);
        var list = (await leader.GetJsonAsync("/api/v1/notices/attention")).AsArray();
        var row = list.ShouldHaveSingleItem()!;
        ((long)row["noticeId"]!).ShouldBe(notice.Id);
        ((string?)row["delivery"]!["status"]).ShouldBe("dead");
        ((string?)row["delivery"]!["lastError"]).ShouldNotBeNullOrWhiteSpace();

        // A coordinator does not see the list; the duty leader resends, and it leaves the list.
        var coordinator = await host.LoginAsync("zhang.wei");
        (await coordinator.GetAsync("/api/v1/notices/attention")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        gateway.Unavailable = false;
        await leader.PostJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{dead.Id}/resend", new { reason = "网关已恢复" });
        await RunAsync(host);
        (await DeliveryAsync(host, notice)).Status.ShouldBe(DeliveryStatus.Sent);
        (await leader.GetJsonAsync("/api/v1/notices/attention")).AsArray().Count.ShouldBe(0);
        ((int)(await leader.GetJsonAsync("/api/v1/notices/attention/count"))["dead"]!).ShouldBe(0);
    }
}
