using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Simulation;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// Applying the engine's commands in memory, as the host would in its transaction. Follow-ups (service
/// answers, called processes, thrown messages and signals, due timers) go on a work stack rather than
/// being called: the order is the depth-first order a recursive simulator had, but the depth lives on
/// the heap and every unit of work is counted against the budget.
/// </summary>
public sealed partial class Simulator
{
    private readonly Stack<Action> _work = new();
    private int _steps;
    private int _timerFirings;

    private SimulationBudget Budget => _options.Budget;

    /// <summary>Queues a stimulus; <see cref="Run"/> applies it.</summary>
    private void Apply(SimulatedInstance instance, Stimulus stimulus, bool quiet = false) =>
        _work.Push(() => Step(instance, stimulus, quiet));

    /// <summary>Works the stack empty, or until a budget is spent (then the rest is dropped).</summary>
    private void Run()
    {
        while (_work.TryPop(out var work))
        {
            if (Spent is not null) break;
            work();
        }
        _work.Clear();
    }

    /// <summary>Queues actions so that they run in the order given (the stack pops the last push first).</summary>
    private void PushInOrder(List<Action> actions)
    {
        for (var i = actions.Count - 1; i >= 0; i--) _work.Push(actions[i]);
    }

    private bool Stop(string budget, long limit)
    {
        Spent ??= new BudgetSpent(budget, limit);
        return false;
    }

    /// <summary>Counts one engine advance; false (and the run stops) when the steps or the time are spent.</summary>
    private bool SpendStep()
    {
        if (Spent is not null) return false;
        if (Budget.Cancellation.IsCancellationRequested) return Stop(SimulationBudget.WallTime, 0);
        if (++_steps > Budget.MaxSteps) return Stop(SimulationBudget.Steps, Budget.MaxSteps);
        return true;
    }

    private bool SpendTimerFiring()
    {
        if (Spent is not null) return false;
        if (++_timerFirings > Budget.MaxTimerFirings) return Stop(SimulationBudget.TimerFirings, Budget.MaxTimerFirings);
        return true;
    }

    private SimulatedInstance? NewInstance(ProcessDefinition process, (int Instance, int CallId)? parent, int depth)
    {
        if (Spent is not null) return null;
        if (_instances.Count >= Budget.MaxInstances)
        {
            Stop(SimulationBudget.Instances, Budget.MaxInstances);
            return null;
        }
        var instance = new SimulatedInstance(_instances.Count, process, parent, depth);
        _instances.Add(instance);
        return instance;
    }

    private AdvanceResult? Advance(SimulatedInstance instance, Stimulus stimulus) =>
        SpendStep() ? Executor.Advance(instance.Definition, instance.State, stimulus, Now, _options.Engine) : null;

    private void Step(SimulatedInstance instance, Stimulus stimulus, bool quiet)
    {
        if (Advance(instance, stimulus) is not { } result) return;
        if (result.Outcome == AdvanceOutcome.Rejected)
        {
            if (!quiet) _errors.AddRange(result.Rejections.Select(r => r.ToString()));
            instance.State ??= result.State;
            return;
        }
        if (result.Applied) Absorb(instance, result);
    }

    private void Absorb(SimulatedInstance instance, AdvanceResult result)
    {
        instance.State = result.State;
        foreach (var t in result.Trace)
            if (t.Kind == TraceKind.Entered) Trace.Add(t.ElementId);
        var followUps = new List<Action>();
        foreach (var command in result.Commands)
        {
            Commands.Add((instance.Index, command));
            switch (command)
            {
                case CreateUserTask task:
                    instance.Tasks[task.TaskId] = new OpenTask(instance.Index, task.TaskId, task.ElementId, task.Name, task);
                    break;
                case CancelUserTask cancel:
                    instance.Tasks.Remove(cancel.TaskId);
                    break;
                case ScheduleTimer timer:
                    instance.Timers[timer.TimerId] = new PendingTimer(instance.Index, timer.TimerId, timer.ElementId, timer.Due);
                    break;
                case CancelTimer cancel:
                    instance.Timers.Remove(cancel.TimerId);
                    break;
                case InvokeService service:
                    followUps.Add(() => AnswerService(instance, service));
                    break;
                case StartCallActivity call:
                    followUps.Add(() => StartCalled(instance, call));
                    break;
                case CancelCallActivity cancel when instance.Calls.Remove(cancel.CallId, out var child):
                    followUps.Add(() => Apply(_instances[child], new Execution.Cancel("call activity cancelled")));
                    break;
                case BroadcastSignal signal:
                    followUps.Add(() =>
                    {
                        ApplyToAll(instance, new DeliverSignal(signal.SignalName, signal.Variables));
                        StartBySignal(signal.SignalName, signal.Variables);
                    });
                    break;
                case SendMessage message:
                    followUps.Add(() => DeliverThrownMessage(instance, message));
                    break;
                case InstanceCompleted completed when instance.Parent is { } parent:
                    followUps.Add(() => ReturnToCaller(parent, completed));
                    break;
                case EscalateToCaller escalation when instance.Parent is { } caller:
                    followUps.Add(() => Apply(_instances[caller.Instance], new EscalateCallActivity(caller.CallId, escalation.EscalationCode)));
                    break;
            }
        }
        // Completed tasks disappear from the open list without a cancel command.
        foreach (var id in instance.Tasks.Keys.ToList())
            if (result.State.FindWait(id) is null) instance.Tasks.Remove(id);
        // Follow-ups first, in order, then one due timer (which, applied, looks for the next one).
        _work.Push(FireDueTimer);
        PushInOrder(followUps);
    }

