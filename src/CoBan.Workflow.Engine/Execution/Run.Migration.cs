using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>Rewrites a validated instance onto the target definition (this run's definition).</summary>
internal sealed partial class Run
{
    internal void Migrate(ProcessDefinition from, IReadOnlyDictionary<string, string> mapping)
    {
        foreach (var exec in _s.Executions)
        {
            var sourceNode = from.Node(exec.ElementId);
            var target = _def.Node(mapping[exec.ElementId]);
            exec.ElementId = target.Id;
            if (exec.Waits is null) continue;
            var kept = new List<Wait>();
            foreach (var wait in exec.Waits)
            {
                var waitSource = from.FindNode(wait.ElementId);
                // The element's own wait (task, catch, service, call) follows the element.
                if (waitSource == sourceNode)
                {
                    kept.Add(wait with { ElementId = target.Id });
                    continue;
                }
                var mappedId = mapping.TryGetValue(wait.ElementId, out var m) ? m : wait.ElementId;
                var targetBoundary = target.Boundaries.FirstOrDefault(b => b.Id == mappedId && b.Trigger == waitSource?.Trigger);
                if (targetBoundary is not null) kept.Add(wait with { ElementId = targetBoundary.Id });
                else CancelWait(wait);
            }
            exec.Waits = kept.Count > 0 ? kept : null;
            // Boundary events the target adds start now (a new timer counts from the migration).
            var attached = new HashSet<string>(kept.Select(w => w.ElementId));
            var asInstance = target.Loop is not null && IsInstanceOf(exec, target);
            if (exec.State is ExecutionState.Waiting or ExecutionState.Scope or ExecutionState.MultiInstance && !asInstance)
                foreach (var boundary in target.Boundaries.Where(b => !attached.Contains(b.Id)))
                    AddEventWait(exec, boundary, boundary);
        }
    }

    private void CancelWait(Wait wait)
    {
        if (wait.Kind == WaitKind.Condition) return; // the host knows nothing of it
        Commands.Add(wait.Kind switch
        {
            WaitKind.Timer => new CancelTimer(wait.Id, wait.ElementId),
            WaitKind.Message => new UnsubscribeMessage(wait.Id),
            WaitKind.Signal => new UnsubscribeSignal(wait.Id),
            WaitKind.Task => new CancelUserTask(wait.Id, wait.ElementId),
            WaitKind.Service => new CancelService(wait.Id),
            _ => new CancelCallActivity(wait.Id, wait.ElementId),
        });
    }
}
