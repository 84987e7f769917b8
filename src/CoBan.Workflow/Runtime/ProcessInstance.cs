using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Runtime;

/// <summary>
/// A running or ended instance of a procedure version. <see cref="State"/> is the engine's state
/// (StateJson); <see cref="Version"/> is its version and the row's optimistic concurrency token.
/// </summary>
public sealed class ProcessInstance
{
    public long Id { get; set; }
    public long ProcedureId { get; set; }
    public long ProcedureVersionId { get; set; }
    public long BureauId { get; set; }
    /// <summary>The BPMN process id run (a procedure file may hold called processes too).</summary>
    public required string ProcessId { get; set; }
    public string? BusinessKey { get; set; }
    public long? CaseId { get; set; }
    public long? ParentInstanceId { get; set; }
    /// <summary>The caller's call-activity wait id, when started by a call activity.</summary>
    public int? ParentCallId { get; set; }
    public required string State { get; set; }
    /// <summary>Elements the instance has passed, comma-separated, each once in first-entered order (the "path taken" on the diagram).</summary>
    public string Path { get; set; } = "";
    public int Version { get; set; }
    /// <summary>The engine's status of the instance, stored as an int (RuntimeConfiguration).</summary>
    public InstanceStatus Status { get; set; }
    public bool HasIncident { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public string? StartedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndErrorCode { get; set; }
}

public enum SubscriptionKind { Message = 0, Signal = 1 }

/// <summary>Where an instance waits for a message or signal, so one can be found without reading every state.</summary>
public sealed class Subscription
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public int WaitId { get; set; }
    public SubscriptionKind Kind { get; set; }
    public required string Name { get; set; }
    public string? CorrelationKey { get; set; }
    public required string ElementId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum JobStatus { Pending = 0, Done = 1, Failed = 2, Cancelled = 3 }

/// <summary>A service-task call run outside the step (background actions), retried with backoff, then an incident.</summary>
public sealed class ServiceJob
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public int CallId { get; set; }
    public required string ElementId { get; set; }
    public required string Implementation { get; set; }
    public required string Parameters { get; set; }
    public JobStatus Status { get; set; }
    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>A node working on the job holds it until then (several nodes share the table).</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>A failure a person must look at (no matching flow, a service that kept failing...). Retryable.</summary>
public sealed class Incident
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public int ExecutionId { get; set; }
    public required string ElementId { get; set; }
    public required string MessageZh { get; set; }
    public required string MessageEn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