    /// <summary>Delivers a stimulus to every running instance but one, in instance order; refusals are not errors.</summary>
    private void ApplyToAll(SimulatedInstance? except, Stimulus stimulus)
    {
        var targets = _instances.Where(i => i != except && i.State is { IsEnded: false }).ToList();
        for (var i = targets.Count - 1; i >= 0; i--) Apply(targets[i], stimulus, quiet: true);
    }

    private void FireDueTimer()
    {
        var due = Timers.FirstOrDefault(t => t.Due <= Now);
        if (due is null || !SpendTimerFiring()) return;
        _instances[due.Instance].Timers.Remove(due.TimerId);
        Apply(_instances[due.Instance], new FireTimer(due.TimerId));
    }

    private void AnswerService(SimulatedInstance instance, InvokeService service)
    {
        var outcome = _options.Services.GetValueOrDefault(service.ElementId) ?? new ServiceOutcome();
        if (outcome.Pending) return;
        Stimulus answer = outcome.ErrorCode is not null || outcome.Message is not null
            ? new FailService(service.CallId, outcome.ErrorCode, outcome.Message ?? "simulated failure")
            : new CompleteService(service.CallId, outcome.Variables);
        Apply(instance, answer);
    }

    private void StartCalled(SimulatedInstance caller, StartCallActivity call)
    {
        var process = _document.FindProcess(call.CalledElement);
        if (process is null || caller.Depth + 1 > _options.MaxCallDepth)
        {
            var why = process is null ? $"本文件中没有流程 '{call.CalledElement}' / no process '{call.CalledElement}' in this file"
                : "调用嵌套过深 / calls nest too deep";
            Apply(caller, new FailService(call.CallId, null, why));
            _errors.Add(why);
            return;
        }
        if (NewInstance(process, (caller.Index, call.CallId), caller.Depth + 1) is not { } child) return;
        caller.Calls[call.CallId] = child.Index;
        Apply(child, new Start(call.Variables, Called: true));
    }

    private void ReturnToCaller((int Instance, int CallId) parent, InstanceCompleted completed)
    {
        var caller = _instances[parent.Instance];
        if (!caller.Calls.Remove(parent.CallId)) return;
        Apply(caller, new CompleteCallActivity(parent.CallId, completed.Variables, completed.ErrorCode));
    }

    private void DeliverThrownMessage(SimulatedInstance sender, SendMessage message)
    {
        if (!Deliver(sender, message.MessageName, message.CorrelationKey, message.Variables))
            StartByMessage(message.MessageName, message.Variables);
    }

    /// <summary>The first running instance (but the sender) that takes the message gets it.</summary>
    private bool Deliver(SimulatedInstance? sender, string name, string? correlationKey, Vars? variables)
    {
        foreach (var other in _instances.Where(i => i != sender && i.State is { IsEnded: false }).ToList())
        {
            if (Advance(other, new DeliverMessage(name, correlationKey, variables)) is not { } result) return false;
            if (!result.Applied) continue;
            Absorb(other, result);
            return true;
        }
        return false;
    }

    /// <summary>A signal starts a new instance of every process of this file with a signal start event of that name.</summary>
    private void StartBySignal(string name, Vars? variables)
    {
        foreach (var process in _document.Executable)
            foreach (var start in process.SignalStarts.Where(s => s.Event?.Name == name).ToList())
                if (NewInstance(process, null, 0) is { } instance) Apply(instance, new Start(variables, start.Id));
    }

    /// <summary>A message nobody waits for may start a process of this file with a message start event of that name.</summary>
    private bool StartByMessage(string name, Vars? variables)
    {
        foreach (var process in _document.Processes)
        {
            var start = process.MessageStarts.FirstOrDefault(s => s.Event?.Name == name);
            if (start is null) continue;
            if (NewInstance(process, null, 0) is not { } instance) return false;
            Apply(instance, new Start(variables, start.Id));
            return true;
        }
        return false;
    }
}
