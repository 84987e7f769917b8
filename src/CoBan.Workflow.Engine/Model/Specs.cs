using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Engine.Model;

/// <summary>What an event waits for or throws.</summary>
public sealed class EventSpec
{
    /// <summary>Message, signal, error or escalation name/code; null for a catch-all error/escalation.</summary>
    public string? Name { get; init; }
    public TimerDefinition? Timer { get; init; }
    /// <summary>coban:correlationKey: evaluated when the wait begins.</summary>
    public Expression? CorrelationKey { get; init; }
    /// <summary>A message or signal name with <c>${...}</c> (Camunda): evaluated when the wait begins or the event is thrown.</summary>
    public Expression? NameExpression { get; init; }
    /// <summary>A conditional event's condition: checked whenever a step has run, it fires once it holds.</summary>
    public Expression? Condition { get; init; }
    /// <summary>camunda:errorCodeVariable on an error catch: the variable that receives the caught code.</summary>
    public string? CodeVariable { get; init; }
    /// <summary>camunda:variableName on a conditional start event: it holds only when one of these variables is among those evaluated.</summary>
    public string[] VariableNames { get; init; } = [];
    /// <summary>camunda:in on a signal throw: the variables the signal carries (none without it, as Camunda 7).</summary>
    public VariableMapping[] In { get; init; } = [];
}

/// <summary>A timer event definition: a fixed spec, or an expression evaluated when the timer starts.</summary>
public sealed class TimerDefinition
{
    public required TimerKind Kind { get; init; }
    public required string Text { get; init; }
    /// <summary>Parsed once when the text holds no expression.</summary>
    public TimerSpec? Fixed { get; init; }
    public Expression? Expression { get; init; }
}

public enum AssignTo : byte { None, CaseOwner, DutyLeader, ChiefCoordinator, Supervisor, Expression }

/// <summary>Who does a user task and when it is due (coban: and camunda: attributes).</summary>
public sealed class UserTaskSpec
{
    public AssignTo AssignTo { get; init; }
    /// <summary>An explicit assignee: coban:assignTo="${...}" or camunda:assignee.</summary>
    public Expression? Assignee { get; init; }
    public string[] CandidateRoles { get; init; } = [];
    public Expression? CandidateUsers { get; init; }
    public Expression? CandidateBureau { get; init; }
    public Expression? Due { get; init; }
    public Expression? FollowUp { get; init; }
    public string? RemindBefore { get; init; }
    public string? EscalateAfter { get; init; }
    public string? FormKey { get; init; }
    /// <summary>camunda:priority: a whole number, or <c>${...}</c> evaluated when the task is created.</summary>
    public Expression? Priority { get; init; }
    public FormField[] Form { get; init; } = [];
    /// <summary>coban:confirm="true" on a manual task: a person confirms it (else it passes through, as in Camunda and BPMN).</summary>
    public bool Confirm { get; init; }
}

public enum FormFieldType : byte { String, Text, Long, Double, Boolean, Date, Enum, List }

public sealed record FormField(string Id, string? Label, FormFieldType Type, bool Required, IReadOnlyList<KeyValuePair<string, string>> Values, string? DefaultValue,
    FieldLimits? Limits = null);

/// <summary>Camunda's form constraints besides required: text length, number range, and a field the person may not submit.</summary>
public sealed record FieldLimits(int? MinLength = null, int? MaxLength = null, double? Min = null, double? Max = null, bool ReadOnly = false);

/// <summary>A service task's host implementation (coban:action, or a Camunda implementation name).</summary>
public sealed class ServiceSpec
{
    public required string Implementation { get; init; }
    public IReadOnlyList<KeyValuePair<string, Expression>> Parameters { get; init; } = [];
    public int Retries { get; init; } = 3;
    /// <summary>camunda:resultVariable: the host's result (the variables it answers with) is stored as one map under this name instead of being merged.</summary>
    public string? ResultVariable { get; init; }
}

/// <summary>A notice sent by a send task or a throw/end event (coban:notice).</summary>
public sealed class NoticeSpec
{
    public required string Template { get; init; }
    public string[] Channels { get; init; } = [];
    public string Recipient { get; init; } = "applicant";
}

public enum CallBinding : byte { Latest, Version, Deployment }

public sealed record VariableMapping(string? Source, Expression? SourceExpression, string? Target, bool All, bool Local);

public sealed class CallSpec
{
    public required string CalledElement { get; init; }
    /// <summary>A calledElement holding <c>${...}</c> (Camunda): evaluated each time the call starts.</summary>
    public Expression? CalledElementExpression { get; init; }
    public CallBinding Binding { get; init; }
    public int? Version { get; init; }
    public VariableMapping[] In { get; init; } = [];
    public VariableMapping[] Out { get; init; } = [];
}

/// <summary>A standard loop (BPMN 2.0 §10.2.8): the activity runs again while the condition holds, at most Maximum times.</summary>
public sealed class StandardLoopSpec
{
    public Expression? Condition { get; init; }
    public bool TestBefore { get; init; }
    public long? Maximum { get; init; }
}

/// <summary>Multi-instance loop characteristics.</summary>
public sealed class LoopSpec
{
    public bool Sequential { get; init; }
    public Expression? Cardinality { get; init; }
    /// <summary>A variable name or expression giving the list to iterate.</summary>
    public Expression? Collection { get; init; }
    public string? ElementVariable { get; init; }
    public Expression? CompletionCondition { get; init; }
}
