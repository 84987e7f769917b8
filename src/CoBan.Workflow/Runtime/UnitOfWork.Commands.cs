using System.Text;
using System.Text.Json;
using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Notices;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;
using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Runtime;

/// <summary>Each engine command becomes rows in the same transaction, or more work for this unit.</summary>
public sealed partial class UnitOfWork
{
    private async Task ApplyAsync(StepContext step, Command command, CancellationToken ct)
    {
        var instance = step.Instance;
        switch (command)
        {
            case CreateUserTask task:
                var created = await _deps.Tasks.CreateAsync(this, instance, task, step.Result.State.Variables, ct);
                step.CreatedTasks.Add(created);
                break;
            case CancelUserTask cancel:
                if (await FindTaskAsync(instance.Id, cancel.TaskId, ct) is { Status: WorkTaskStatus.Open } open)
                {
                    open.Status = WorkTaskStatus.Cancelled;
                    open.CompletedAt = Now;
                    step.EndedTasks.Add(open);
                }
                break;
            case ScheduleTimer timer:
                var row = new ScheduledTimer
                {
                    InstanceId = instance.Id, TimerId = timer.TimerId, ElementId = timer.ElementId, Purpose = TimerPurpose.Engine,
                    BureauId = instance.BureauId, CaseId = instance.CaseId,
                    DueAt = timer.Due.ToUniversalTime(), Status = TimerStatus.Pending, CreatedAt = Now,
                    Description = $"定时事件“{timer.ElementId}”",
                };
                Db.Add(row);
                TimersAdded.Add(row);
                break;
            case CancelTimer cancel:
                await CancelTimerAsync(instance.Id, cancel.TimerId, ct);
                break;
            case SubscribeMessage subscribe:
                Db.Add(new Subscription { InstanceId = instance.Id, WaitId = subscribe.SubscriptionId, Kind = SubscriptionKind.Message, Name = subscribe.MessageName, CorrelationKey = subscribe.CorrelationKey, ElementId = subscribe.ElementId, CreatedAt = Now });
                break;
            case SubscribeSignal subscribe:
                Db.Add(new Subscription { InstanceId = instance.Id, WaitId = subscribe.SubscriptionId, Kind = SubscriptionKind.Signal, Name = subscribe.SignalName, ElementId = subscribe.ElementId, CreatedAt = Now });
                break;
            case UnsubscribeMessage u:
                await RemoveSubscriptionAsync(instance.Id, u.SubscriptionId, ct);
                break;
            case UnsubscribeSignal u:
                await RemoveSubscriptionAsync(instance.Id, u.SubscriptionId, ct);
                break;
            case SendNotice notice:
                await _deps.Outbox.EnqueueAsync(this, instance, notice, step.Result.State.Variables, ct);
                NoticesAdded = true;
                break;
            case InvokeService invoke:
                await InvokeAsync(instance, invoke, step.Result.State.Variables, await StimulusTimeAsync(step, ct), ct);
                break;
            case CancelService cancel:
                var job = await Db.Set<ServiceJob>().FirstOrDefaultAsync(j => j.InstanceId == instance.Id && j.CallId == cancel.CallId, ct);
                if (job is { Status: JobStatus.Pending }) job.Status = JobStatus.Cancelled;
                break;
            case StartCallActivity call:
                await _deps.Calls.StartAsync(this, instance, call, ct);
                break;
            case CancelCallActivity cancel:
                // A child started in this unit is not in the database yet.
                var child = _instances.Values.FirstOrDefault(i => i.ParentInstanceId == instance.Id && i.ParentCallId == cancel.CallId && i.Status == InstanceStatus.Running)
                    ?? await Db.Set<ProcessInstance>().FirstOrDefaultAsync(i => i.ParentInstanceId == instance.Id && i.ParentCallId == cancel.CallId && i.Status == InstanceStatus.Running, ct);
                if (child is not null) Enqueue(await LoadAsync(child.Id, ct), new Cancel("调用活动被中断 / the call activity was interrupted"), first: true);
                break;
            case BroadcastSignal signal:
                await BroadcastAsync(instance, signal, ct);
                break;
            case SendMessage message:
                await _deps.Messages.DeliverAsync(this, instance, message.MessageName, message.CorrelationKey, message.Variables, ct);
                break;
            case RaiseIncident incident:
                Db.Add(new Incident { InstanceId = instance.Id, ExecutionId = incident.ExecutionId, ElementId = incident.ElementId, MessageZh = incident.MessageZh, MessageEn = incident.MessageEn, CreatedAt = Now });
                instance.HasIncident = true;
                AddJournal(instance, "incident.raised", "故障：" + incident.MessageZh, incident.ElementId);
                break;
            case ResolveIncident resolve:
                await ResolveIncidentAsync(instance, resolve, ct);
                break;
            case InstanceCompleted completed:
                if (instance.ParentInstanceId is { } parentId && instance.ParentCallId is { } callId)
                    Enqueue(await LoadAsync(parentId, ct), new CompleteCallActivity(callId, completed.Variables, completed.ErrorCode), first: true);
                break;
            case InstanceTerminated terminated:
                // A called instance cancelled on its own (not by its caller): the caller's call activity gets an
                // incident, so someone decides (retry calls the process again; or cancel the caller). When the
                // caller itself cancelled the call, its call no longer waits and the engine ignores this.
                if (instance.ParentInstanceId is { } callerId && instance.ParentCallId is { } cancelledCall)
                    Enqueue(await LoadAsync(callerId, ct), new FailService(cancelledCall, null,
                        $"被调用的流程实例 {instance.Id} 已终止：{terminated.Reason} / the called instance {instance.Id} was cancelled: {terminated.Reason}"), first: true);
                break;
            case EscalateToCaller escalation:
                if (instance.ParentInstanceId is { } escalatedTo && instance.ParentCallId is { } escalatedCall)
                    Enqueue(await LoadAsync(escalatedTo, ct), new EscalateCallActivity(escalatedCall, escalation.EscalationCode), first: true);
                break;
            default:
                throw UnknownCommand(command);
        }
    }

