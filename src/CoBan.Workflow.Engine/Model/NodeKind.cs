namespace CoBan.Workflow.Engine.Model;

/// <summary>The BPMN flow-node types CoBan executes. Anything else is refused at parse time by name.</summary>
public enum NodeKind : byte
{
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,
    Task,
    UserTask,
    ManualTask,
    ServiceTask,
    SendTask,
    ReceiveTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,
    CallActivity,
}

/// <summary>The trigger of an event (its event definition), or None.</summary>
public enum EventTrigger : byte
{
    None,
    Timer,
    Message,
    Signal,
    Error,
    Escalation,
    Terminate,
    Link,
    Conditional,
    Compensation,
    Cancel,
}

public static class NodeKindExtensions
{
    public static bool IsActivity(this NodeKind kind) => kind is NodeKind.Task or NodeKind.UserTask or NodeKind.ManualTask
        or NodeKind.ServiceTask or NodeKind.SendTask or NodeKind.ReceiveTask or NodeKind.SubProcess or NodeKind.CallActivity;

    public static bool IsGateway(this NodeKind kind) => kind is NodeKind.ExclusiveGateway or NodeKind.ParallelGateway
        or NodeKind.InclusiveGateway or NodeKind.EventBasedGateway;

    /// <summary>The BPMN XML local name, used in messages so process owners recognise the element.</summary>
    public static string XmlName(this NodeKind kind) => kind switch
    {
        NodeKind.StartEvent => "startEvent",
        NodeKind.EndEvent => "endEvent",
        NodeKind.IntermediateCatchEvent => "intermediateCatchEvent",
        NodeKind.IntermediateThrowEvent => "intermediateThrowEvent",
        NodeKind.BoundaryEvent => "boundaryEvent",
        NodeKind.Task => "task",
        NodeKind.UserTask => "userTask",
        NodeKind.ManualTask => "manualTask",
        NodeKind.ServiceTask => "serviceTask",
        NodeKind.SendTask => "sendTask",
        NodeKind.ReceiveTask => "receiveTask",
        NodeKind.ExclusiveGateway => "exclusiveGateway",
        NodeKind.ParallelGateway => "parallelGateway",
        NodeKind.InclusiveGateway => "inclusiveGateway",
        NodeKind.EventBasedGateway => "eventBasedGateway",
        NodeKind.SubProcess => "subProcess",
        NodeKind.CallActivity => "callActivity",
        _ => kind.ToString(),
    };
}
