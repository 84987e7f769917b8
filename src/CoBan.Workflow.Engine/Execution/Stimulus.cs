namespace CoBan.Workflow.Engine.Execution;

using Vars = IReadOnlyDictionary<string, object?>;

/// <summary>What happens to an instance from outside. The host turns API calls, timer firings and service results into these.</summary>
public abstract record Stimulus;

/// <summary>Starts a new instance at the none start event, or at the given (timer/message) start event.</summary>
public sealed record Start(Vars? Variables = null, string? StartEventId = null, bool Called = false) : Stimulus;

public sealed record CompleteTask(int TaskId, Vars? Variables = null) : Stimulus;

public sealed record FireTimer(int TimerId) : Stimulus;

/// <summary>A message for this instance; the key must match a wait's correlation key when the wait has one.</summary>
public sealed record DeliverMessage(string Name, string? CorrelationKey = null, Vars? Variables = null) : Stimulus;

public sealed record DeliverSignal(string Name, Vars? Variables = null) : Stimulus;

public sealed record CompleteService(int CallId, Vars? Variables = null) : Stimulus;

/// <summary>A service failed: with an error code it is a BPMN error (caught by error boundaries); without, an incident.</summary>
public sealed record FailService(int CallId, string? ErrorCode, string Message) : Stimulus;

/// <summary>The instance started by a call activity ended (with its variables, or an uncaught error code).</summary>
public sealed record CompleteCallActivity(int CallId, Vars? Variables = null, string? ErrorCode = null) : Stimulus;

/// <summary>The instance started by a call activity threw an escalation it did not catch: the call activity's scopes may.</summary>
public sealed record EscalateCallActivity(int CallId, string? EscalationCode) : Stimulus;

/// <summary>An administrator retries the execution stopped by an incident.</summary>
public sealed record RetryIncident(int ExecutionId) : Stimulus;

/// <summary>Sets process variables (e.g. the case data changed) without moving any token.</summary>
public sealed record SetVariables(Vars Variables) : Stimulus;

/// <summary>Ends the instance at once: every task, timer and subscription is cancelled.</summary>
public sealed record Cancel(string Reason) : Stimulus;
