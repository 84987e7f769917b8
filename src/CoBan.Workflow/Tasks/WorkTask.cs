namespace CoBan.Workflow.Tasks;

public enum WorkTaskStatus { Open = 0, Completed = 1, Cancelled = 2 }

/// <summary>Delegation as in Camunda: a delegated task comes back to its owner to be completed.</summary>
public enum DelegationState { None = 0, Pending = 1, Resolved = 2 }

/// <summary>A user or manual task a person must do, created by the engine's CreateUserTask.</summary>
public sealed class WorkTask
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    /// <summary>The engine's task id (unique within the instance).</summary>
    public int TaskId { get; set; }
    public required string ElementId { get; set; }
    public string? Name { get; set; }
    public long BureauId { get; set; }
    public long? CaseId { get; set; }
    /// <summary>User id of whoever must do it now.</summary>
    public string? AssigneeId { get; set; }
    /// <summary>Who owns it while delegated.</summary>
    public string? OwnerId { get; set; }
    public DelegationState Delegation { get; set; }
    /// <summary>Comma-separated role names whose users (of <see cref="CandidateBureauId"/>) may claim it.</summary>
    public string? CandidateRoles { get; set; }
    /// <summary>Comma-separated user names who may claim it.</summary>
    public string? CandidateUsers { get; set; }
    public long? CandidateBureauId { get; set; }
    public DateTimeOffset? Due { get; set; }
    public DateTimeOffset? FollowUp { get; set; }
    public string? RemindBefore { get; set; }
    public string? EscalateAfter { get; set; }
    public string? CaseAction { get; set; }
    public bool Manual { get; set; }
    /// <summary>camunda:priority of the user task (null: none given; Camunda's default is 50).</summary>
    public int? Priority { get; set; }
    public WorkTaskStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
}

public sealed class TaskComment
{
    public long Id { get; set; }
    public long WorkTaskId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
