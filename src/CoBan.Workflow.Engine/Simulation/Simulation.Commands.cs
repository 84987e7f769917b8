using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Simulation;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>Applying the engine's commands in memory, as the host would in its transaction.</summary>
public sealed partial class Simulator
{
    private void Apply(SimulatedInstance instance, Stimulus stimulus, bool quiet = false)
    {
        var result = Executor.Advance(instance.Definition, instance.State, stimulus, Now, _options.Engine);
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
                        foreach (var other in _instances.Where(i => i != instance && i.State is { IsEnded: false }).ToList())
                            Apply(other, new DeliverSignal(signal.SignalName, signal.Variables), quiet: true);
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
        foreach (var followUp in followUps) followUp();
        FireDueTimers();
    }

    private void FireDueTimers()
    {
        var due = Timers.FirstOrDefault(t => t.Due <= Now);
        if (due is null) return;
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
        var child = new SimulatedInstance(_instances.Count, process, (caller.Index, call.CallId), caller.Depth + 1);
        _instances.Add(child);
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
        foreach (var other in _instances.Where(i => i != sender && i.State is { IsEnded: false }))
        {
            var result = Executor.Advance(other.Definition, other.State, new DeliverMessage(message.MessageName, message.CorrelationKey, message.Variables), Now, _options.Engine);
            if (!result.Applied) continue;
            Absorb(other, result);
            return;
        }
        StartByMessage(message.MessageName, message.Variables);
    }

    /// <summary>A message nobody waits for may start a process of this file with a message start event of that name.</summary>
    private bool StartByMessage(string name, Vars? variables)
    {
        foreach (var process in _document.Processes)
        {
            var start = process.MessageStarts.FirstOrDefault(s => s.Event?.Name == name);
            if (start is null) continue;
            var instance = new SimulatedInstance(_instances.Count, process, null, 0);
            _instances.Add(instance);
            Apply(instance, new Start(variables, start.Id));
            return true;
        }
        return false;
    }
}
