using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>
/// What the host must do after a step, in order, inside the same transaction as the new state.
/// Ids (task, timer, subscription, call) are unique within the instance.
/// </summary>
public abstract record Command;

public sealed record CreateUserTask(
    int TaskId,
    string ElementId,
    string? Name,
    AssignTo AssignTo,
    string? Assignee,
    IReadOnlyList<string> CandidateRoles,
    IReadOnlyList<string> CandidateUsers,
    string? CandidateBureau,
    DateTimeOffset? Due,
    DateTimeOffset? FollowUp,
    string? RemindBefore,
    string? EscalateAfter,
    string? CaseAction,
    bool Manual,
    int? Priority = null) : Command;

public sealed record CancelUserTask(int TaskId, string ElementId) : Command;

public sealed record ScheduleTimer(int TimerId, string ElementId, DateTimeOffset Due) : Command;

public sealed record CancelTimer(int TimerId, string ElementId) : Command;

public sealed record SubscribeMessage(int SubscriptionId, string ElementId, string MessageName, string? CorrelationKey) : Command;

public sealed record UnsubscribeMessage(int SubscriptionId) : Command;

public sealed record SubscribeSignal(int SubscriptionId, string ElementId, string SignalName) : Command;

public sealed record UnsubscribeSignal(int SubscriptionId) : Command;

/// <summary>Write a notice to the outbox. <see cref="Sequence"/> is unique within the instance: with the instance id it is the idempotency key.</summary>
public sealed record SendNotice(int Sequence, string ElementId, string Template, IReadOnlyList<string> Channels, string Recipient) : Command;

public sealed record InvokeService(int CallId, string ElementId, string Implementation, Vars Parameters, int Retries) : Command;

public sealed record CancelService(int CallId) : Command;

public sealed record StartCallActivity(int CallId, string ElementId, string CalledElement, CallBinding Binding, int? Version, Vars Variables) : Command;

public sealed record CancelCallActivity(int CallId, string ElementId) : Command;

/// <summary>A signal thrown here, for the host to deliver to other instances (this one already got it).</summary>
public sealed record BroadcastSignal(string SignalName, Vars Variables) : Command;

/// <summary>A message thrown here (message end or throw event), for the host to correlate to another instance.</summary>
public sealed record SendMessage(string ElementId, string MessageName, string? CorrelationKey, Vars Variables) : Command;

public sealed record RaiseIncident(int ExecutionId, string ElementId, string MessageZh, string MessageEn) : Command;

public sealed record ResolveIncident(int ExecutionId, string ElementId) : Command;

/// <summary>The instance ended normally (ErrorCode null) or by an uncaught BPMN error of a called instance.</summary>
public sealed record InstanceCompleted(string? EndEventId, string? ErrorCode, Vars Variables) : Command;

public sealed record InstanceTerminated(string Reason) : Command;

/// <summary>An escalation nothing in this called instance caught: the host passes it to the caller's call activity (as Camunda 7).</summary>
public sealed record EscalateToCaller(string ElementId, string? EscalationCode) : Command;
