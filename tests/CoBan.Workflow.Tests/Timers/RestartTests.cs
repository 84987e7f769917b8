using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>
/// The service as a real process on an SQLite file, killed with SIGKILL while timers are pending: after the
/// restart every timer takes effect exactly once, those that fell due while it was down at once. Effects are
/// counted in the database (timer steps in the journal, notices in the outbox), not trigger firings.
/// </summary>
[Collection(ProcessTests.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task After_kill_9_and_a_restart_every_due_timer_fires_once_and_the_late_ones_at_once()
    {
        await using var node = await ServiceProcess.StartAsync(name: "restart");
        var connection = $"Data Source={node.SqlitePath}";
        var soon = await ProcessSteps.PublishAsync(node, TimerModels.TimerNotice("soon-flow", "PT4S"));
        var later = await ProcessSteps.PublishAsync(node, TimerModels.TimerNotice("later-flow", "PT25S"));
        var zhang = await node.LoginAsync("zhang.wei");
        var started = DateTimeOffset.UtcNow;
        var soonIds = await ProcessSteps.StartAsync(zhang, soon, 6);
        var laterIds = await ProcessSteps.StartAsync(zhang, later, 6);
        (await ProcessSteps.ScalarAsync("Sqlite", connection, """SELECT COUNT(*) FROM "ScheduledTimer" WHERE "Status" = 0""")).ShouldBe(12);

        await node.KillAsync();
        // As if it had died between a commit and the scheduling after it: one pending timer loses its trigger.
        var lost = await ProcessSteps.ScalarAsync("Sqlite", connection, $"""SELECT "Id" FROM "ScheduledTimer" WHERE "InstanceId" = {laterIds[0]}""");
        await DeleteTriggerAsync(node.SqlitePath, lost);

        var down = started.AddSeconds(9) - DateTimeOffset.UtcNow;
        if (down > TimeSpan.Zero) await Task.Delay(down); // the "soon" timers are now due while nothing runs
        (await ProcessSteps.FiringsAsync("Sqlite", connection)).Keys.Intersect(soonIds).ShouldBeEmpty("some fired before the kill: make the timers longer");

        await node.RestartAsync();
        var healthy = DateTimeOffset.UtcNow;
        await ProcessSteps.WaitAsync(async () => (await ProcessSteps.FiringsAsync("Sqlite", connection)).Count == 12, "all 12 timers took effect",
            TimeSpan.FromSeconds(90), () => node.ReadLog());
        await Task.Delay(3000); // nothing fires twice later either

        var firings = await ProcessSteps.FiringsAsync("Sqlite", connection);
        firings.Values.ShouldAllBe(f => f.Count == 1, "each timer's step happened once");
        (await ProcessSteps.ScalarAsync("Sqlite", connection, """SELECT COUNT(*) FROM "Notice" WHERE "Template" = 'reminder'""")).ShouldBe(12, "and queued one notice");
        foreach (var id in soonIds)
            (firings[id].At - healthy).ShouldBeLessThan(TimeSpan.FromSeconds(15), "a timer that fell due while the service was down fires at once after the restart");
        foreach (var id in laterIds)
            firings[id].At.ShouldBeGreaterThanOrEqualTo(started.AddSeconds(25).AddSeconds(-1), "never before it is due");
        (await ProcessSteps.ScalarAsync("Sqlite", connection, """SELECT COUNT(*) FROM "ScheduledTimer" WHERE "Status" = 0""")).ShouldBe(0);
    }

    private static async Task DeleteTriggerAsync(string sqlite, long timerId)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqlite}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(name) LIKE 'QRTZ%TRIGGERS'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        tables.ShouldNotBeEmpty();
        // The trigger's detail rows first, the trigger itself last.
        foreach (var table in tables.OrderBy(t => t.Equals("QRTZ_TRIGGERS", StringComparison.OrdinalIgnoreCase)))
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM {table} WHERE TRIGGER_NAME = 'timer-{timerId}'";
            await delete.ExecuteNonQueryAsync();
        }
        await using var check = connection.CreateCommand();
        check.CommandText = $"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = 'timer-{timerId}'";
        Convert.ToInt64(await check.ExecuteScalarAsync()).ShouldBe(0);
    }
}

/// <summary>Tests that run service processes: one at a time, so two never compete for the two cores while timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Name = "service processes";
}
