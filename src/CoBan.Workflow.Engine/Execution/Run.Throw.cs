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
        if (Propagate(exec, fromActivity, EventTrigger.Error, code)) return true;
        if (!_s.Called) return false;
        // Uncaught in a called instance: it ends with the error, and the caller's call activity gets it.
        foreach (var top in _s.Executions.Where(e => e.Parent == 0).ToList()) CancelTree(top);
        _s.Status = InstanceStatus.Completed;
        _s.EndErrorCode = code ?? "";
        Commands.Add(new InstanceCompleted(null, code ?? "", _s.Variables));
        return true;
    }

    /// <summary>
    /// An escalation goes to the nearest enclosing scope that catches it; uncaught, nothing happens
    /// (BPMN 2.0 §10.4.2) unless this instance was called: then its caller's call activity may catch it.
    /// </summary>
    private void ThrowEscalation(Execution exec, string? code)
    {
        if (!Propagate(exec, fromActivity: false, EventTrigger.Escalation, code) && _s.Called)
            Commands.Add(new EscalateToCaller(exec.ElementId, code));
    }

    /// <summary>
    /// Walks out from the thrower: the boundary events of each enclosing activity, and before them the
    /// event sub-processes of the scope the throw happens in. True when one caught it.
    /// </summary>
    private bool Propagate(Execution exec, bool fromActivity, EventTrigger trigger, string? code)
    {
        var candidate = fromActivity ? exec : null;
        while (true)
        {
            if (candidate is not null && FindCatcher(candidate, trigger, code) is { } boundary)
            {
                if (boundary.Event?.CodeVariable is { } boundaryVariable) SetVariable(null, boundaryVariable, code);
                if (boundary.Interrupting) Interrupt(candidate, boundary);
                else
                {
                    var token = NewExecution(candidate.Parent, boundary.Id);
                    token.State = ExecutionState.Active;
                    _agenda.Enqueue(new Step(token, boundary, StepKind.Occur));
                }
                return true;
            }
            var scopeId = (candidate ?? exec).Parent;
            if (FindEventStart(scopeId, trigger, code) is { } start)
            {
                if (start.Event?.CodeVariable is { } startVariable) SetVariable(null, startVariable, code);
                if (start.Interrupting) CancelScopeContents(scopeId);
                StartEventSubProcess(scopeId, start);
                return true;
            }
            if (scopeId == 0 || _s.FindExecution(scopeId) is not { } scope) return false;
            candidate = scope;
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