    /// <summary>
    /// Every command of a step is one this host applies, checked before any is: an engine command the
    /// host does not know would otherwise be dropped and leave the instance waiting for what never comes.
    /// </summary>
    private static void CheckCommands(IReadOnlyList<Command> commands)
    {
        foreach (var command in commands)
            if (command is not (CreateUserTask or CancelUserTask or ScheduleTimer or CancelTimer or SubscribeMessage or SubscribeSignal
                or UnsubscribeMessage or UnsubscribeSignal or SendNotice or InvokeService or CancelService or StartCallActivity
                or CancelCallActivity or BroadcastSignal or SendMessage or RaiseIncident or ResolveIncident or InstanceCompleted
                or InstanceTerminated or EscalateToCaller))
                throw UnknownCommand(command);
    }

    private static InvalidOperationException UnknownCommand(Command command) =>
        new($"the host does not apply the engine command {command.GetType().Name}: {command}");

    /// <summary>
    /// When the stimulus that set off this service call happened. A retried incident runs its call as of the step that raised
    /// it, the latest incident stored for the execution (issue 13): a deadline counted in the retry counts from the completion
    /// that raised it, not from when an administrator pressed retry after the calendar was fixed.
    /// </summary>
    private async Task<DateTimeOffset> StimulusTimeAsync(StepContext step, CancellationToken ct)
    {
        if (step.Stimulus is not RetryIncident retry) return Now;
        var raised = await Db.Set<Incident>().AsNoTracking().Where(i => i.InstanceId == step.Instance.Id && i.ExecutionId == retry.ExecutionId)
            .OrderByDescending(i => i.Id).Select(i => (DateTimeOffset?)i.CreatedAt).FirstOrDefaultAsync(ct);
        return raised is { } at && at < Now ? at : Now;
    }

