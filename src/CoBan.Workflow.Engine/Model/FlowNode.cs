using CoBan.Workflow.Engine.Expressions;

namespace CoBan.Workflow.Engine.Model;

/// <summary>
/// One compiled flow node. A single sealed class with optional parts (rather than a type per BPMN
/// element) keeps the executor a flat switch over <see cref="Kind"/> on the hot path.
/// Immutable once the definition is compiled.
/// </summary>
public sealed class FlowNode
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required NodeKind Kind { get; init; }
    public EventTrigger Trigger { get; init; }

    /// <summary>Position in <see cref="ProcessDefinition.Nodes"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>The sub-process this node lives in; null for the process level.</summary>
    public FlowNode? Container { get; internal set; }

    public SequenceFlow[] Incoming { get; internal set; } = [];
    public SequenceFlow[] Outgoing { get; internal set; } = [];

    /// <summary>The default flow of a gateway or activity (taken when no condition holds).</summary>
    public SequenceFlow? Default { get; internal set; }

    /// <summary>Boundary events attached to this activity.</summary>
    public FlowNode[] Boundaries { get; internal set; } = [];

    /// <summary>For a boundary event: the activity it is attached to.</summary>
    public FlowNode? AttachedTo { get; internal set; }

    /// <summary>For a boundary event: cancelActivity; for the start event of an event sub-process: isInterrupting.</summary>
    public bool Interrupting { get; init; } = true;

    /// <summary>An event sub-process (<c>triggeredByEvent="true"</c>): started by its start event while its scope runs, never by a flow.</summary>
    public bool IsEventSubProcess { get; init; }

    /// <summary>For a sub-process: the event sub-processes directly inside it.</summary>
    public FlowNode[] EventSubProcesses { get; internal set; } = [];

    /// <summary>For a sub-process: its child nodes and how it starts.</summary>
    public FlowNode[] Children { get; internal set; } = [];
    public FlowNode[] Starts { get; internal set; } = [];

    public EventSpec? Event { get; init; }

    /// <summary>A name with <c>${...}</c> (a task named after its case, say): evaluated when the task is created.</summary>
    public Expression? NameExpression { get; init; }

    /// <summary>A transaction (a sub-process a cancel end event inside can roll back by compensation).</summary>
    public bool IsTransaction { get; init; }

    /// <summary>isForCompensation="true": a compensation handler, run only by a compensation throw.</summary>
    public bool IsForCompensation { get; init; }

    /// <summary>For an activity: its compensation boundary event (whose handler undoes it once it has completed).</summary>
    public FlowNode? CompensationBoundary { get; internal set; }

    /// <summary>For a compensation boundary event: the handler its association points to.</summary>
    public FlowNode? CompensationHandler { get; internal set; }

    /// <summary>For a link throw event: the link catch event of the same name at its level, where the token goes on.</summary>
    public FlowNode? LinkTarget { get; internal set; }
    public UserTaskSpec? UserTask { get; init; }
    public ServiceSpec? Service { get; init; }
    public NoticeSpec? Notice { get; init; }
    public CallSpec? Call { get; init; }
    public LoopSpec? Loop { get; init; }
    public StandardLoopSpec? StandardLoop { get; init; }

    /// <summary>The case action (coban:action) a user task applies when completed.</summary>
    public string? CaseAction { get; init; }

    /// <summary>For an inclusive gateway: the nodes of its scope from which a token can still reach it.</summary>
    internal bool[]? ReachableFrom { get; set; }

    /// <summary>For an event-based gateway: its targets (catch events and receive tasks).</summary>
    public bool IsEventGatewayTarget { get; internal set; }

    public override string ToString() => $"{Kind.XmlName()} '{Id}'";
}

/// <summary>A sequence flow, with its condition compiled.</summary>
public sealed class SequenceFlow
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required FlowNode Source { get; init; }
    public required FlowNode Target { get; init; }
    public Expression? Condition { get; init; }
    public int Index { get; internal set; }
    public bool IsDefault => Source.Default == this;
    public override string ToString() => $"sequenceFlow '{Id}'";
}
