using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>What each kind of element does when a token enters it, and how tokens leave, join and end.</summary>
internal sealed partial class Run
{
    private void Execute(Execution exec, FlowNode node, bool asInstance)
    {
        Trace.Add(new(TraceKind.Entered, node.Id));
        if (node.Loop is not null && !asInstance)
        {
            StartMultiInstance(exec, node);
            return;
        }
        if (node.StandardLoop is { } loop && !asInstance && !StartStandardLoop(exec, node, loop)) return;
        switch (node.Kind)
        {
            case NodeKind.StartEvent or NodeKind.Task or NodeKind.BoundaryEvent:
            case NodeKind.ManualTask when node.UserTask?.Confirm != true: // BPMN and Camunda: a manual task passes through
                Leave(exec, node);
                break;
            case NodeKind.IntermediateThrowEvent when node.LinkTarget is { } link:
                Trace.Add(new(TraceKind.Left, node.Id));
                Enqueue(exec, link);
                break;
            case NodeKind.IntermediateThrowEvent:
                if (Throw(exec, node)) Leave(exec, node);
                break;
            case NodeKind.IntermediateCatchEvent when node.Trigger == EventTrigger.Link:
                Leave(exec, node);
                break;
            case NodeKind.EndEvent:
                ExecuteEnd(exec, node);
                break;
            case NodeKind.UserTask or NodeKind.ManualTask:
                WaitForTask(exec, node);
                break;
            case NodeKind.ServiceTask:
                WaitForService(exec, node);
                break;
            case NodeKind.SendTask:
                if (node.Service is not null) WaitForService(exec, node);
                else if (SendNoticeOrMessage(exec, node)) Leave(exec, node);
                break;
            case NodeKind.ReceiveTask when node.Event?.Name is null:
                WaitForTask(exec, node); // no message to wait for: a person confirms it arrived (a manual task)
                break;
            case NodeKind.ReceiveTask or NodeKind.IntermediateCatchEvent:
                exec.State = ExecutionState.Waiting;
                if (AddEventWait(exec, node, node) && node.Kind == NodeKind.ReceiveTask) AttachBoundaries(exec, node);
                break;
            case NodeKind.ExclusiveGateway:
                TakeExclusive(exec, node);
                break;
            case NodeKind.ParallelGateway:
                if (node.Incoming.Length > 1) ArriveAtParallelJoin(exec, node);
                else Fork(exec, node, node.Outgoing);
                break;
            case NodeKind.InclusiveGateway:
                if (node.Incoming.Length > 1) exec.State = ExecutionState.Joining;
                else TakeInclusive(exec, node);
                break;
            case NodeKind.EventBasedGateway:
                exec.State = ExecutionState.Waiting;
                foreach (var flow in node.Outgoing)
                    if (!AddEventWait(exec, flow.Target, flow.Target)) return;
                break;
            case NodeKind.SubProcess:
                EnterSubProcess(exec, node);
                break;
            case NodeKind.CallActivity:
                WaitForCall(exec, node);
                break;
        }
    }

    private void ExecuteEnd(Execution exec, FlowNode node)
    {
        switch (node.Trigger)
        {
            case EventTrigger.Terminate:
                Trace.Add(new(TraceKind.Left, node.Id));
                TerminateScope(exec, node);
                return;
            case EventTrigger.Error:
                if (ThrowError(exec, node.Event?.Name, fromActivity: false)) return;
                break; // uncaught at the top of a process that was not called: ends like a none end event (as Camunda 7)
            case EventTrigger.Cancel:
                CancelTransaction(exec, node);
                return;
            default:
                if (!Throw(exec, node)) return;
                break;
        }
        Trace.Add(new(TraceKind.Left, node.Id));
        End(exec, node);
    }

