namespace CoBan.Workflow.Runtime;

public sealed record TokenInfo(int ExecutionId, string ElementId, string State, string? Incident);

public sealed record IncidentInfo(long Id, long InstanceId, int ExecutionId, string ElementId, string MessageZh, string MessageEn, DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt);

public sealed record InstanceSummary(long Id, long ProcedureId, string ProcedureKey, int? ProcedureVersion, long BureauId, string ProcessId, string? BusinessKey,
    long? CaseId, string Status, bool HasIncident, int Version, DateTimeOffset StartedAt, DateTimeOffset? EndedAt);

public sealed record InstanceDetail(InstanceSummary Instance, IReadOnlyList<TokenInfo> Tokens, IReadOnlyList<string> WaitingAt,
    IReadOnlyList<string> Completed, IReadOnlyDictionary<string, object?> Variables, IReadOnlyList<IncidentInfo> Incidents, long? ParentInstanceId);

public sealed record JournalInfo(long Id, DateTimeOffset At, string Action, string Detail, string? UserName, string? Ip, string? ElementId, string? Before, string? After);

public sealed record StartInstanceRequest(long? ProcedureId, string? BureauCode, string? Key, int? Version, string? BusinessKey,
    Dictionary<string, System.Text.Json.JsonElement>? Variables, string? StartEventId);

/// <summary>Many instances of one procedure started in one transaction (e.g. a roster publication, an import).</summary>
public sealed record BatchStartRequest(long? ProcedureId, string? BureauCode, string? Key, int? Version, List<BatchStartItem>? Instances);
public sealed record BatchStartItem(string? BusinessKey, Dictionary<string, System.Text.Json.JsonElement>? Variables);

public sealed record VariablesRequest(Dictionary<string, System.Text.Json.JsonElement>? Variables, int? ExpectedVersion);
public sealed record CancelRequest(string? Reason);
public sealed record MessageRequest(string? Name, string? CorrelationKey, string? BureauCode, Dictionary<string, System.Text.Json.JsonElement>? Variables);
public sealed record SignalRequest(string? Name, Dictionary<string, System.Text.Json.JsonElement>? Variables);
/// <summary>Camunda's condition evaluation: variables tried against the conditional start events.</summary>
public sealed record ConditionRequest(Dictionary<string, System.Text.Json.JsonElement>? Variables);
public sealed record MigrationRequest(int? ToVersion, Dictionary<string, string>? Mapping, bool DryRun);
public sealed record MigrationItemInfo(string Source, string? Target, string Type, bool Ok, string? MessageZh, string? MessageEn);
public sealed record MigrationReport(bool Valid, bool Applied, int FromVersion, int ToVersion, IReadOnlyList<MigrationItemInfo> Items);
/// <summary>A timer as listed (Timers/TimerQueries.Info): due in UTC and in local time (+08:00), what it is for, and its failures if any.</summary>
public sealed record TimerInfo(long Id, long? InstanceId, long? WorkTaskId, string? ElementId, string Purpose, DateTimeOffset DueAt, string Status, string? Description,
    DateTimeOffset DueLocal, string? Action, long? CaseId, long? DeadlineId, long? ProcedureVersionId, long? BureauId, int Occurrence, DateTimeOffset? FiredAt,
    int Attempts, string? LastError, DateTimeOffset? RetryAt);
