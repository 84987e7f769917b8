using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Event sub-processes (BPMN 2.0 §10.3.5): while a scope (the instance, or a sub-process) runs, a
/// listening execution waits for each one's timer, message or signal start event; errors and
/// escalations thrown inside the scope look for them as they look for boundary events. An
/// interrupting start cancels everything else in the scope; a non-interrupting one runs beside it.
/// </summary>
internal sealed partial class Run
{
    private void ArmEventSubProcesses(int scopeId, IReadOnlyList<FlowNode> eventSubProcesses)
    {
        for (var i = 0; i < eventSubProcesses.Count; i++)
        {
            var start = StartOf(eventSubProcesses[i]);
            if (start.Trigger is not (EventTrigger.Timer or EventTrigger.Message or EventTrigger.Signal or EventTrigger.Conditional)) continue;
            var listener = NewExecution(scopeId, start.Id);
            listener.State = ExecutionState.Listening;
            AddEventWait(listener, start, start);
        }
    }

    private static FlowNode StartOf(FlowNode eventSubProcess) => eventSubProcess.Starts[0];

    /// <summary>A listener's event happened: the event sub-process starts in the listener's scope.</summary>
    private void FireEventSubProcess(Execution listener, Wait wait, FlowNode start)
    {
        var scopeId = listener.Parent;
        if (start.Interrupting)
        {
            CancelScopeContents(scopeId);
        }
        else if (wait.Kind == WaitKind.Timer)
        {
            // Non-interrupting: it keeps listening. Messages and signals keep their subscription; a timer
            // cycle is scheduled again, any other timer has fired for good.
            RemoveWait(listener, wait);
            try
            {
                if (Spec(listener, start.Event!.Timer!).NextDue(wait.Due ?? _now, wait.Fired + 1, _options.Calendar) is { } next)
                {
                    var id = NewId();
                    AddWait(listener, wait with { Id = id, Due = next, Fired = wait.Fired + 1 });
                    Commands.Add(new ScheduleTimer(id, start.Id, next));
                }
            }
            catch (Exception e) when (IsTimeOrExpressionFault(e))
            {
                RaiseIncident(listener, $"'{start.Id}' 的下一次重复无法安排：{Zh(e)}", $"the next repetition of '{start.Id}' cannot be scheduled: {En(e)}");
            }
            if (listener.Waits is null && listener.State == ExecutionState.Listening) _s.Executions.Remove(listener);
        }
        StartEventSubProcess(scopeId, start);
    }

    private void StartEventSubProcess(int scopeId, FlowNode start)
    {
        var eventSubProcess = start.Container!;
        Trace.Add(new(TraceKind.Entered, eventSubProcess.Id));
        var scope = NewExecution(scopeId, eventSubProcess.Id);
        scope.State = ExecutionState.Scope;
        ArmEventSubProcesses(scope.Id, eventSubProcess.EventSubProcesses);
        var token = NewExecution(scope.Id, start.Id);
        _agenda.Enqueue(new Step(token, start, StepKind.Occur));
    }

    /// <summary>Everything in the scope is cancelled, its other listeners too: an interrupting start takes the scope over.</summary>
    private void CancelScopeContents(int scopeId)
    {
        if (ChildrenOf(scopeId) is { } children)
            foreach (var child in children) CancelTree(child, trace: child.State != ExecutionState.Listening);
    }

    private void WithdrawListeners(int scopeId)
    {
        if (ChildrenOf(scopeId) is not { } children) return;
        // CancelTree: a listener may hold others (a compensation event sub-process holds what its sub-process did).
        foreach (var child in children) CancelTree(child, trace: false);
    }

    /// <summary>
    /// The event sub-process of the scope that catches an error or escalation code: an exact code
    /// beats a catch-all, as for boundary events. Scope 0 is the instance.
    /// </summary>
    private FlowNode? FindEventStart(int scopeId, EventTrigger trigger, string? code)
    {
        IReadOnlyList<FlowNode> candidates;
        if (scopeId == 0) candidates = _def.EventSubProcesses;
        else if (_s.FindExecution(scopeId) is { State: ExecutionState.Scope } scope && _def.FindNode(scope.ElementId) is { } node) candidates = node.EventSubProcesses;
        else return null;
        FlowNode? catchAll = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var start = StartOf(candidates[i]);
            if (start.Trigger != trigger) continue;
            if (start.Event?.Name is null) catchAll ??= start;
            else if (start.Event.Name == code) return start;
        }
        return catchAll;
    }
}
