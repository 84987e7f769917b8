using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// The duplicate window: a sender that dies after the provider took the message but before the
/// result was recorded leaves the delivery "sending". After its lease expires it is never re-sent
/// blindly: a de-duplicating gateway is asked again with the same key, the pickup folder is searched,
/// and an SMTP server (which cannot be asked) leaves it for a person to check.
/// </summary>
public class NoticeCrashWindowTests
{
    private const double Lease = 120;

    private static Task RunAsync(TestHost host, CancellationToken ct = default) => host.Services.GetRequiredService<NoticeDispatcher>().RunOnceAsync(ct);

    private static async Task<NoticeDelivery> DeliveryAsync(TestHost host, Notice notice) => (await host.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).Single();

    /// <summary>Puts a delivery back as a dead node leaves it: "sending", leased by that node, the lease already running.</summary>
    private static Task CrashedWhileSendingAsync(TestHost host, long deliveryId) => host.WithDbAsync(db =>
        db.Set<NoticeDelivery>().Where(d => d.Id == deliveryId).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.LockedBy, "dead-node:4242:abcdef")
            .SetProperty(d => d.LockedUntil, host.Clock.GetUtcNow().AddSeconds(Lease)).SetProperty(d => d.SentAt, (DateTimeOffset?)null)
            .SetProperty(d => d.ProviderMessageId, (string?)null)));

    [Fact]
    public async Task A_sender_killed_after_the_gateway_took_the_sms_is_resolved_by_asking_again_with_the_same_key_and_the_phone_gets_it_once()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        await using var host = await TestHost.StartAsync(settings: NoticeDeliveryTests.SmsSettings(gateway));
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "sms"));

        // The gateway takes the SMS but answers slowly; the sender dies while waiting for the answer.
        gateway.Delay = TimeSpan.FromSeconds(1.5);
        using var crash = new CancellationTokenSource();
        var sending = RunAsync(host, crash.Token);
        await WaitAsync(() => gateway.Requests.Count == 1);
        crash.Cancel();
        await Should.ThrowAsync<OperationCanceledException>(sending);
        await WaitAsync(() => gateway.Sent.Count == 1);

        var stuck = await DeliveryAsync(host, notice);
        stuck.Status.ShouldBe(DeliveryStatus.Sending);
        stuck.ProviderMessageId.ShouldBeNull();

        gateway.Delay = TimeSpan.Zero;
        await RunAsync(host); // the lease still runs: nobody touches it
        gateway.Requests.Count.ShouldBe(1);

        host.Clock.Advance(TimeSpan.FromSeconds(Lease + 1));
        await RunAsync(host);

        var resolved = await DeliveryAsync(host, notice);
        resolved.Status.ShouldBe(DeliveryStatus.Sent);
        resolved.ProviderMessageId.ShouldBe(gateway.Sent.Values.Single().MessageId);
        resolved.Note.ShouldNotBeNull().ShouldContain("重新提交");
        gateway.Requests.Count.ShouldBe(2); // asked twice, with the same key…
        gateway.Sent.Count.ShouldBe(1);     // …sent once
    }

    [Fact]
    public async Task An_e_mail_whose_sender_died_in_the_window_is_not_sent_again_but_marked_for_a_person_who_confirms_it()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var host = await TestHost.StartAsync(settings: new()
        {
            ["CoBan:Notices:Email:Host"] = smtp.Host, ["CoBan:Notices:Email:Port"] = smtp.Port.ToString(), ["CoBan:Notices:Dispatcher:Enabled"] = "false",
        });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "email"));
        await RunAsync(host);
        (await smtp.WaitForMessagesAsync(1)).Count.ShouldBe(1);
        var delivery = await DeliveryAsync(host, notice);

        // As if the node had died after the SMTP server took the message, before recording it.
        await CrashedWhileSendingAsync(host, delivery.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(Lease + 1));
        await RunAsync(host);

        var uncertain = await DeliveryAsync(host, notice);
        uncertain.Status.ShouldBe(DeliveryStatus.Uncertain);
        uncertain.LastError.ShouldNotBeNull().ShouldContain("SMTP");
        await RunAsync(host);
        await Task.Delay(300);
        smtp.Messages.Count.ShouldBe(1); // not sent a second time
        (await host.WithDbAsync(db => db.Set<Notice>().SingleAsync(n => n.Id == notice.Id))).Status.ShouldBe(NoticeStatus.Attention);
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.CaseId == theCase.Id && j.Action == "notice.uncertain"))).ShouldBe(1);

        var coordinator = await host.LoginAsync("zhang.wei");
        var confirmed = await coordinator.PostJsonAsync($"/api/v1/notices/{notice.Id}/deliveries/{delivery.Id}/confirm", new { reason = "申请人电话确认已收到邮件" });
        ((string?)confirmed["status"]).ShouldBe("sent");
        ((string?)confirmed["deliveries"]![0]!["status"]).ShouldBe("sent");
        smtp.Messages.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_e_mail_in_the_pickup_folder_is_found_after_a_crash_and_one_that_never_got_there_is_written_once()
    {
        await using var host = await TestHost.StartAsync(settings: new() { ["CoBan:Notices:Dispatcher:Enabled"] = "false" });
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        var notice = await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, "receipt", host.Clock.GetUtcNow(), "email"));
        await RunAsync(host);
        var pickup = Path.Combine(host.DataFolder, "mail-pickup");
        Directory.GetFiles(pickup).Length.ShouldBe(1);
        var delivery = await DeliveryAsync(host, notice);

        // Died after the file was written: found by its Message-ID, not written again.
        await CrashedWhileSendingAsync(host, delivery.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(Lease + 1));
        await RunAsync(host);
        var found = await DeliveryAsync(host, notice);
        found.Status.ShouldBe(DeliveryStatus.Sent);
        found.Note.ShouldNotBeNull().ShouldContain("pickup folder");
        Directory.GetFiles(pickup).Length.ShouldBe(1);

        // Died before the file was written: neither the message nor its sent marker (.coban/sent) is there, so it is
        // written now, once. (Deleting only the .eml would be a relay collecting it: PickupExactlyOnceTests.)
        foreach (var file in Directory.GetFiles(pickup, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "folder-id"))
            File.Delete(file);
        await CrashedWhileSendingAsync(host, delivery.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(Lease + 1));
        await RunAsync(host);
        (await DeliveryAsync(host, notice)).Status.ShouldBe(DeliveryStatus.Sent);
        Directory.GetFiles(pickup).Length.ShouldBe(1);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in 15 s");
            await Task.Delay(20);
        }
    }
}
