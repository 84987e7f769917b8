using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Tasks;

public sealed record TaskInfo(
    long Id, long InstanceId, int TaskId, string ElementId, string? Name, long BureauId, long? CaseId,
    string? AssigneeId, string? AssigneeName, string? OwnerId, string Delegation, IReadOnlyList<string> CandidateRoles, IReadOnlyList<string> CandidateUsers,
    DateTimeOffset? Due, DateTimeOffset? FollowUp, string? RemindBefore, string? EscalateAfter, string? CaseAction, bool Manual,
    string Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? CompletedBy, int? WorkingDaysLeft, bool Overdue, int InstanceVersion,
    int? Priority = null);

public sealed record FormFieldInfo(string Id, string? Label, string Type, bool Required, IReadOnlyList<KeyValuePair<string, string>> Values, string? DefaultValue)
{
    public static FormFieldInfo Of(FormField f) => new(f.Id, f.Label, f.Type.LowerCode(), f.Required, f.Values, f.DefaultValue);
}

public sealed record TaskDetail(TaskInfo Task, IReadOnlyList<FormFieldInfo> Form, string ProcessId, string ProcedureName, int? ProcedureVersion, IReadOnlyDictionary<string, object?> Variables);

public sealed record CompleteRequest(Dictionary<string, System.Text.Json.JsonElement>? Variables, int? ExpectedVersion);
public sealed record AssignRequest(string? UserName, string? Reason);
public sealed record DueRequest(DateTimeOffset? Due, DateTimeOffset? FollowUp);
public sealed record CommentRequest(string? Text);
public sealed record CommentInfo(long Id, string UserName, string Text, DateTimeOffset CreatedAt);
