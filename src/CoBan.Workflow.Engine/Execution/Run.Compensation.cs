using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Compensation (BPMN 2.0 §10.7), as Camunda 7 runs it: an activity with a compensation boundary
/// event, once completed, leaves a listening execution in its scope; a compensation throw (an
/// intermediate throw or end event) runs the handlers of the completed activities of its scope (the
/// one named by activityRef, or all of them, the most recently completed first) and waits until they
/// have finished. A sub-process that completes hands its listeners to its own scope (unless it has a
/// compensation handler of its own, which then undoes it as a whole), so a later throw there undoes
/// what was done inside it; a multi-instance activity records one listener per completed instance and
/// hands them over when the whole activity completes. A process that ends can no longer be compensated.
/// </summary>
internal sealed partial class Run
{
    private void RecordCompensable(Execution exec, FlowNode boundary)
    {
        var listener = NewExecution(exec.Parent, boundary.Id);
        listener.State = ExecutionState.Listening;
    }

    private bool IsCompensationListener(Execution e) =>
        e.State == ExecutionState.Listening && _def.FindNode(e.ElementId) is { Trigger: EventTrigger.Compensation };

    /// <summary>A sub-process's compensation event sub-process (its compensation handler), if it has one.</summary>
    private static FlowNode? CompensationEventSubProcess(FlowNode subProcess)
    {
        foreach (var esp in subProcess.EventSubProcesses)
            if (esp.Starts.Length > 0 && esp.Starts[0].Trigger == EventTrigger.Compensation) return esp;
        return null;
    }

    /// <summary>
    /// A completed scope (sub-process, multi-instance instance or body) gives its compensation listeners to
    /// its parent scope, marked with its own id so that an activityRef naming it finds them. Dropped
    /// instead when the scope's activity has a compensation handler of its own (it undoes the scope whole).
    /// </summary>
    private void PromoteCompensation(Execution scope, FlowNode node, bool dropWhenOwnHandler)
    {
        var children = ChildrenOf(scope.Id);
        if (dropWhenOwnHandler && CompensationEventSubProcess(node) is { } esp)
        {
            // The sub-process's compensation event sub-process undoes it: one listener in the parent scope,
            // holding what was done inside so that a compensation thrown in the handler can undo it.
            var holder = NewExecution(scope.Parent, esp.Starts[0].Id);
            holder.State = ExecutionState.Listening;
            holder.FlowId = node.Id;
            if (children is null) return;
            foreach (var child in children)
                if (IsCompensationListener(child)) child.Parent = holder.Id;
            return;
        }
        if (children is null) return;
        foreach (var child in children)
        {
            if (!IsCompensationListener(child)) continue;
            if (dropWhenOwnHandler && node.CompensationBoundary is not null)
            {
                _s.Executions.Remove(child);
                continue;
            }
            child.Parent = scope.Parent;
            child.FlowId = node.Id;
        }
    }

    /// <summary>True when there is nothing to compensate (the thrower goes on); false while the handlers run.</summary>
    private bool Compensate(Execution thrower, FlowNode node)
    {
        // Inside a compensation event sub-process, a throw undoes what its sub-process did.
        var scopeId = thrower.Parent;
        if (_s.FindExecution(scopeId) is { } scope && _def.FindNode(scope.ElementId) is { IsEventSubProcess: true } esp
            && esp.Starts.Length > 0 && esp.Starts[0].Trigger == EventTrigger.Compensation)
            scopeId = scope.Parent;
        List<Execution>? compensable = null;
        foreach (var e in _s.Executions)
        {
            if (e.Parent != scopeId || e.State != ExecutionState.Listening) continue;
            var listened = _def.FindNode(e.ElementId);
            var isEventSubProcess = listened is { Kind: NodeKind.StartEvent, Trigger: EventTrigger.Compensation };
            if (!isEventSubProcess && listened is not { Trigger: EventTrigger.Compensation, CompensationHandler: not null }) continue;
            if (node.Event?.Name is { } activity && listened!.AttachedTo?.Id != activity && e.FlowId != activity) continue;
            (compensable ??= []).Add(e);
        }
        if (compensable is null) return true;
        thrower.State = ExecutionState.Waiting;
        for (var i = compensable.Count - 1; i >= 0; i--)
        {
            var listener = compensable[i];
            var listened = _def.Node(listener.ElementId);
            if (listened.Kind == NodeKind.StartEvent)
            {
                RunCompensationEventSubProcess(thrower, listener, listened);
                continue;
            }
            var handler = listened.CompensationHandler!;
            _s.Executions.Remove(listener);
            var token = NewExecution(thrower.Parent, handler.Id);
            token.Thrower = thrower.Id;
            Enqueue(token, handler);
        }
        return false;
    }

    /// <summary>
    /// The compensation event sub-process of a completed sub-process: the sub-process's scope is opened
    /// again (holding what was done inside it), the event sub-process runs in it, and when it ends the
    /// scope closes and the thrower's wait counts it as a finished handler.
    /// </summary>
    private void RunCompensationEventSubProcess(Execution thrower, Execution holder, FlowNode start)
    {
        var scope = NewExecution(thrower.Parent, holder.FlowId!);
        scope.State = ExecutionState.Scope;
        scope.Thrower = thrower.Id;
        if (ChildrenOf(holder.Id) is { } inner)
            foreach (var child in inner) child.Parent = scope.Id;
        _s.Executions.Remove(holder);
        Trace.Add(new(TraceKind.Entered, scope.ElementId));
        StartEventSubProcess(scope.Id, start);
    }

    /// <summary>
    /// A cancel end event: every other token of the transaction is cancelled, the handlers of what it
    /// completed run (most recent first), then the transaction is left by its cancel boundary event.
    /// </summary>
    private void CancelTransaction(Execution thrower, FlowNode node)
    {
        if (ChildrenOf(thrower.Parent) is { } children)
            foreach (var child in children)
                if (child != thrower && child.State != ExecutionState.Listening) CancelTree(child);
        if (Compensate(thrower, node)) LeaveCancelledTransaction(thrower);
    }

    private void LeaveCancelledTransaction(Execution thrower)
    {
        Trace.Add(new(TraceKind.Left, thrower.ElementId));
        var transaction = _s.FindExecution(thrower.Parent)!;
        var boundary = _def.Node(transaction.ElementId).Boundaries.First(b => b.Trigger == EventTrigger.Cancel);
        Interrupt(transaction, boundary);
    }

    /// <summary>A handler ended: when it was the thrower's last, the thrower goes on. True when that ended the scope's last token too.</summary>
    private bool HandlersDone(int throwerId)
    {
        foreach (var e in _s.Executions)
            if (e.Thrower == throwerId) return false;
        if (_s.FindExecution(throwerId) is not { State: ExecutionState.Waiting } thrower) return false;
        var node = _def.Node(thrower.ElementId);
        thrower.State = ExecutionState.Active;
        if (node.Trigger == EventTrigger.Cancel) LeaveCancelledTransaction(thrower);
        else if (node.Kind == NodeKind.EndEvent)
        {
            Trace.Add(new(TraceKind.Left, node.Id));
            End(thrower, node);
        }
        else Leave(thrower, node);
        return true;
    }
}
