using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
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
            var instance = await runtime.StartAsync(version, 1, "UserTaskGateway", new Dictionary<string, object?> { ["approved"] = wantApproved }, Actor.System, CancellationToken.None);
            var ended = await runtime.InUnitAsync(Actor.System, async unit =>
            {
                var task = await unit.Db.Set<WorkTask>().FirstAsync(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open);
                task.Status = WorkTaskStatus.Completed;
                task.CompletedAt = unit.Now;
                var loaded = await unit.LoadAsync(instance.Id, CancellationToken.None);
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
