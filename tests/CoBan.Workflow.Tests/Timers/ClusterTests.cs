using CoBan.Workflow.Tests.Infrastructure;
using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// Two service processes on one PostgreSQL database, Quartz clustered. One node is killed with SIGKILL while
/// timers are pending; the survivor fires them; then both run side by side. Every timer's effect happens
/// exactly once: counted as instance steps in the journal and notices in the outbox.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class ClusterTests
{
    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_fire_every_timer_exactly_once_even_when_one_is_killed()
    {
        var database = await TestPostgres.CreateDatabaseAsync("cluster");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["CoBan:Database:Provider"] = "Postgres",
                ["CoBan:Database:ConnectionString"] = database,
                ["CoBan:Timers:SyncInterval"] = "00:00:05",
            };
            await using var a = await ServiceProcess.StartAsync(settings, "node-a"); // migrates and seeds first
            await using var b = await ServiceProcess.StartAsync(settings, "node-b");
            string Logs() => a.ReadLog() + "\n----- node-b -----\n" + b.ReadLog();

            var procedure = await ProcessSteps.PublishAsync(a, TimerModels.TimerNotice("cluster-flow", "PT8S"));
            var first = new List<long>();
            first.AddRange(await ProcessSteps.StartAsync(await a.LoginAsync("zhang.wei"), procedure, 10));
            first.AddRange(await ProcessSteps.StartAsync(await b.LoginAsync("li.na"), procedure, 10));
            await a.KillAsync(); // before any is due: node B must fire all twenty, node A's acquired triggers included

            await ProcessSteps.WaitAsync(async () => (await ProcessSteps.FiringsAsync("Postgres", database)).Count == 20, "node B fired all 20",
                TimeSpan.FromSeconds(90), Logs);

            await a.RestartAsync();
            var second = new List<long>();
            second.AddRange(await ProcessSteps.StartAsync(await a.LoginAsync("zhang.wei"), procedure, 15));
            second.AddRange(await ProcessSteps.StartAsync(await b.LoginAsync("li.na"), procedure, 15));
            await ProcessSteps.WaitAsync(async () => (await ProcessSteps.FiringsAsync("Postgres", database)).Count == 50, "both nodes fired the next 30",
                TimeSpan.FromSeconds(90), Logs);
            await Task.Delay(4000);

            var firings = await ProcessSteps.FiringsAsync("Postgres", database);
            firings.Keys.Order().ShouldBe(first.Concat(second).Order());
            firings.Values.ShouldAllBe(f => f.Count == 1, "each timer advanced its instance once");
            (await ProcessSteps.ScalarAsync("Postgres", database, """SELECT COUNT(*) FROM "Notice" WHERE "Template" = 'reminder'""")).ShouldBe(50, "and queued one notice");
            (await ProcessSteps.ScalarAsync("Postgres", database, """SELECT COUNT(*) FROM "ProcessInstance" WHERE "Status" = 1""")).ShouldBe(50);
            (await ProcessSteps.ScalarAsync("Postgres", database, """SELECT COUNT(*) FROM "ScheduledTimer" WHERE "Status" = 0""")).ShouldBe(0);
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }
}
