using CoBan.Workflow.Procedures;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Timers;

/// <summary>After a version is published or retired: schedule the new latest version's timer start events, cancel the old ones.</summary>
public sealed class StartEventReconciler(StartEventTimers startEvents, RuntimeService runtime, ILogger<StartEventReconciler> log) : IProcedureVersionObserver
{
    public async Task VersionsChangedAsync(long procedureId, CancellationToken ct)
    {
        try
        {
            await startEvents.ReconcileAsync(runtime, procedureId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The version change is committed; the periodic sync reconciles again.
            log.LogWarning(e, "Could not reschedule the timer start events of procedure {Procedure}", procedureId);
        }
    }
}
