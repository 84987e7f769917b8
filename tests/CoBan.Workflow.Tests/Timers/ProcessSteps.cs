using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CoBan.Workflow.Tests.Timers;

/// <summary>What the crash tests do against service processes: publish, start, and count effects straight in the database.</summary>
public static class ProcessSteps
{
    public static async Task<long> PublishAsync(ServiceProcess node, string xml)
    {
        var owner = await node.LoginAsync("owner.scjg");
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml });
        var id = (long)created["id"]!;
        await owner.PostJsonAsync($"/api/v1/procedures/{id}/publish", new { comment = "v1" });
        return id;
    }

    public static async Task<List<long>> StartAsync(HttpClient coordinator, long procedureId, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var response = await coordinator.PostAsJsonAsync("/api/v1/instances", new { procedureId, variables = new Dictionary<string, object> { ["caseOwner"] = "zhang.wei" } });
            ids.Add((long)(await response.JsonAsync())["instance"]!["id"]!);
        }
        return ids;
    }

    /// <summary>Opens the node's database (SQLite file or PostgreSQL) for counting.</summary>
    public static DbConnection Open(string provider, string connectionString) =>
        provider == "Postgres" ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString + ";Mode=ReadOnly");

    public static async Task<long> ScalarAsync(string provider, string connectionString, string sql)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>Per instance: how many "timer.fired" journal entries, and when the first was written (UTC).</summary>
    public static async Task<Dictionary<long, (int Count, DateTimeOffset At)>> FiringsAsync(string provider, string connectionString)
    {
        await using var connection = Open(provider, connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "InstanceId", COUNT(*), MIN("At") FROM "JournalEntry" WHERE "Action" = 'timer.fired' GROUP BY "InstanceId" """;
        var result = new Dictionary<long, (int, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var raw = reader.GetValue(2);
            var at = raw switch
            {
                long ticks => new DateTimeOffset(ticks, TimeSpan.Zero),
                DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
                DateTimeOffset dto => dto,
                _ => throw new InvalidOperationException($"unexpected time {raw.GetType()}"),
            };
            result[reader.GetInt64(0)] = (Convert.ToInt32(reader.GetValue(1)), at);
        }
        return result;
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > timeout)
                throw new ShouldAssertException($"timed out after {timeout.TotalSeconds:0} s waiting until {what}" + (diagnostics is null ? "" : "\n" + diagnostics()));
            await Task.Delay(250);
        }
    }
}
