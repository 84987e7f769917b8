using CoBan.Workflow.Engine.Execution;
using System.Net.Http.Json;
using CoBan.Workflow.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CoBan.Workflow.Tests.Runtime;

/// <summary>
/// kill -9 in the middle of a stream of task completions: after a restart every step is either fully
/// done (task closed, instance advanced, journal row written) or not at all, and the rest can go on.
/// </summary>
public class CrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Instances = 60;

    [Fact]
    public async Task A_step_interrupted_by_kill_9_is_either_fully_done_or_not_at_all()
    {
        await using var service = await ServiceProcess.StartAsync(name: "crash");
        var owner = await service.LoginAsync("owner.scjg");
        var created = await owner.PostJsonAsync("/api/v1/procedures", new { xml = Models.Review() });
        await owner.PostJsonAsync($"/api/v1/procedures/{created["id"]}/publish", new { comment = "v1" });
        var zhang = await service.LoginAsync("zhang.wei");
        for (var i = 0; i < Instances; i++)
            await zhang.PostJsonAsync("/api/v1/instances", new { procedureId = (long)created["id"]!, variables = new { caseOwner = "zhang.wei" } });
        var tasks = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray().Select(t => (long)t!["id"]!).ToList();
        tasks.Count.ShouldBe(Instances);

        // Two clients complete tasks as fast as they can; the service is killed while they are at it.
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<long>();
        using var stop = new CancellationTokenSource();
        async Task Complete(HttpClient client, IEnumerable<long> ids)
        {
            foreach (var id in ids)
            {
                try
                {
                    var response = await client.PostAsJsonAsync($"/api/v1/tasks/{id}/complete", new { variables = new { approved = id % 2 == 0 } }, stop.Token);
                    if (response.IsSuccessStatusCode) acknowledged.Add(id);
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException) { return; }
            }
        }
        var li = await service.LoginAsync("zhang.wei");
        var workers = Task.WhenAll(Complete(zhang, tasks.Where((_, i) => i % 2 == 0)), Complete(li, tasks.Where((_, i) => i % 2 == 1)));
        while (acknowledged.Count < Instances / 3) await Task.Delay(5);
        await service.KillAsync();
        stop.Cancel();
        await workers;
        output.WriteLine($"acknowledged before the kill: {acknowledged.Count} of {Instances}");

        var rows = Read(service.SqlitePath);
        foreach (var row in rows)
        {
            var stepDone = row.TaskStatus == 1;
            (row.InstanceStatus == 1).ShouldBe(stepDone, $"instance {row.InstanceId}: task status {row.TaskStatus} but instance status {row.InstanceStatus}");
            row.CompletionRows.ShouldBe(stepDone ? 1 : 0, $"instance {row.InstanceId}: journal rows for the completion");
            row.Version.ShouldBe(stepDone ? 2 : 1, $"instance {row.InstanceId}: state version");
        }
        foreach (var id in acknowledged)
            rows.Single(r => r.TaskId == id).TaskStatus.ShouldBe(1, $"task {id} was acknowledged, so its step must have survived");
        output.WriteLine($"done after restart check: {rows.Count(r => r.TaskStatus == 1)}");

        await service.RestartAsync();
        var again = await service.LoginAsync("zhang.wei");
        foreach (var id in rows.Where(r => r.TaskStatus == 0).Select(r => r.TaskId))
            await again.PostJsonAsync($"/api/v1/tasks/{id}/complete", new { variables = new { approved = true } });
        Read(service.SqlitePath).ShouldAllBe(r => r.TaskStatus == 1 && r.InstanceStatus == 1 && r.CompletionRows == 1);
    }

    private sealed record Row(long InstanceId, long TaskId, int TaskStatus, int InstanceStatus, int Version, long CompletionRows);

    private static List<Row> Read(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT i."Id", t."Id", t."Status", i."Status", i."Version",
                   (SELECT COUNT(*) FROM "JournalEntry" j WHERE j."InstanceId" = i."Id" AND j."Action" = 'task.completed')
            FROM "ProcessInstance" i JOIN "WorkTask" t ON t."InstanceId" = i."Id"
            WHERE i."ProcessId" = 'review-flow'
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<Row>();
        while (reader.Read())
            rows.Add(new Row(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5)));
        return rows;
    }
}
