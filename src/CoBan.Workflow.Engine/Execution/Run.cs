using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// One Advance: applies a stimulus to a private copy of the state, then moves tokens through an
/// agenda (a queue, not recursion, so long chains of pass-through elements cannot overflow the
/// stack) until every token waits or has ended.
/// </summary>
internal sealed partial class Run
{
    private readonly ProcessDefinition _def;
    private readonly InstanceState _s;
    private readonly DateTimeOffset _now;
    private readonly EngineOptions _options;
    private readonly Queue<Step> _agenda = new();
    private int _steps;

    private enum StepKind : byte { Enter, EnterInstance, Occur }

    private readonly record struct Step(Execution Execution, FlowNode Node, StepKind Kind);

    internal Run(ProcessDefinition definition, InstanceState state, DateTimeOffset now, EngineOptions options)
    {
        _def = definition;
        _s = state;
        _now = now;
        _options = options;
    }

    internal List<Command> Commands { get; } = [];
    internal List<TraceEntry> Trace { get; } = [];
    /// <summary>Created on the first rejection: most runs have none.</summary>
    internal List<Rejection> Rejections => _rejections ??= [];

    private List<Rejection>? _rejections;

    internal AdvanceOutcome Apply(Stimulus stimulus)
    {
        var outcome = stimulus switch
        {
            Start start => ApplyStart(start),
            CompleteTask complete => ApplyCompleteTask(complete),
            FireTimer timer => ApplyTimer(timer),
            DeliverMessage message => ApplyMessage(message),
            DeliverSignal signal => ApplySignal(signal),
            CompleteService done => ApplyServiceDone(done),
            FailService failed => ApplyServiceFailed(failed),
            CompleteCallActivity called => ApplyCallDone(called),
            EscalateCallActivity escalated => ApplyCallEscalated(escalated),
            RetryIncident retry => ApplyRetry(retry),
            SetVariables set => ApplySetVariables(set),
            Cancel cancel => ApplyCancel(cancel),
            _ => Reject("unknown-stimulus", "未知的操作", $"unknown stimulus {stimulus.GetType().Name}"),
        };
        if (outcome == AdvanceOutcome.Applied) Drain();
        return outcome;
    }

    private AdvanceOutcome ApplyStart(Start start)
    {
        _s.Called = start.Called;
        SetAll(null, start.Variables);
        // Indexed loops rather than LINQ or foreach over the IReadOnlyList: every instance starts here, and
        // a lambda capturing the id would allocate its closure on every start, as would a boxed enumerator.
        var starts = _def.Starts;
        if (start.StartEventId is { } id)
        {
            for (var i = 0; i < starts.Count; i++)
            {
                if (starts[i].Id != id) continue;
                ArmEventSubProcesses(0, _def.EventSubProcesses);
                Enqueue(NewExecution(0, starts[i].Id), starts[i]);
                return AdvanceOutcome.Applied;
            }
            return Reject("no-start-event", $"'{id}' 不是流程 '{_def.Id}' 的开始事件", $"'{id}' is not a start event of process '{_def.Id}'");
        }
        var none = 0;
        for (var i = 0; i < starts.Count; i++)
            if (IsNoneStart(starts[i])) none++;
        if (none == 0)
            return Reject("no-none-start", "流程没有空开始事件：请指定要触发的开始事件", "the process has no none start event: name the start event to trigger");
        ArmEventSubProcesses(0, _def.EventSubProcesses);
        for (var i = 0; i < starts.Count; i++)
            if (IsNoneStart(starts[i])) Enqueue(NewExecution(0, starts[i].Id), starts[i]);
        return AdvanceOutcome.Applied;
    }

    private static bool IsNoneStart(FlowNode node) => node.Kind != NodeKind.StartEvent || node.Trigger == EventTrigger.None;