    /// <summary>Throw behaviour of intermediate throw and end events; false when the thrower was interrupted.</summary>
    private bool Throw(Execution exec, FlowNode node)
    {
        switch (node.Trigger)
        {
            case EventTrigger.Signal:
                // As Camunda 7: a thrown signal carries only what its camunda:in mappings name.
                Dictionary<string, object?> variables;
                string signal;
                try
                {
                    signal = EventName(exec, node.Event!);
                    variables = MapIn(exec, node.Event!.In);
                }
                catch (Exception e) when (IsTimeOrExpressionFault(e))
                {
                    RaiseIncident(exec, $"信号名称无法计算：{Zh(e)}", $"the signal name failed: {En(e)}");
                    return false;
                }
                Commands.Add(new BroadcastSignal(signal, variables));
                CatchSignal(signal);
                return _s.Executions.Contains(exec);
            case EventTrigger.Escalation:
                ThrowEscalation(exec, node.Event?.Name);
                return _s.Executions.Contains(exec);
            case EventTrigger.Message:
                return SendNoticeOrMessage(exec, node);
            case EventTrigger.Compensation:
                return Compensate(exec, node);
            default:
                if (node.Notice is not null) SendNoticeOrMessage(exec, node);
                return true;
        }
    }

    /// <summary>False when the message's correlation key cannot be computed: the token stops with an incident.</summary>
    private bool SendNoticeOrMessage(Execution exec, FlowNode node)
    {
        if (node.Notice is { } notice)
            Commands.Add(new SendNotice(NewId(), node.Id, notice.Template, notice.Channels, notice.Recipient));
        else if (node.Event?.Name is not null)
        {
            string? key;
            string message = node.Event.Name;
            try
            {
                message = EventName(exec, node.Event);
                key = Evaluate(exec, node.Event.CorrelationKey)?.ToString();
            }
            catch (Exception e) when (IsTimeOrExpressionFault(e))
            {
                RaiseIncident(exec, $"消息 '{message}' 的名称或关联键无法计算：{Zh(e)}", $"the name or correlation key of message '{message}' failed: {En(e)}");
                return false;
            }
            Commands.Add(new SendMessage(node.Id, message, key, VisibleVariables(exec)));
        }
        return true;
    }

    /// <summary>The token leaves: to its outgoing flows, or (with none) it ends here.</summary>
    private void Leave(Execution exec, FlowNode node)
    {
        ClearWaits(exec);
        // An incident belongs to the element where the token stopped: once it leaves (a task open while one of
        // its boundary timers could not be armed is completed, say), the incident is over.
        ResolveIncidentOf(exec);
        if (node.Loop is not null && IsInstanceOf(exec, node))
        {
            // Each completed instance can be undone on its own (Camunda runs the handler once per instance).
            if (node.CompensationBoundary is { } instanceCompensation) RecordCompensable(exec, instanceCompensation);
            Trace.Add(new(TraceKind.Left, node.Id));
            CompleteInstance(exec, node);
            return;
        }
        if (node.StandardLoop is { } loop && LoopAgain(exec, node, loop)) return;
        if (node.CompensationBoundary is { } compensation && node.Loop is null) RecordCompensable(exec, compensation);
        Trace.Add(new(TraceKind.Left, node.Id));
        if (node.Outgoing.Length == 0)
        {
            End(exec, node);
            return;
        }
        if (node.Outgoing.Length == 1 && node.Outgoing[0].Condition is null)
        {
            Move(exec, node.Outgoing[0]);
            return;
        }
        // An activity or event with conditional flows: every unconditional flow, every flow whose
        // condition holds, and the default flow only when none of the conditional ones does.
        var taken = new List<SequenceFlow>(node.Outgoing.Length);
        var anyConditionTrue = false;
        foreach (var flow in node.Outgoing)
        {
            if (flow == node.Default) continue;
            if (flow.Condition is null) taken.Add(flow);
            else
            {
                if (!TryCondition(exec, node, flow, out var holds)) return;
                if (holds)
                {
                    taken.Add(flow);
                    anyConditionTrue = true;
                }
            }
        }
        if (!anyConditionTrue && node.Default is not null) taken.Add(node.Default);
        if (taken.Count == 0)
        {
            End(exec, node);
            return;
        }
        Fork(exec, node, taken);
    }

    private void Move(Execution exec, SequenceFlow flow)
    {
        Trace.Add(new(TraceKind.Taken, flow.Id));
        // Only a join needs to know which flow a token came by; elsewhere it would only grow the state.
        exec.FlowId = flow.Target.Incoming.Length > 1 && flow.Target.Kind is NodeKind.ParallelGateway or NodeKind.InclusiveGateway ? flow.Id : null;
        Enqueue(exec, flow.Target);
    }

