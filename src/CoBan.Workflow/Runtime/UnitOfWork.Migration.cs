using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>Moves an instance to another version inside the unit: state, rows keyed by element id, and boundary timers.</summary>
public sealed partial class UnitOfWork
{
    internal async Task ApplyMigrationAsync(ProcessInstance instance, long toVersionId, MigrationPlan plan, string detail, CancellationToken ct)
    {
        var mapping = plan.Mapping;
        instance.ProcedureVersionId = toVersionId;
        instance.ProcessId = plan.State!.ProcessId;
        instance.State = StateJson.Serialize(plan.State);
        instance.Version = plan.State.Version;
        foreach (var task in await Db.Set<WorkTask>().Where(t => t.InstanceId == instance.Id && t.Status == WorkTaskStatus.Open).ToListAsync(ct))
            if (mapping.TryGetValue(task.ElementId, out var target)) task.ElementId = target;
        foreach (var sub in await Db.Set<Subscription>().Where(s => s.InstanceId == instance.Id).ToListAsync(ct))
            sub.ElementId = Remap(plan.State, sub.WaitId) ?? sub.ElementId;
        foreach (var timer in await Db.Set<ScheduledTimer>().Where(t => t.InstanceId == instance.Id && t.Status == TimerStatus.Pending && t.TimerId != null).ToListAsync(ct))
            timer.ElementId = Remap(plan.State, timer.TimerId!.Value) ?? timer.ElementId;
        var result = new AdvanceResult(AdvanceOutcome.Applied, plan.State, plan.Commands, [], []);
        var step = new StepContext { Db = Db, Instance = instance, Stimulus = new SetVariables(new Dictionary<string, object?>()), Result = result, Actor = Actor, Now = Now, Unit = this };
        CheckCommands(plan.Commands);
        foreach (var command in plan.Commands) await ApplyAsync(step, command, ct);
        AddJournal(instance, "instance.migrated", detail, null, null, System.Text.Json.JsonSerializer.Serialize(mapping));
    }

    private static string? Remap(InstanceState state, int waitId) => state.FindWait(waitId)?.Wait.ElementId;
}
