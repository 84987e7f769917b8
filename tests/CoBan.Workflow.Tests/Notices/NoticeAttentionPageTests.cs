using System.Net;
using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// The page duty leaders and administrators work from after an outage (/supervision/notices): dead and
/// uncertain deliveries of their bureaus, each resent or confirmed with a reason; supervisors read it
/// only; coordinators and strangers are refused; another bureau's delivery can't be touched from it.
/// </summary>
public class NoticeAttentionPageTests
{
    private const string Page = "/supervision/notices";

    // No dispatcher: a resent delivery stays pending for the assertions instead of being picked up at once.
    private static Task<TestHost> StartAsync() =>
        TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });

    [Fact]
    public async Task A_duty_leader_sees_the_deliveries_of_his_bureau_and_resends_or_confirms_them_with_a_reason()
    {
        await using var host = await StartAsync();
        var (uncertain, dead, foreign) = await SeedAsync(host);
        var leader = await host.LoginAsync("liu.yang");

        var page = await leader.GetStringAsync(Page);
        page.ShouldContain($"data-delivery=\"{uncertain}\"");
        page.ShouldContain($"data-delivery=\"{dead}\"");
        page.ShouldNotContain($"data-delivery=\"{foreign}\"");
        page.ShouldContain("确认已发出");

        (await PostAsync(leader, page, uncertain, "confirm", "已电话联系申请人，邮件已收到")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(leader, await leader.GetStringAsync(Page), dead, "resend", "邮件服务器已恢复")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var rows = await host.WithDbAsync(db => db.Set<NoticeDelivery>().AsNoTracking().ToDictionaryAsync(d => d.Id));
        rows[uncertain].Status.ShouldBe(DeliveryStatus.Sent);
        rows[uncertain].Note.ShouldNotBeNull().ShouldContain("已电话联系申请人");
        rows[dead].Status.ShouldBe(DeliveryStatus.Pending);
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.Action == "notice.confirmed" || j.Action == "notice.resent"))).ShouldBe(2);
        (await leader.GetStringAsync(Page)).ShouldContain("data-test=\"attention-empty\"");
    }

    [Fact]
    public async Task Another_bureaus_delivery_and_a_missing_reason_change_nothing()
    {
        await using var host = await StartAsync();
        var (uncertain, _, foreign) = await SeedAsync(host);
        var leader = await host.LoginAsync("liu.yang");
        var page = await leader.GetStringAsync(Page);

        // The form of one of his rows, pointed at the other bureau's delivery: the action is refused.
        var refused = await PostAsync(leader, page, uncertain, "confirm", "核实", deliveryIdInForm: foreign);
        refused.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        var blank = await PostAsync(leader, page, uncertain, "confirm", "  ");
        blank.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await blank.Content.ReadAsStringAsync()).ShouldContain("请填写核实情况或理由");

        var rows = await host.WithDbAsync(db => db.Set<NoticeDelivery>().AsNoTracking().ToDictionaryAsync(d => d.Id));
        rows[uncertain].Status.ShouldBe(DeliveryStatus.Uncertain);
        rows[foreign].Status.ShouldBe(DeliveryStatus.Uncertain);
    }

    [Fact]
    public async Task Supervisors_read_it_without_forms_coordinators_and_strangers_are_refused()
    {
        await using var host = await StartAsync();
        var (uncertain, _, _) = await SeedAsync(host);

        var supervisor = await (await host.LoginAsync("zhao.jian")).GetStringAsync(Page);
        supervisor.ShouldContain($"data-delivery=\"{uncertain}\"");
        supervisor.ShouldNotContain("data-test=\"resend\"");
        // Supervisors get the count on their tabs.
        (await (await host.LoginAsync("zhao.jian")).GetStringAsync("/supervision")).ShouldContain("data-test=\"attention-count\"");

        var coordinator = await (await host.LoginAsync("zhang.wei")).GetAsync(Page);
        (await coordinator.Content.ReadAsStringAsync()).ShouldNotContain($"data-delivery=\"{uncertain}\"");
        coordinator.StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var anonymous = await host.Anonymous().GetAsync(Page);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("login");
    }

    /// <summary>An uncertain and a dead e-mail of the duty leader's bureau (市场监管局), and an uncertain one of 人社局.</summary>
    private static async Task<(long Uncertain, long Dead, long Foreign)> SeedAsync(TestHost host) =>
        await host.WithDbAsync(async db =>
        {
            var own = await NoticeData.CaseAsync(db);
            var rsj = await NoticeData.BureauAsync(db, "BZ-RSJ");
            var other = await NoticeData.CaseAsync(db, 18, c => { c.BureauId = rsj; c.Number = "BZ-RSJ-2026-00018"; });
            var now = host.Clock.GetUtcNow();
            async Task<long> DeliveryAsync(CoBan.Workflow.Cases.Case theCase, DeliveryStatus status, string error)
            {
                var notice = await NoticeData.NoticeAsync(db, theCase, "receipt", now, "email");
                notice.Status = NoticeStatus.Attention;
                var delivery = new NoticeDelivery
                {
                    NoticeId = notice.Id, Channel = NoticeParts.Email, IdempotencyKey = notice.IdempotencyKey + ":email", Status = status,
                    Address = NoticeData.ApplicantEmail, RecipientName = "李明", Subject = "受理回执", Text = "您的申请已受理。",
                    Attempts = 6, MaxAttempts = 6, CreatedAt = now, LastAttemptAt = now, NextAttemptAt = now, LastError = error,
                };
                db.Add(delivery);
                await db.SaveChangesAsync();
                return delivery.Id;
            }
            return (await DeliveryAsync(own, DeliveryStatus.Uncertain, "发送过程中服务中断 / the service stopped while sending"),
                await DeliveryAsync(own, DeliveryStatus.Dead, "SMTP 550: mailbox unavailable"),
                await DeliveryAsync(other, DeliveryStatus.Uncertain, "发送过程中服务中断 / the service stopped while sending"));
        });

    /// <summary>Submits the row form of <paramref name="deliveryId"/> (or, to try a stranger's, another delivery's handler name).</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, long deliveryId, string act, string reason, long? deliveryIdInForm = null) =>
        Forms.PostAsync(client, Page, page, $"act-{deliveryIdInForm ?? deliveryId}", new() { ["reason"] = reason, ["act"] = act });
}