    /// <summary>One token per flow: the first flow keeps the execution, the others get new siblings.</summary>
    private void Fork(Execution exec, FlowNode node, IReadOnlyList<SequenceFlow> flows)
    {
        if (node.Kind.IsGateway()) Trace.Add(new(TraceKind.Left, node.Id));
        // Branches run in document order: the first flow keeps the execution, the rest get siblings.
        Move(exec, flows[0]);
        for (var i = 1; i < flows.Count; i++)
            Move(NewExecution(exec.Parent, node.Id), flows[i]);
    }

    private void TakeExclusive(Execution exec, FlowNode node)
    {
        foreach (var flow in node.Outgoing)
        {
            if (flow == node.Default) continue;
            var holds = true;
            if (flow.Condition is not null && !TryCondition(exec, node, flow, out holds)) return;
            if (!holds) continue;
            Trace.Add(new(TraceKind.Left, node.Id));
            Move(exec, flow);
            return;
        }
        if (node.Default is not null)
        {
            Trace.Add(new(TraceKind.Left, node.Id));
            Move(exec, node.Default);
            return;
        }
        RaiseIncident(exec, "排他网关没有满足条件的出口，也没有默认流", "no outgoing flow of the exclusive gateway has a true condition, and it has no default flow");
    }

    private void TakeInclusive(Execution exec, FlowNode node)
    {
        var taken = new List<SequenceFlow>();
        foreach (var flow in node.Outgoing)
        {
            if (flow == node.Default) continue;
            var holds = true;
            if (flow.Condition is not null && !TryCondition(exec, node, flow, out holds)) return;
            if (holds) taken.Add(flow);
        }
        if (taken.Count == 0 && node.Default is not null) taken.Add(node.Default);
        if (taken.Count == 0)
        {
            RaiseIncident(exec, "包容网关没有满足条件的出口，也没有默认流", "no outgoing flow of the inclusive gateway has a true condition, and it has no default flow");
            return;
        }
        Fork(exec, node, taken);
    }

    private bool TryCondition(Execution exec, FlowNode node, SequenceFlow flow, out bool holds)
    {
        try
        {
            holds = flow.Condition!.EvaluateCondition(Context(exec));
            return true;
        }
        catch (ExpressionException e)
        {
            holds = false;
            RaiseIncident(exec, $"顺序流 '{flow.Id}' 的条件无法计算：{e.MessageZh}", $"the condition of sequence flow '{flow.Id}' failed: {e.MessageEn}");
            return false;
        }
        catch (CalendarYearUnknownException e)
        {
            holds = false;
            RaiseIncident(exec, e.Message, e.Message);
            return false;
        }
    }

    /// <summary>
    /// Strict join (BPMN 2.0 §13.3.3): the gateway fires when every incoming flow has a token, and
    /// consumes one per flow. A branch that will never come (an XOR elsewhere took another path,
    /// an interrupting boundary cancelled it) keeps the join waiting: no discard propagation.
    /// </summary>
    private void ArriveAtParallelJoin(Execution exec, FlowNode node)
    {
        exec.State = ExecutionState.Joining;
        var waiting = new List<Execution>(node.Incoming.Length);
        foreach (var flow in node.Incoming)
        {
            Execution? found = null;
            foreach (var e in _s.Executions)
                if (e.Parent == exec.Parent && e.State == ExecutionState.Joining && e.ElementId == node.Id && e.FlowId == flow.Id)
                {
                    found = e;
                    break;
                }
            if (found is null) return;
            waiting.Add(found);
        }
        foreach (var e in waiting)
            if (e != exec) _s.Executions.Remove(e);
        exec.FlowId = null;
        Fork(exec, node, node.Outgoing);
    }