    private AdvanceOutcome ApplyCompleteTask(CompleteTask complete)
    {
        if (_s.FindWait(complete.TaskId) is not ({ } exec, { Kind: WaitKind.Task } wait))
            return Reject("no-task", $"任务 {complete.TaskId} 不存在或已完成", $"task {complete.TaskId} does not exist or is already completed");
        var node = _def.Node(exec.ElementId);
        var form = node.UserTask?.Form ?? [];
        Dictionary<string, object?>? values = null;
        // Without a form and without variables there is nothing to check or convert: no empty copy to build.
        if (form.Length > 0 || complete.Variables is not null)
        {
            values = FormValidation.Check(form, complete.Variables, Rejections);
            if (values is null) return AdvanceOutcome.Rejected;
        }
        RemoveWait(exec, wait);
        SetAll(exec, values);
        Leave(exec, node);
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyTimer(FireTimer timer)
    {
        // A timer cancelled in the same transaction as a step may still fire once from the
        // scheduler's point of view: ignoring unknown ids makes firings idempotent.
        if (_s.FindWait(timer.TimerId) is not ({ } exec, { Kind: WaitKind.Timer } wait)) return AdvanceOutcome.Ignored;
        Occur(exec, wait);
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyMessage(DeliverMessage message)
    {
        foreach (var exec in _s.Executions)
        {
            if (exec.Waits is null) continue;
            foreach (var wait in exec.Waits)
            {
                if (wait.Kind != WaitKind.Message || wait.Name != message.Name) continue;
                if (wait.Key is not null && wait.Key != message.CorrelationKey) continue;
                SetAll(null, message.Variables);
                Occur(exec, wait);
                return AdvanceOutcome.Applied;
            }
        }
        var keyText = message.CorrelationKey is null ? "" : $"（关联键 {message.CorrelationKey}）";
        return Reject("not-correlated", $"没有等待消息 '{message.Name}'{keyText} 的元素", $"nothing waits for message '{message.Name}'{(message.CorrelationKey is null ? "" : $" (key {message.CorrelationKey})")}");
    }

    private AdvanceOutcome ApplySignal(DeliverSignal signal)
    {
        var caught = CatchSignal(signal.Name);
        if (!caught) return AdvanceOutcome.Ignored;
        SetAll(null, signal.Variables);
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyServiceDone(CompleteService done)
    {
        if (_s.FindWait(done.CallId) is not ({ } exec, { Kind: WaitKind.Service } wait))
            return AdvanceOutcome.Ignored; // a late result for a service call that was cancelled
        RemoveWait(exec, wait);
        var node = _def.Node(exec.ElementId);
        if (node.Service?.ResultVariable is { } resultVariable)
            SetVariable(exec, resultVariable, Values.Normalize(done.Variables is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(done.Variables)));
        else SetAll(exec, done.Variables);
        ResolveIncidentOf(exec);
        Leave(exec, _def.Node(exec.ElementId));
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyServiceFailed(FailService failed)
    {
        // A call activity the host could not start (no such procedure) fails like a service call.
        // So does a called instance cancelled on its own: the call activity waits with an incident.
        if (_s.FindWait(failed.CallId) is not ({ } exec, { Kind: WaitKind.Service or WaitKind.Call } wait))
            return AdvanceOutcome.Ignored;
        if (failed.ErrorCode is not null && ThrowError(exec, failed.ErrorCode, fromActivity: true)) return AdvanceOutcome.Applied;
        var code = failed.ErrorCode is null ? "" : $"（错误码 {failed.ErrorCode} 未被捕获）";
        var (whatZh, whatEn) = wait.Kind == WaitKind.Call ? ("调用活动失败", "the call activity failed") : ("服务调用失败", "the service call failed");
        RaiseIncident(exec, $"{whatZh}{code}：{failed.Message}", $"{whatEn}{(failed.ErrorCode is null ? "" : $" (error {failed.ErrorCode} not caught)")}: {failed.Message}");
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyCallDone(CompleteCallActivity done)
    {
        if (_s.FindWait(done.CallId) is not ({ } exec, { Kind: WaitKind.Call } wait))
            return AdvanceOutcome.Ignored;
        var node = _def.Node(exec.ElementId);
        if (done.ErrorCode is not null)
        {
            if (!ThrowError(exec, done.ErrorCode, fromActivity: true))
                RaiseIncident(exec, $"被调用的流程以未捕获的错误 '{done.ErrorCode}' 结束", $"the called process ended with an uncaught error '{done.ErrorCode}'");
            return AdvanceOutcome.Applied;
        }
        try
        {
            MapOut(exec, node.Call!, done.Variables);
        }
        catch (ExpressionException e)
        {
            // The call stays open with an incident; a retry starts the called process again.
            RaiseIncident(exec, $"调用活动的输出映射无法计算：{e.MessageZh}", $"the call activity's output mapping failed: {e.MessageEn}");
            return AdvanceOutcome.Applied;
        }
        RemoveWait(exec, wait);
        ResolveIncidentOf(exec);
        Leave(exec, node);
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyCallEscalated(EscalateCallActivity escalated)
    {
        if (_s.FindWait(escalated.CallId) is not ({ } exec, { Kind: WaitKind.Call }))
            return AdvanceOutcome.Ignored;
        if (!Propagate(exec, fromActivity: true, EventTrigger.Escalation, escalated.EscalationCode))
        {
            if (!_s.Called) return AdvanceOutcome.Ignored; // uncaught: nothing happens, the call goes on
            Commands.Add(new EscalateToCaller(exec.ElementId, escalated.EscalationCode));
        }
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyRetry(RetryIncident retry)
    {
        var exec = _s.FindExecution(retry.ExecutionId);
        if (exec is not { State: ExecutionState.Incident })
            return Reject("no-incident", $"执行 {retry.ExecutionId} 没有待处理的故障", $"execution {retry.ExecutionId} has no open incident");
        var node = _def.Node(exec.ElementId);
        ResolveIncidentOf(exec);
        if (exec.Waits?.FirstOrDefault(w => w.Kind is WaitKind.Service or WaitKind.Call) is { } wait)
        {
            exec.State = ExecutionState.Waiting;
            if (wait.Kind == WaitKind.Service)
            {
                try
                {
                    Commands.Add(InvokeCommand(exec, node, wait.Id));
                }
                catch (ExpressionException e)
                {
                    // The parameters still cannot be computed (the data was not fixed): the incident comes back.
                    RaiseIncident(exec, $"服务参数无法计算：{e.MessageZh}", $"a service parameter failed: {e.MessageEn}");
                }
            }
            else if (CallCommand(exec, node, wait.Id) is { } call) Commands.Add(call);
        }
        else
        {
            ClearWaits(exec);
            exec.State = ExecutionState.Active;
            Enqueue(exec, node, IsInstanceOf(exec, node) ? StepKind.EnterInstance : StepKind.Enter);
        }
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplySetVariables(SetVariables set)
    {
        SetAll(null, set.Variables);
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome ApplyCancel(Cancel cancel)
    {
        foreach (var top in _s.Executions.Where(e => e.Parent == 0).ToList()) CancelTree(top);
        _s.Status = InstanceStatus.Terminated;
        Commands.Add(new InstanceTerminated(cancel.Reason));
        return AdvanceOutcome.Applied;
    }

    private AdvanceOutcome Reject(string code, string zh, string en)
    {
        Rejections.Add(new Rejection(code, zh, en));
        return AdvanceOutcome.Rejected;
    }

    /// <summary>Runs the agenda to quiescence, then activates inclusive joins nobody else can reach.</summary>
    private void Drain()
    {
        do
        {
            while (_agenda.TryDequeue(out var step))
            {
                if (++_steps > _options.MaxSteps) throw new StepLimitExceeded(step.Node.Id);
                if (!_s.Executions.Contains(step.Execution)) continue; // cancelled while queued
                switch (step.Kind)
                {
                    case StepKind.Occur: Trace.Add(new(TraceKind.Entered, step.Node.Id)); Leave(step.Execution, step.Node); break;
                    default: Execute(step.Execution, step.Node, step.Kind == StepKind.EnterInstance); break;
                }
            }
        }
        while (ActivateInclusiveJoins() || FireConditions());
    }

    private void Enqueue(Execution exec, FlowNode node, StepKind kind = StepKind.Enter)
    {
        exec.ElementId = node.Id;
        exec.State = ExecutionState.Active;
        _agenda.Enqueue(new Step(exec, node, kind));
    }

    private Execution NewExecution(int parent, string elementId, Dictionary<string, object?>? locals = null)
    {
        var exec = new Execution { Id = _s.NextId++, Parent = parent, ElementId = elementId, Locals = locals };
        _s.Executions.Add(exec);
        return exec;
    }

    private int NewId() => _s.NextId++;

    private void SetAll(Execution? exec, Vars? values)
    {
        if (values is null) return;
        // Hosts pass a Dictionary: its struct enumerator avoids boxing one per stimulus.
        if (values is Dictionary<string, object?> dictionary)
            foreach (var (name, value) in dictionary) SetVariable(exec, name, Values.Normalize(value));
        else
            foreach (var (name, value) in values) SetVariable(exec, name, Values.Normalize(value));
    }
}
