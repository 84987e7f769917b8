using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>Waiting: tasks, timers, subscriptions, service and call waits, boundary events, and their cancellation.</summary>
internal sealed partial class Run
{
    private void WaitForTask(Execution exec, FlowNode node)
    {
        var spec = node.UserTask ?? new UserTaskSpec();
        exec.State = ExecutionState.Waiting;
        string? name, assignee; IReadOnlyList<string> users; string? bureau; DateTimeOffset? due, followUp; int? priority;
        try
        {
            var context = Context(exec);
            name = node.NameExpression is { } named ? named.Evaluate(context)?.ToString() : node.Name;
            assignee = spec.Assignee?.Evaluate(context)?.ToString();
            users = AsStrings(spec.CandidateUsers?.Evaluate(context));
            bureau = spec.CandidateBureau?.Evaluate(context)?.ToString();
            due = DueDate(spec.Due, context);
            followUp = DueDate(spec.FollowUp, context);
            priority = Priority(spec.Priority, context);
        }
        catch (Exception e) when (IsTimeOrExpressionFault(e))
        {
            RaiseIncident(exec, $"无法创建任务：{Zh(e)}", $"cannot create the task: {En(e)}");
            return;
        }
        var id = NewId();
        AddWait(exec, new Wait { Id = id, Kind = WaitKind.Task, ElementId = node.Id });
        Commands.Add(new CreateUserTask(id, node.Id, name, spec.AssignTo, assignee, spec.CandidateRoles, users, bureau,
            due, followUp, spec.RemindBefore, spec.EscalateAfter, node.CaseAction, node.Kind is NodeKind.ManualTask or NodeKind.ReceiveTask, priority));
        AttachBoundaries(exec, node);
    }

    /// <summary>camunda:priority: a whole number (Camunda's default, 50, is the host's when none is given).</summary>
    private static int? Priority(Expression? expression, IExpressionContext context) => expression?.Evaluate(context) switch
    {
        null => null,
        long n when n is >= int.MinValue and <= int.MaxValue => (int)n,
        double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        string text when int.TryParse(text.Trim(), out var n) => n,
        var other => throw new FormatException($"the priority must be a whole number, got {Values.Describe(other)}"),
    };

    /// <summary>A due date given as a duration (from now, working days allowed) or as a date.</summary>
    private DateTimeOffset? DueDate(Expression? expression, IExpressionContext context)
    {
        var value = expression?.Evaluate(context);
        switch (value)
        {
            case null: return null;
            case DateTimeOffset date: return date;
            case string text:
                var trimmed = text.Trim();
                var kind = trimmed.StartsWith('P') || trimmed.StartsWith("-P", StringComparison.Ordinal) ? TimerKind.Duration : TimerKind.Date;
                return TimerSpec.Parse(kind, trimmed).FirstDue(_now, _options.Calendar);
            default:
                throw new FormatException($"expected a date or a duration, got {Values.Describe(value)}");
        }
    }

    private void WaitForService(Execution exec, FlowNode node)
    {
        exec.State = ExecutionState.Waiting;
        // Boundary events first: when one cannot be armed (an incident), the service is not asked yet and a
        // retry re-enters the task. Once they are armed, a retry re-invokes the service with them running.
        AttachBoundaries(exec, node);
        if (exec.State == ExecutionState.Incident) return;
        var id = NewId();
        AddWait(exec, new Wait { Id = id, Kind = WaitKind.Service, ElementId = node.Id });
        InvokeService command;
        try
        {
            command = InvokeCommand(exec, node, id);
        }
        catch (ExpressionException e)
        {
            RaiseIncident(exec, $"服务参数无法计算：{e.MessageZh}", $"a service parameter failed: {e.MessageEn}");
            return;
        }
        Commands.Add(command);
    }

    private InvokeService InvokeCommand(Execution exec, FlowNode node, int id)
    {
        var spec = node.Service!;
        var context = Context(exec);
        var parameters = new Dictionary<string, object?>(spec.Parameters.Count, StringComparer.Ordinal);
        foreach (var (name, expression) in spec.Parameters) parameters[name] = expression.Evaluate(context);
        return new InvokeService(id, node.Id, spec.Implementation, parameters, spec.Retries);
    }