    /// <summary>
    /// Inclusive joins fire once no token of their scope can still reach them (BPMN 2.0 §13.3.4),
    /// checked when the agenda is empty so that every token has come to rest first.
    /// </summary>
    private bool ActivateInclusiveJoins()
    {
        foreach (var exec in _s.Executions)
        {
            if (exec.State != ExecutionState.Joining) continue;
            var node = _def.Node(exec.ElementId);
            if (node.Kind != NodeKind.InclusiveGateway || node.ReachableFrom is not { } reach) continue;
            var blocked = false;
            foreach (var other in _s.Executions)
            {
                if (other.Parent != exec.Parent || (other.State == ExecutionState.Joining && other.ElementId == node.Id)) continue;
                var at = _def.FindNode(other.ElementId);
                if (at is not null && reach[at.Index])
                {
                    blocked = true;
                    break;
                }
            }
            if (blocked) continue;
            ConsumeOtherArrivals(exec, node);
            exec.FlowId = null;
            exec.State = ExecutionState.Active;
            TakeInclusive(exec, node);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The inclusive join fires with <paramref name="kept"/>; the other tokens waiting at it are consumed.
    /// A method of its own so that the lambda's closure is allocated only when a join fires, not for
    /// every execution that <see cref="ActivateInclusiveJoins"/> looks at after every stimulus.
    /// </summary>
    private void ConsumeOtherArrivals(Execution kept, FlowNode join) =>
        _s.Executions.RemoveAll(e => e != kept && e.Parent == kept.Parent && e.State == ExecutionState.Joining && e.ElementId == join.Id);

    /// <summary>A token ends (end event, or no outgoing flow); its scope may now be complete.</summary>
    private void End(Execution exec, FlowNode node)
    {
        _s.Executions.Remove(exec);
        if (exec.Thrower != 0 && HandlersDone(exec.Thrower)) return;
        CompleteScopeIfEmpty(exec.Parent, node.Id);
    }

    private void CompleteScopeIfEmpty(int scopeId, string lastElementId)
    {
        var listening = false;
        foreach (var e in _s.Executions)
        {
            if (e.Parent != scopeId) continue;
            if (e.State != ExecutionState.Listening) return;
            listening = true;
        }
        if (scopeId != 0 && _s.FindExecution(scopeId) is { Thrower: not 0 } compensating)
        {
            // A sub-process opened again for its compensation event sub-process: that handler is done.
            CancelTree(compensating, trace: false);
            Trace.Add(new(TraceKind.Left, compensating.ElementId));
            if (HandlersDone(compensating.Thrower)) return;
            CompleteScopeIfEmpty(compensating.Parent, compensating.ElementId);
            return;
        }
        if (listening)
        {
            if (scopeId != 0 && _s.FindExecution(scopeId) is { State: ExecutionState.Scope } completed)
                PromoteCompensation(completed, _def.Node(completed.ElementId), dropWhenOwnHandler: true);
            WithdrawListeners(scopeId);
        }
        if (scopeId == 0)
        {
            if (_s.Status != InstanceStatus.Running) return;
            _s.Status = InstanceStatus.Completed;
            Commands.Add(new InstanceCompleted(lastElementId, null, _s.Variables));
            return;
        }
        var scope = _s.FindExecution(scopeId);
        if (scope is null || scope.State != ExecutionState.Scope) return;
        scope.State = ExecutionState.Active;
        Leave(scope, _def.Node(scope.ElementId));
    }

    private void TerminateScope(Execution exec, FlowNode node)
    {
        var scopeId = exec.Parent;
        foreach (var e in _s.Executions.Where(e => e.Parent == scopeId).ToList()) CancelTree(e, trace: e != exec);
        if (scopeId == 0)
        {
            _s.Status = InstanceStatus.Completed;
            Commands.Add(new InstanceCompleted(node.Id, null, _s.Variables));
            return;
        }
        CompleteScopeIfEmpty(scopeId, node.Id);
    }

    private void EnterSubProcess(Execution exec, FlowNode node)
    {
        exec.State = ExecutionState.Scope;
        AttachBoundaries(exec, node);
        // A boundary that cannot be armed stops the sub-process before anything starts inside it: a retry re-enters it.
        if (!_s.Executions.Contains(exec) || exec.State == ExecutionState.Incident) return;
        if (node.Starts.Length == 0)
        {
            CompleteScopeIfEmpty(exec.Id, node.Id);
            return;
        }
        ArmEventSubProcesses(exec.Id, node.EventSubProcesses);
        foreach (var start in node.Starts) Enqueue(NewExecution(exec.Id, start.Id), start);
    }
}
