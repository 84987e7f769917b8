using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>BPMN errors and escalations: found by walking up the scopes to a matching boundary event.</summary>
internal sealed partial class Run
{
    /// <summary>
    /// Throws a BPMN error from <paramref name="exec"/> (the failing activity itself when
    /// <paramref name="fromActivity"/>, else the end event inside a scope). True when caught here, or
    /// when it ended this called instance so the caller can catch it.
    /// </summary>
    private bool ThrowError(Execution exec, string? code, bool fromActivity)
    {
        var candidate = fromActivity ? exec : Parent(exec);
        while (candidate is not null)
        {
            if (FindCatcher(candidate, EventTrigger.Error, code) is { } boundary)
            {
                Interrupt(candidate, boundary);
                return true;
            }
            candidate = Parent(candidate);
        }
        if (!_s.Called) return false;
        // Uncaught in a called instance: it ends with the error, and the caller's call activity gets it.
        foreach (var top in _s.Executions.Where(e => e.Parent == 0).ToList()) CancelTree(top);
        _s.Status = InstanceStatus.Completed;
        _s.EndErrorCode = code ?? "";
        Commands.Add(new InstanceCompleted(null, code ?? "", _s.Variables));
        return true;
    }

    /// <summary>An escalation goes to the nearest enclosing scope that catches it; uncaught, nothing happens (BPMN 2.0 §10.4.2).</summary>
    private void ThrowEscalation(Execution exec, string? code)
    {
        for (var candidate = Parent(exec); candidate is not null; candidate = Parent(candidate))
        {
            if (FindCatcher(candidate, EventTrigger.Escalation, code) is not { } boundary) continue;
            if (boundary.Interrupting) Interrupt(candidate, boundary);
            else
            {
                var token = NewExecution(candidate.Parent, boundary.Id);
                token.State = ExecutionState.Active;
                _agenda.Enqueue(new Step(token, boundary, StepKind.Occur));
            }
            return;
        }
    }

    /// <summary>The boundary of the activity this execution runs that catches the code; an exact code beats a catch-all.</summary>
    private FlowNode? FindCatcher(Execution candidate, EventTrigger trigger, string? code)
    {
        var node = _def.FindNode(candidate.ElementId);
        if (node is null || node.Boundaries.Length == 0) return null;
        // A multi-instance activity's boundary events belong to its body, not to each instance.
        if (node.Loop is not null && IsInstanceOf(candidate, node)) return null;
        FlowNode? catchAll = null;
        foreach (var b in node.Boundaries)
        {
            if (b.Trigger != trigger) continue;
            if (b.Event?.Name is null) catchAll ??= b;
            else if (b.Event.Name == code) return b;
        }
        return catchAll;
    }

    private Execution? Parent(Execution exec) => exec.Parent == 0 ? null : _s.FindExecution(exec.Parent);
}
