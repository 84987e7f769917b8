using CoBan.Workflow.Notices;
using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Tests.Notices;

/// <summary>
/// E-mail through the pickup folder reaches the applicant exactly once, whatever point the writing
/// process dies at, whether or not a mail relay empties the folder before recovery, and with two nodes
/// each writing to a folder of its own. The crash is a throw at a named step of the write protocol
/// (<see cref="PickupFolderTransport.Step"/>): nothing after it runs, as after a kill there.
/// </summary>
public class PickupExactlyOnceTests
{
    // An OperationCanceledException: the outbox lets it through as it would a shutdown, recording nothing, as after a kill.
    private sealed class Killed : OperationCanceledException;

    public static TheoryData<PickupFolderTransport.Step, bool> CrashPoints()
    {
        var data = new TheoryData<PickupFolderTransport.Step, bool>();
        foreach (var step in Enum.GetValues<PickupFolderTransport.Step>())
        {
            data.Add(step, false);
            data.Add(step, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_writer_killed_at_any_step_publishes_the_message_once_even_when_a_relay_empties_the_folder(PickupFolderTransport.Step step, bool relay)
    {
        var folder = Directory.CreateTempSubdirectory("coban-pickup-").FullName;
        var collected = new List<string>();
        try
        {
            var options = Options(folder);
            var channel = new EmailChannel();
            var delivery = Delivery();

            PickupFolderTransport.CrashAt.Value = at => { if (at == step) throw new Killed(); };
            await KilledAsync(() => channel.SendAsync(delivery, options, CancellationToken.None));
            PickupFolderTransport.CrashAt.Value = null;
            if (relay) collected.AddRange(Collect(folder));

            // Recovery, as the outbox does it: ask, and write again only if the answer is "not sent".
            var answer = await channel.ReconcileAsync(delivery, options, CancellationToken.None);
            if (answer.Outcome == ReconcileOutcome.NotSent)
                (await channel.SendAsync(delivery, options, CancellationToken.None)).Outcome.ShouldBe(SendOutcome.Sent);
            else
                answer.Outcome.ShouldBe(ReconcileOutcome.Sent);
            collected.AddRange(Collect(folder));

            collected.Count.ShouldBe(1, $"killed after {step}, relay {(relay ? "emptying" : "not emptying")} the folder");
            Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories).ShouldBeEmpty();
        }
        finally
        {
            PickupFolderTransport.CrashAt.Value = null;
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_message_sent_and_collected_by_the_relay_is_not_written_again_by_a_second_send()
    {
        var folder = Directory.CreateTempSubdirectory("coban-pickup-").FullName;
        try
        {
            var options = Options(folder);
            var channel = new EmailChannel();
            (await channel.SendAsync(Delivery(), options, CancellationToken.None)).Outcome.ShouldBe(SendOutcome.Sent);
            Collect(folder).Count.ShouldBe(1);
            (await channel.SendAsync(Delivery(), options, CancellationToken.None)).Outcome.ShouldBe(SendOutcome.Sent);
            Collect(folder).ShouldBeEmpty();
            (await channel.ReconcileAsync(Delivery(), options, CancellationToken.None)).Outcome.ShouldBe(ReconcileOutcome.Sent);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // One crash point: node B's answer does not depend on it (it cannot look into A's folder), and two hosts on
    // PostgreSQL are the slowest set-up here. Node A's own recovery is covered at every point below.
    [Theory]
    [InlineData(PickupFolderTransport.Step.Recorded)]
    public async Task Two_nodes_with_folders_of_their_own_never_write_an_interrupted_email_twice(PickupFolderTransport.Step step)
    {
        var database = await TestPostgres.CreateDatabaseAsync("pickup_nodes");
        var folders = new[] { Directory.CreateTempSubdirectory("coban-node-a-").FullName, Directory.CreateTempSubdirectory("coban-node-b-").FullName };
        try
        {
            await using var a = await TestHost.StartAsync(Db.Postgres, settings: Settings(folders[0]), sharedPostgres: database);
            await using var b = await TestHost.StartAsync(Db.Postgres, settings: Settings(folders[1]), sharedPostgres: database);
            var notice = await a.WithDbAsync(async db => await NoticeData.NoticeAsync(db, await NoticeData.CaseAsync(db), "receipt", a.Clock.GetUtcNow(), "email"));

            // Node A dies inside the write.
            PickupFolderTransport.CrashAt.Value = at => { if (at == step) throw new Killed(); };
            await KilledAsync(() => RunOnceAsync(a, "node-a"));
            PickupFolderTransport.CrashAt.Value = null;
            var interrupted = (await a.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).ShouldHaveSingleItem();
            interrupted.Status.ShouldBe(DeliveryStatus.Sending);

            // After the lease, node B finds it: B's folder cannot tell, so a person decides; B writes nothing.
            b.Clock.Advance(TimeSpan.FromMinutes(10));
            await DrainAsync(b, "node-b");
            var afterB = (await b.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).ShouldHaveSingleItem();
            afterB.Status.ShouldBe(DeliveryStatus.Uncertain);
            afterB.LastError.ShouldNotBeNull().ShouldContain("另一节点");
            Directory.GetFiles(folders[1], "*.eml").ShouldBeEmpty();
            Directory.GetFiles(folders[0], "*.eml").Length.ShouldBeLessThanOrEqualTo(1);
        }
        finally
        {
            PickupFolderTransport.CrashAt.Value = null;
            await TestPostgres.DropDatabaseAsync(database);
            foreach (var folder in folders) Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(PickupFolderTransport.Step.PendingWritten, false)]
    [InlineData(PickupFolderTransport.Step.Recorded, true)]
    [InlineData(PickupFolderTransport.Step.Published, true)]
    public async Task The_node_that_wrote_it_recovers_its_own_interrupted_email_exactly_once(PickupFolderTransport.Step step, bool relay)
    {
        var folder = Directory.CreateTempSubdirectory("coban-node-a-").FullName;
        try
        {
            await using var a = await TestHost.StartAsync(settings: Settings(folder));
            var notice = await a.WithDbAsync(async db => await NoticeData.NoticeAsync(db, await NoticeData.CaseAsync(db), "receipt", a.Clock.GetUtcNow(), "email"));

            PickupFolderTransport.CrashAt.Value = at => { if (at == step) throw new Killed(); };
            await KilledAsync(() => RunOnceAsync(a, "node-a"));
            PickupFolderTransport.CrashAt.Value = null;
            var collected = relay ? Collect(folder) : [];

            a.Clock.Advance(TimeSpan.FromMinutes(10));
            await DrainAsync(a, "node-a");
            collected.AddRange(Collect(folder));

            (await a.WithDbAsync(db => NoticeData.DeliveriesAsync(db, notice.Id))).ShouldHaveSingleItem().Status.ShouldBe(DeliveryStatus.Sent);
            collected.Count.ShouldBe(1);
        }
        finally
        {
            PickupFolderTransport.CrashAt.Value = null;
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs until the crash point (a cancelled task is awaited for its exception: the "kill" must have happened).</summary>
    private static async Task KilledAsync(Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Killed)
        {
            return;
        }
        throw new ShouldAssertException("the crash point was not reached");
    }

    /// <summary>A relay: takes every published message out of the folder.</summary>
    private static List<string> Collect(string folder)
    {
        var taken = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
        {
            taken.Add(File.ReadAllText(file));
            File.Delete(file);
        }
        return taken;
    }

    private static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["CoBan:Notices:Email:PickupFolder"] = folder,
        ["CoBan:Notices:Email:From"] = "noreply@bzscjg.gov.test",
        ["CoBan:Notices:Dispatcher:Enabled"] = "false",
    };

    private static NoticeOptions Options(string folder) =>
        new() { Email = new EmailOptions { PickupFolder = folder, From = "noreply@bzscjg.gov.test" } };

    private static NoticeDelivery Delivery() => new()
    {
        Channel = NoticeParts.Email, IdempotencyKey = "case:17:receipt:email:1", Address = NoticeData.ApplicantEmail, RecipientName = "李明",
        Subject = "受理回执", Text = "您的申请已受理。", Html = "<p>您的申请已受理。</p>",
    };

    private static async Task RunOnceAsync(TestHost host, string node)
    {
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NoticeWorker>().RunOnceAsync(node, CancellationToken.None);
    }

    private static async Task DrainAsync(TestHost host, string node)
    {
        for (var idle = 0; idle < 3;)
        {
            using var scope = host.Services.CreateScope();
            var done = await scope.ServiceProvider.GetRequiredService<NoticeWorker>().RunOnceAsync(node, CancellationToken.None);
            idle = done == 0 ? idle + 1 : 0;
        }
    }
}