    private void WaitForCall(Execution exec, FlowNode node)
    {
        exec.State = ExecutionState.Waiting;
        // As for service tasks: boundary events first, so a retry never starts a second called instance.
        AttachBoundaries(exec, node);
        if (exec.State == ExecutionState.Incident) return;
        var id = NewId();
        AddWait(exec, new Wait { Id = id, Kind = WaitKind.Call, ElementId = node.Id });
        if (CallCommand(exec, node, id) is not { } command) return;
        Commands.Add(command);
    }

    private StartCallActivity? CallCommand(Execution exec, FlowNode node, int id)
    {
        var spec = node.Call!;
        try
        {
            var variables = MapIn(exec, spec);
            var called = spec.CalledElementExpression is { } expression ? Evaluate(exec, expression)?.ToString() : spec.CalledElement;
            if (string.IsNullOrWhiteSpace(called))
            {
                RaiseIncident(exec, $"被调用流程 {spec.CalledElement} 计算结果为空", $"the called element {spec.CalledElement} gave nothing");
                return null;
            }
            return new StartCallActivity(id, node.Id, called, spec.Binding, spec.Version, variables);
        }
        catch (ExpressionException e)
        {
            RaiseIncident(exec, $"调用活动的输入映射无法计算：{e.MessageZh}", $"the call activity's input mapping failed: {e.MessageEn}");
            return null;
        }
    }

    /// <summary>Adds the wait for a catch event, receive task or event-gateway target; false after an incident.</summary>
    private bool AddEventWait(Execution exec, FlowNode trigger, FlowNode reactor)
    {
        var spec = trigger.Event;
        try
        {
            switch (trigger.Trigger == EventTrigger.None && trigger.Kind == NodeKind.ReceiveTask ? EventTrigger.Message : trigger.Trigger)
            {
                case EventTrigger.Timer:
                    var due = FirstDue(exec, spec!.Timer!);
                    if (due is null) return true; // a cycle with no repetitions left never fires
                    var timerId = NewId();
                    AddWait(exec, new Wait { Id = timerId, Kind = WaitKind.Timer, ElementId = reactor.Id, Due = due });
                    Commands.Add(new ScheduleTimer(timerId, reactor.Id, due.Value));
                    return true;
                case EventTrigger.Message:
                    var key = Evaluate(exec, spec?.CorrelationKey)?.ToString();
                    var message = EventName(exec, spec!);
                    var messageId = NewId();
                    AddWait(exec, new Wait { Id = messageId, Kind = WaitKind.Message, ElementId = reactor.Id, Name = message, Key = key });
                    Commands.Add(new SubscribeMessage(messageId, reactor.Id, message, key));
                    return true;
                case EventTrigger.Signal:
                    var signal = EventName(exec, spec!);
                    var signalId = NewId();
                    AddWait(exec, new Wait { Id = signalId, Kind = WaitKind.Signal, ElementId = reactor.Id, Name = signal });
                    Commands.Add(new SubscribeSignal(signalId, reactor.Id, signal));
                    return true;
                case EventTrigger.Conditional:
                    // Nothing for the host: the engine checks the condition after every step (Run.Conditions.cs).
                    AddWait(exec, new Wait { Id = NewId(), Kind = WaitKind.Condition, ElementId = reactor.Id });
                    return true;
                default:
                    return true; // error and escalation boundaries are found when something is thrown
            }
        }
        catch (Exception e) when (IsTimeOrExpressionFault(e))
        {
            RaiseIncident(exec, $"'{trigger.Id}' 的定时器或关联键无法计算：{Zh(e)}", $"the timer or correlation key of '{trigger.Id}' failed: {En(e)}");
            return false;
        }
    }

    /// <summary>A message or signal name, evaluated when it holds <c>${...}</c>.</summary>
    private string EventName(Execution exec, EventSpec spec) =>
        spec.NameExpression is { } expression
            ? Evaluate(exec, expression)?.ToString() ?? throw new FormatException($"the name {spec.Name} gave null")
            : spec.Name!;

    private DateTimeOffset? FirstDue(Execution exec, TimerDefinition timer) => Spec(exec, timer).FirstDue(_now, _options.Calendar);

