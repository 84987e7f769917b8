using CoBan.Workflow.Engine.Execution;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Tests.Operations;

/// <summary>An online backup of SQLite taken while steps are being committed restores with every step acknowledged before it.</summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_with_every_step_acknowledged_before_it_and_nothing_half_written()
    {
        const int count = 80;
        string file;
        List<long> acknowledgedBefore;
        await using (var host = await TestHost.StartAsync())
        {
            var procedure = await ProcedureSteps.PublishAsync(host, Models.Review());
            var zhang = await host.LoginAsync("zhang.wei");
            var batch = Enumerable.Range(0, count).Select(_ => new { variables = new Dictionary<string, object?> { ["caseOwner"] = "zhang.wei" } }).ToList();
            await zhang.PostJsonAsync("/api/v1/instances/batch", new { procedureId = procedure, instances = batch });
            var tasks = (await zhang.GetJsonAsync("/api/v1/tasks?filter=mine")).AsArray().Select(t => (long)t!["id"]!).ToList();
            tasks.Count.ShouldBe(count);

            // Completions go on while the backup is taken: those acknowledged before it started must all be in it.
            var acknowledged = new ConcurrentQueue<long>();
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                foreach (var id in tasks)
                {
                    if (stop.IsCancellationRequested) return;
                    var response = await zhang.PostAsJsonAsync($"/api/v1/tasks/{id}/complete", new { variables = new { approved = true } });
                    if (response.IsSuccessStatusCode) acknowledged.Enqueue(id);
                }
            });
            while (acknowledged.Count < count / 4 && !load.IsCompleted) await Task.Yield();
            var admin = await host.LoginAsync("admin");
            acknowledgedBefore = [.. acknowledged];
            var backup = await admin.PostJsonAsync("/api/v1/admin/backups");
            stop.Cancel();
            await load;
            file = (string)backup["file"]!;
            File.Exists(file).ShouldBeTrue();
            ((long)backup["bytes"]!).ShouldBeGreaterThan(0);
            (await (await zhang.PostAsync("/api/v1/admin/backups", null)).Content.ReadAsStringAsync()).ShouldContain("forbidden");
            // Kept outside the host's folder, which is deleted with it.
            var kept = Path.Combine(Path.GetTempPath(), $"coban-backup-test-{Guid.NewGuid():N}.db");
            File.Copy(file, kept);
            file = kept;
        }

        try
        {
            // Restore: a service started on the backup file.
            await using var restored = await TestHost.StartAsync(settings: new() { ["CoBan:Database:ConnectionString"] = $"Data Source={file}" });
            var rows = await restored.WithDbAsync(db => db.Set<WorkTask>().AsNoTracking()
                .Join(db.Set<ProcessInstance>(), t => t.InstanceId, i => i.Id, (t, i) => new { t.Id, t.Status, Instance = i.Status }).ToListAsync());
            rows.Count.ShouldBe(count);
            foreach (var id in acknowledgedBefore)
                rows.Single(r => r.Id == id).Status.ShouldBe(WorkTaskStatus.Completed, $"task {id} was acknowledged before the backup");
            // Whole steps only: a completed task always has its instance ended, an open one its instance running.
            rows.ShouldAllBe(r => (r.Status == WorkTaskStatus.Completed) == (r.Instance == InstanceStatus.Completed));
            var zhang = await restored.LoginAsync("zhang.wei");
            var open = rows.Where(r => r.Status == WorkTaskStatus.Open).Select(r => r.Id).FirstOrDefault();
            if (open != 0) await zhang.PostJsonAsync($"/api/v1/tasks/{open}/complete", new { variables = new { approved = true } });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}
