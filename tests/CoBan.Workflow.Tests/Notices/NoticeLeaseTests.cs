using CoBan.Workflow.Journal;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// Several dispatchers at once (nodes of a PostgreSQL cluster, or workers of one node) never send the
/// same delivery twice: planning and every send are leased by a conditional update first. The gateway
/// here counts requests, not just messages, so a second request for a delivery would show.
/// </summary>
public class NoticeLeaseTests
{
    private const int Notices = 24;

    [Fact]
    public async Task Four_workers_racing_on_one_sqlite_database_send_every_notice_exactly_once()
    {
        await using var gateway = await TestSmsGateway.StartAsync();
        await using var host = await TestHost.StartAsync(settings: NoticeDeliveryTests.SmsSettings(gateway));
        await CreateNoticesAsync(host);

        await Task.WhenAll(Enumerable.Range(1, 4).Select(i => DrainAsync(host, $"worker-{i}")));

        await AssertEachSentOnceAsync(host, gateway);
    }

    [Fact]
    public async Task Two_service_nodes_on_one_postgresql_database_send_every_notice_exactly_once()
    {
        var database = await TestPostgres.CreateDatabaseAsync("notice_nodes");
        try
        {
            await using var gateway = await TestSmsGateway.StartAsync();
            var shared = NoticeDeliveryTests.SmsSettings(gateway, new() { ["CoBan:Database:ConnectionString"] = database });
            await using var first = await TestHost.StartAsync(Db.Postgres, settings: shared);
            await using var second = await TestHost.StartAsync(Db.Postgres, settings: shared);
            await CreateNoticesAsync(first);

            await Task.WhenAll(
                DrainAsync(first, "node-a:1"), DrainAsync(first, "node-a:2"),
                DrainAsync(second, "node-b:1"), DrainAsync(second, "node-b:2"));

            await AssertEachSentOnceAsync(first, gateway);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task CreateNoticesAsync(TestHost host)
    {
        var theCase = await host.WithDbAsync(db => NoticeData.CaseAsync(db));
        for (var i = 0; i < Notices; i++)
            await host.WithDbAsync(db => NoticeData.NoticeAsync(db, theCase, i % 2 == 0 ? "receipt" : "completion-reply", host.Clock.GetUtcNow(), "sms"));
    }

    /// <summary>One worker, as a node's dispatcher would run it, until there is nothing left to do.</summary>
    private static async Task DrainAsync(TestHost host, string node)
    {
        for (var idle = 0; idle < 3;)
        {
            using var scope = host.Services.CreateScope();
            var done = await scope.ServiceProvider.GetRequiredService<NoticeWorker>().RunOnceAsync(node, CancellationToken.None);
            idle = done == 0 ? idle + 1 : 0;
        }
    }

    private static async Task AssertEachSentOnceAsync(TestHost host, TestSmsGateway gateway)
    {
        gateway.Requests.Count.ShouldBe(Notices);
        gateway.Sent.Count.ShouldBe(Notices);
        var deliveries = await host.WithDbAsync(db => db.Set<NoticeDelivery>().AsNoTracking().ToListAsync());
        deliveries.Count.ShouldBe(Notices);
        deliveries.ShouldAllBe(d => d.Status == DeliveryStatus.Sent && d.Attempts == 1);
        (await host.WithDbAsync(db => db.Set<Notice>().CountAsync(n => n.Status == NoticeStatus.Sent))).ShouldBe(Notices);
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.Action == "notice.planned"))).ShouldBe(Notices);
        (await host.WithDbAsync(db => db.Set<JournalEntry>().CountAsync(j => j.Action == "notice.sent"))).ShouldBe(Notices);
    }
}