    private TimerSpec Spec(Execution exec, TimerDefinition timer)
    {
        if (timer.Fixed is { } fixedSpec) return fixedSpec;
        var value = timer.Expression!.Evaluate(Context(exec));
        var text = value is DateTimeOffset date ? date.ToString("O") : value?.ToString()
            ?? throw new FormatException($"the timer expression {timer.Text} gave null");
        return TimerSpec.Parse(timer.Kind, text);
    }

    private void AttachBoundaries(Execution exec, FlowNode node)
    {
        // A multi-instance activity's boundary events are the body's, attached once, not per instance.
        if (node.Loop is not null && IsInstanceOf(exec, node)) return;
        foreach (var boundary in node.Boundaries)
            if (!AddEventWait(exec, boundary, boundary)) return;
    }

    private static void AddWait(Execution exec, Wait wait) => (exec.Waits ??= []).Add(wait);

    private static void RemoveWait(Execution exec, Wait wait)
    {
        exec.Waits!.Remove(wait);
        if (exec.Waits.Count == 0) exec.Waits = null;
    }

    /// <summary>Withdraws everything the execution waits for, telling the host what to cancel.</summary>
    private void ClearWaits(Execution exec)
    {
        if (exec.Waits is null) return;
        foreach (var wait in exec.Waits)
        {
            if (wait.Kind == WaitKind.Condition) continue; // the host knows nothing of it
            Command cancel = wait.Kind switch
            {
                WaitKind.Task => new CancelUserTask(wait.Id, wait.ElementId),
                WaitKind.Timer => new CancelTimer(wait.Id, wait.ElementId),
                WaitKind.Message => new UnsubscribeMessage(wait.Id),
                WaitKind.Signal => new UnsubscribeSignal(wait.Id),
                WaitKind.Service => new CancelService(wait.Id),
                _ => new CancelCallActivity(wait.Id, wait.ElementId),
            };
            Commands.Add(cancel);
        }
        exec.Waits = null;
    }

    /// <summary>A wait's event happened: a timer fired, a message or signal arrived.</summary>
    private void Occur(Execution exec, Wait wait)
    {
        var reactor = _def.Node(wait.ElementId);
        if (exec.State == ExecutionState.Listening)
        {
            FireEventSubProcess(exec, wait, reactor);
            return;
        }
        if (reactor.Kind == NodeKind.BoundaryEvent)
        {
            FireBoundary(exec, wait, reactor);
            return;
        }
        RemoveWait(exec, wait);
        if (reactor.Id == exec.ElementId)
        {
            Leave(exec, reactor); // an intermediate catch event or receive task completes
            return;
        }
        // An event-based gateway's target won: the other targets are withdrawn.
        ClearWaits(exec);
        var gateway = _def.Node(exec.ElementId);
        Trace.Add(new(TraceKind.Left, gateway.Id));
        // A loop, not First(lambda): capturing reactor would allocate a closure on every Occur, timers included.
        SequenceFlow? flow = null;
        foreach (var outgoing in gateway.Outgoing)
            if (outgoing.Target == reactor)
            {
                flow = outgoing;
                break;
            }
        Trace.Add(new(TraceKind.Taken, flow!.Id));
        exec.ElementId = reactor.Id;
        exec.State = ExecutionState.Active;
        _agenda.Enqueue(new Step(exec, reactor, StepKind.Occur));
    }

    private void FireBoundary(Execution activity, Wait wait, FlowNode boundary)
    {
        if (boundary.Interrupting)
        {
            Interrupt(activity, boundary);
            return;
        }
        Exception? unschedulable = null;
        if (wait.Kind == WaitKind.Timer)
        {
            RemoveWait(activity, wait);
            DateTimeOffset? next = null;
            try
            {
                next = Spec(activity, boundary.Event!.Timer!).NextDue(wait.Due ?? _now, wait.Fired + 1, _options.Calendar);
            }
            catch (Exception e) when (IsTimeOrExpressionFault(e))
            {
                unschedulable = e; // e.g. the next repetition falls in a year whose calendar is not loaded
            }
            if (next is not null)
            {
                var id = NewId();
                AddWait(activity, wait with { Id = id, Due = next, Fired = wait.Fired + 1 });
                Commands.Add(new ScheduleTimer(id, boundary.Id, next.Value));
            }
        }
        var token = NewExecution(activity.Parent, boundary.Id);
        if (unschedulable is not null)
        {
            // The activity is left alone (it may be a task, a service, a sub-process or a multi-instance body);
            // this firing stops at the boundary event with the incident. A retry lets it go on; no later
            // repetition is scheduled.
            RaiseIncident(token,
                $"'{boundary.Id}' 已触发，但下一次重复无法安排，本次触发停在此处（重试后继续，之后不再重复）：{Zh(unschedulable)}",
                $"'{boundary.Id}' fired but its next repetition cannot be scheduled, so this firing waits here (a retry lets it go on; no later repetition is scheduled): {En(unschedulable)}");
            return;
        }
        _agenda.Enqueue(new Step(token, boundary, StepKind.Occur));
        token.State = ExecutionState.Active;
    }

