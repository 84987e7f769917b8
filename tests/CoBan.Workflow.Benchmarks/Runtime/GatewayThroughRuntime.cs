using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Kernel;
using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;
using CoBan.Workflow.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CoBan.Workflow.Benchmarks.Runtime;

public sealed record RuntimeTally(int Instances, int Approved, int Rejected, int Steps);

/// <summary>
/// user-task-gateway through the runtime, as the API does it: each start and each task completion is
/// one unit of work (engine step, task row, journal, state) in one SQLite transaction.
/// </summary>
public sealed class GatewayThroughRuntime(HostUnderTest host, ProcedureVersion version)
{
    private int _next;

    public async Task<RuntimeTally> RunAsync(int count)
    {
        var approved = 0;
        var rejected = 0;
        for (var i = 0; i < count; i++)
        {
            var wantApproved = _next++ % 2 == 0;
            using var scope = host.Services.CreateScope();
            var runtime = scope.ServiceProvider.GetRequiredService<RuntimeService>();
            // The start, as RuntimeService.StartAsync makes it; the new task's id is what the desk's task list then shows.
            var (instance, created) = await runtime.InUnitAsync(Actor.System, async unit =>
            {
                var started = await unit.StartAsync(version, 1, "UserTaskGateway", new Start(new Dictionary<string, object?> { ["approved"] = wantApproved }, null),
                    null, null, null, CancellationToken.None);
                await unit.RunAsync(CancellationToken.None);
                return (started, unit.Db.Tracked<WorkTask>().Single(t => t.InstanceId == started.Id));
            }, CancellationToken.None);
            // The completion, as TaskService.CompleteAsync makes it for POST /api/v1/tasks/{id}/complete (less the caller's rights).
            var ended = await runtime.InUnitAsync(Actor.System, async unit =>
            {
                var task = await unit.Db.FindRowAsync<WorkTask>(created.Id, CancellationToken.None) ?? throw new InvalidOperationException($"task {created.Id} not found");
                if (task.Status != WorkTaskStatus.Open) throw new InvalidOperationException($"task {task.Id} is not open");
                var loaded = await unit.LoadAsync(task.InstanceId, CancellationToken.None);
                task.Status = WorkTaskStatus.Completed;
                task.CompletedAt = unit.Now;
                unit.Enqueue(loaded, new CompleteTask(task.TaskId), strict: true);
                return loaded;
            }, CancellationToken.None);
            var state = StateJson.Deserialize(ended.State);
            if (state.Status != CoBan.Workflow.Engine.Execution.InstanceStatus.Completed) throw new InvalidOperationException($"instance {ended.Id} did not end");
            if (wantApproved) approved++; else rejected++;
        }
        return new RuntimeTally(count, approved, rejected, count * 2);
    }

    /// <summary>Where each instance ended, read back from the instances' paths (the check that the right thing ran).</summary>
    public async Task<(int Approved, int Rejected)> EndsAsync()
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CoBanDbContext>();
        var approved = await db.Set<ProcessInstance>().CountAsync(i => i.Path.EndsWith(",endApproved"));
        var rejected = await db.Set<ProcessInstance>().CountAsync(i => i.Path.EndsWith(",endRejected"));
        return (approved, rejected);
    }
}