    private async Task InvokeAsync(ProcessInstance instance, InvokeService invoke, IReadOnlyDictionary<string, object?> variables, DateTimeOffset at, CancellationToken ct)
    {
        var action = _deps.Actions.Find(invoke.Implementation);
        if (action is { Inline: true })
        {
            Stimulus answer;
            try
            {
                var output = await action.ExecuteAsync(new ServiceActionContext(Db, instance, invoke, variables, Actor, at) { Unit = this }, ct);
                answer = new CompleteService(invoke.CallId, output);
            }
            catch (ServiceActionError e)
            {
                answer = new FailService(invoke.CallId, e.Code, e.Message);
            }
            catch (CoBanException e) when (e.Code == Timers.DeadlineService.CalendarYearUnknown && !Actor.IsSystem)
            {
                // Nothing half done (issue 13): a deadline a person's step cannot count refuses the whole step (422, rolled
                // back: status, variables, notices), so the form shows the reason; a step nobody drives raises an incident.
                throw;
            }
            catch (CoBanException e)
            {
                answer = new FailService(invoke.CallId, null, e.MessageZh + " / " + e.MessageEn);
            }
            Enqueue(instance, answer, first: true);
            return;
        }
        if (action is null)
        {
            Enqueue(instance, new FailService(invoke.CallId, null, $"未注册的服务动作 '{invoke.Implementation}' / no service action named '{invoke.Implementation}'"), first: true);
            return;
        }
        // A retried incident invokes the same call again: the job row is reused, not duplicated.
        var existing = await Db.Set<ServiceJob>().FirstOrDefaultAsync(j => j.InstanceId == instance.Id && j.CallId == invoke.CallId, ct);
        if (existing is not null)
        {
            existing.Status = JobStatus.Pending;
            existing.Attempts = 0;
            existing.NextAttemptAt = Now;
            existing.LockedUntil = null;
            existing.Parameters = Json(invoke.Parameters);
            MarkServiceJobAdded();
            return;
        }
        Db.Add(new ServiceJob
        {
            InstanceId = instance.Id, CallId = invoke.CallId, ElementId = invoke.ElementId, Implementation = invoke.Implementation,
            Parameters = Json(invoke.Parameters), Status = JobStatus.Pending, MaxAttempts = invoke.Retries, NextAttemptAt = Now, CreatedAt = Now,
        });
        MarkServiceJobAdded();
    }

    private async Task BroadcastAsync(ProcessInstance sender, BroadcastSignal signal, CancellationToken ct)
    {
        var targets = await Db.Set<Subscription>().AsNoTracking()
            .Where(s => s.Kind == SubscriptionKind.Signal && s.Name == signal.SignalName && s.InstanceId != sender.Id)
            .Select(s => s.InstanceId).Distinct().ToListAsync(ct);
        foreach (var id in targets) Enqueue(await LoadAsync(id, ct), new DeliverSignal(signal.SignalName, signal.Variables));
        await SignalStarts.StartAsync(this, _deps.Catalog, sender.BureauId, signal.SignalName, signal.Variables, ct);
    }

    /// <summary>An instance's task by the engine's task number: from the tracker when the unit has it (no query), else read.</summary>
    public async Task<WorkTask?> FindTaskAsync(long instanceId, int taskId, CancellationToken ct) =>
        Db.Tracked<WorkTask>().FirstOrDefault(t => t.InstanceId == instanceId && t.TaskId == taskId)
        ?? await Db.Set<WorkTask>().FirstOrDefaultAsync(t => t.InstanceId == instanceId && t.TaskId == taskId, ct);

    private async Task CancelTimerAsync(long instanceId, int timerId, CancellationToken ct)
    {
        var timer = Db.Tracked<ScheduledTimer>().FirstOrDefault(t => t.InstanceId == instanceId && t.TimerId == timerId)
            ?? await Db.Set<ScheduledTimer>().FirstOrDefaultAsync(t => t.InstanceId == instanceId && t.TimerId == timerId, ct);
        if (timer is not { Status: TimerStatus.Pending }) return;
        timer.Status = TimerStatus.Cancelled;
        TimersCancelled.Add(timer);
    }

    public void AddTimer(ScheduledTimer timer)
    {
        Db.Add(timer);
        TimersAdded.Add(timer);
    }

    private async Task RemoveSubscriptionAsync(long instanceId, int waitId, CancellationToken ct)
    {
        var local = Db.Tracked<Subscription>().FirstOrDefault(s => s.InstanceId == instanceId && s.WaitId == waitId);
        var row = local ?? await Db.Set<Subscription>().FirstOrDefaultAsync(s => s.InstanceId == instanceId && s.WaitId == waitId, ct);
        if (row is not null) Db.Remove(row);
    }

    private async Task ResolveIncidentAsync(ProcessInstance instance, ResolveIncident resolve, CancellationToken ct)
    {
        var open = await Db.Set<Incident>().Where(i => i.InstanceId == instance.Id && i.ExecutionId == resolve.ExecutionId && i.ResolvedAt == null).ToListAsync(ct);
        foreach (var incident in open)
        {
            incident.ResolvedAt = Now;
            incident.ResolvedBy = Actor.UserId;
        }
        instance.HasIncident = await Db.Set<Incident>().AnyAsync(i => i.InstanceId == instance.Id && i.ResolvedAt == null && i.ExecutionId != resolve.ExecutionId, ct);
    }

    internal static string Json(IReadOnlyDictionary<string, object?> values)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            StateJson.WriteMap(writer, values);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