    /// <summary>Cancels an activity (with everything inside it) and continues from the boundary event.</summary>
    private void Interrupt(Execution activity, FlowNode boundary)
    {
        if (ChildrenOf(activity.Id) is { } children)
            foreach (var child in children) CancelTree(child);
        ClearWaits(activity);
        Trace.Add(new(TraceKind.Cancelled, activity.ElementId));
        if (activity.State == ExecutionState.Incident) ResolveIncidentOf(activity);
        activity.Locals = null;
        activity.FlowId = null;
        activity.ElementId = boundary.Id;
        activity.State = ExecutionState.Active;
        _agenda.Enqueue(new Step(activity, boundary, StepKind.Occur));
    }

    private void CancelTree(Execution exec, bool trace = true)
    {
        if (ChildrenOf(exec.Id) is { } children)
            foreach (var child in children) CancelTree(child);
        ClearWaits(exec);
        if (exec.State == ExecutionState.Incident) ResolveIncidentOf(exec);
        if (trace) Trace.Add(new(TraceKind.Cancelled, exec.ElementId));
        _s.Executions.Remove(exec);
    }

    /// <summary>
    /// A copy of the executions directly inside a scope (cancelling them changes the list), or null when
    /// there are none: the usual case for a task, so an interrupt or cancel allocates nothing for it.
    /// </summary>
    private List<Execution>? ChildrenOf(int scopeId)
    {
        List<Execution>? children = null;
        foreach (var e in _s.Executions)
            if (e.Parent == scopeId) (children ??= []).Add(e);
        return children;
    }

    /// <summary>Delivers a signal to every wait for it in this instance; true when any caught it.</summary>
    private bool CatchSignal(string name)
    {
        var matches = new List<(Execution, Wait)>();
        foreach (var exec in _s.Executions)
            if (exec.Waits is not null)
                foreach (var wait in exec.Waits)
                    if (wait.Kind == WaitKind.Signal && wait.Name == name) matches.Add((exec, wait));
        foreach (var (exec, wait) in matches)
        {
            // An earlier catch may have interrupted this one's activity.
            if (!_s.Executions.Contains(exec) || exec.Waits?.Contains(wait) != true) continue;
            Occur(exec, wait);
        }
        return matches.Count > 0;
    }

    private void RaiseIncident(Execution exec, string zh, string en)
    {
        exec.State = ExecutionState.Incident;
        exec.Incident = en;
        Trace.Add(new(TraceKind.Incident, exec.ElementId));
        Commands.Add(new RaiseIncident(exec.Id, exec.ElementId, zh, en));
    }

    private void ResolveIncidentOf(Execution exec)
    {
        if (exec.Incident is null) return;
        exec.Incident = null;
        Commands.Add(new ResolveIncident(exec.Id, exec.ElementId));
    }

    /// <summary>
    /// Failures a model's data can cause when a date or duration is computed: bad expressions or values,
    /// a year the calendar does not know, and working days with no calendar (IsoDuration.AddTo throws
    /// InvalidOperationException then). They become incidents; they must never escape Advance.
    /// </summary>
    private static bool IsTimeOrExpressionFault(Exception e) =>
        e is ExpressionException or FormatException or ArgumentException or OverflowException or CalendarYearUnknownException or InvalidOperationException;

    private static string Zh(Exception e) => e is ExpressionException x ? x.MessageZh : e.Message;
    private static string En(Exception e) => e is ExpressionException x ? x.MessageEn : e.Message;
}
