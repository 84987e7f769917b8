using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>How each BPMN element name found inside a process is treated.</summary>
internal static class ElementNames
{
    internal static readonly Dictionary<string, NodeKind> FlowNodes = new(StringComparer.Ordinal)
    {
        ["startEvent"] = NodeKind.StartEvent,
        ["endEvent"] = NodeKind.EndEvent,
        ["intermediateCatchEvent"] = NodeKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = NodeKind.IntermediateThrowEvent,
        ["boundaryEvent"] = NodeKind.BoundaryEvent,
        ["task"] = NodeKind.Task,
        ["userTask"] = NodeKind.UserTask,
        ["manualTask"] = NodeKind.ManualTask,
        ["serviceTask"] = NodeKind.ServiceTask,
        ["sendTask"] = NodeKind.SendTask,
        ["receiveTask"] = NodeKind.ReceiveTask,
        ["exclusiveGateway"] = NodeKind.ExclusiveGateway,
        ["parallelGateway"] = NodeKind.ParallelGateway,
        ["inclusiveGateway"] = NodeKind.InclusiveGateway,
        ["eventBasedGateway"] = NodeKind.EventBasedGateway,
        ["subProcess"] = NodeKind.SubProcess,
        ["transaction"] = NodeKind.SubProcess,
        ["callActivity"] = NodeKind.CallActivity,
    };

    /// <summary>Valid BPMN that CoBan does not execute: refused by name, never silently skipped.</summary>
    internal static readonly HashSet<string> Unsupported =
    [
        "scriptTask", "businessRuleTask", "complexGateway", "adHocSubProcess",
        "callChoreography", "choreographyTask", "subChoreography", "implicitThrowEvent",
    ];

    /// <summary>Elements that describe but do not execute (artifacts, data, lanes): read past.</summary>
    internal static readonly HashSet<string> Descriptive =
    [
        "sequenceFlow", "laneSet", "lane", "textAnnotation", "association", "group", "dataObject", "dataObjectReference",
        "dataStoreReference", "property", "ioSpecification", "extensionElements", "documentation", "auditing",
        "monitoring", "dataInputAssociation", "dataOutputAssociation", "ioBinding", "resourceRole", "performer",
        "humanPerformer", "potentialOwner", "incoming", "outgoing", "categoryValue", "categoryValueRef", "rendering", "correlationSubscription",
    ];

    internal static string UnsupportedReasonEn(string name) => name switch
    {
        "scriptTask" => "scripts do not run in CoBan; use a service task with coban:action",
        "businessRuleTask" => "decision tables are not executed; use an exclusive gateway with conditions",
        "complexGateway" => "use exclusive, parallel or inclusive gateways",
        "transaction" => "transactions and compensation are not executed",
        "adHocSubProcess" => "ad-hoc sub-processes are not executed",
        _ => "CoBan does not execute it",
    };

    internal static string UnsupportedReasonZh(string name) => name switch
    {
        "scriptTask" => "CoBan 不运行脚本，请改用带 coban:action 的服务任务",
        "businessRuleTask" => "不执行决策表，请改用带条件的排他网关",
        "complexGateway" => "请改用排他、并行或包容网关",
        "transaction" => "不执行事务与补偿",
        "adHocSubProcess" => "不执行自由子流程",
        _ => "CoBan 不执行该元素",
    };
}
