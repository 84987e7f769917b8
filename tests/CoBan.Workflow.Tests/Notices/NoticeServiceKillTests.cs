using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// The service as a real process, killed (SIGKILL) while it is sending: after a restart nothing is
/// lost and nothing reaches a citizen twice, counted at the receivers (the SMS gateway and the SMTP
/// server). SMS go through a de-duplicating gateway, so the interrupted one is asked again with the
/// same key; an e-mail caught in the window cannot be asked about, so it is left for a person
/// ("uncertain"), never sent again.
/// </summary>
public class NoticeServiceKillTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Notices = 16;

    [Fact]
    public async Task A_service_killed_mid_dispatch_loses_nothing_and_sends_nothing_twice_after_restart()
    {
        var folder = Directory.CreateTempSubdirectory("coban-kill-").FullName;
        var database = $"Data Source={Path.Combine(folder, "coban.db")}";
        await using var gateway = await TestSmsGateway.StartAsync();
        await using var smtp = await TestSmtpServer.StartAsync();
        var configuration = new Dictionary<string, string?>
        {
            ["CoBan:Demo"] = "true",
            ["CoBan:DataFolder"] = folder,
            ["CoBan:Database:Provider"] = "Sqlite",
            ["CoBan:Database:ConnectionString"] = database,
            ["CoBan:Notices:Sms:Provider"] = "webhook",
            ["CoBan:Notices:Sms:SignName"] = "霸州市政务服务中心",
            ["CoBan:Notices:Sms:Webhook:Url"] = gateway.Url,
            // Longer than the test can take: only the kill ends the held request.
            ["CoBan:Notices:Sms:Webhook:TimeoutSeconds"] = "300",
            ["CoBan:Notices:Email:Host"] = smtp.Host,
            ["CoBan:Notices:Email:Port"] = smtp.Port.ToString(),
            ["CoBan:Notices:Email:TimeoutSeconds"] = "2",
            ["CoBan:Notices:Dispatcher:PollSeconds"] = "0.2",
            // Short, so that the restarted service recovers the killed send at once (one node: no one else could have it).
            ["CoBan:Notices:Dispatcher:LeaseSeconds"] = "3",
            ["CoBan:Notices:Dispatcher:FirstRetrySeconds"] = "1",
        };
        try
        {
            await using var first = await ServiceProcess.StartAsync(configuration, "notices", folder);
            // Three SMS go out, the fourth is held inside the gateway: the outbox sends one delivery at a time, so at the
            // kill exactly that one is "sending" and everything after it is still pending, however slow the machine.
            gateway.HoldAfter = 3;
            await using (var db = Open(database))
            {
                var theCase = await NoticeData.CaseAsync(db);
                for (var i = 0; i < Notices; i++)
                    await NoticeData.NoticeAsync(db, theCase, i % 2 == 0 ? "receipt" : "one-time-notice", DateTimeOffset.UtcNow, "sms,email");
            }

            // Kill while an SMS is inside the gateway (taken, not yet answered), three already sent.
            await WaitAsync(() => gateway.Held > 0, first, TimeSpan.FromSeconds(120));
            await first.KillAsync();
            await WaitAsync(() => gateway.InFlight == 0, null, TimeSpan.FromSeconds(30));
            var beforeRestart = await StatusesAsync(database);
            gateway.Sent.Count.ShouldBe(3);
            beforeRestart.Count(d => d.Channel == "sms" && d.Status == DeliveryStatus.Sending).ShouldBe(1, "the held SMS is in its send window");
            beforeRestart.Count(d => d.Channel == "sms" && d.Status == DeliveryStatus.Sent).ShouldBe(3, "work is left: twelve SMS not yet sent");

            gateway.ReleaseHeld();
            await first.RestartAsync();
            var second = first;
            await WaitAsync(() => Settled(database), second, TimeSpan.FromSeconds(120));

            var after = await StatusesAsync(database);
            output.WriteLine($"before restart: {string.Join(", ", beforeRestart.GroupBy(d => $"{d.Channel} {d.Status}").Select(g => $"{g.Key} {g.Count()}"))}");
            output.WriteLine($"after: {string.Join(", ", after.GroupBy(d => $"{d.Channel} {d.Status}").Select(g => $"{g.Key} {g.Count()}"))}; gateway requests {gateway.Requests.Count}, SMS sent {gateway.Sent.Count}");

            // Nothing lost: every SMS went out, every e-mail went out or is left for a person to check.
            after.Count.ShouldBe(Notices * 2);
            after.Where(d => d.Channel == "sms").ShouldAllBe(d => d.Status == DeliveryStatus.Sent);
            after.Where(d => d.Channel == "email").ShouldAllBe(d => d.Status == DeliveryStatus.Sent || d.Status == DeliveryStatus.Uncertain);

            // Nothing twice, counted at the receivers.
            gateway.Sent.Count.ShouldBe(Notices);
            after.Where(d => d.Channel == "sms").Select(d => d.IdempotencyKey).Order().ShouldBe(gateway.Sent.Keys.Order());
            var mails = (await smtp.WaitForMessagesAsync(after.Count(d => d.Channel == "email" && d.Status == DeliveryStatus.Sent)))
                .GroupBy(m => m.Header("Message-ID")).ToList();
            mails.ShouldAllBe(g => g.Count() == 1, "an e-mail reached the SMTP server twice");
            foreach (var sent in after.Where(d => d.Channel == "email" && d.Status == DeliveryStatus.Sent))
                mails.ShouldContain(g => g.Key == sent.ProviderMessageId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static SqliteCoBanDbContext Open(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteCoBanDbContext>().UseCoBanSqlite(connectionString).AddInterceptors(new SqlitePragmas()).Options);

    private static async Task<List<NoticeDelivery>> StatusesAsync(string database)
    {
        await using var db = Open(database);
        return await db.Set<NoticeDelivery>().AsNoTracking().ToListAsync();
    }

    private static bool Settled(string database)
    {
        using var db = Open(database);
        return db.Set<Notice>().Count(n => n.Status == NoticeStatus.Pending) == 0
            && db.Set<NoticeDelivery>().Count() == Notices * 2
            && !db.Set<NoticeDelivery>().Any(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending);
    }

    private static async Task WaitAsync(Func<bool> condition, ServiceProcess? service, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (service is { IsRunning: false }) throw new InvalidOperationException("the service exited:\n" + service.ReadLog());
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"condition not met within {timeout.TotalSeconds:0} s\n{service?.ReadLog()}");
            await Task.Delay(10);
        }
    }
}
