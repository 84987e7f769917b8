using System.Xml.Linq;
using static CoBan.Workflow.Engine.Parsing.BpmnCompiler;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>
/// Vendor extensions CoBan does not honour, named one by one (a warning with the element and line):
/// a model never loses a listener, a script or a Camunda 8 binding without its owner being told.
/// </summary>
internal sealed partial class ProcessCompiler
{
    private static readonly XNamespace Zeebe = VendorNamespaces.ZeebeUri;

    /// <summary>camunda: attributes CoBan reads (coban-extensions.md), or whose effect it already has (every step is its own transaction).</summary>
    private static readonly HashSet<string> HonouredCamundaAttributes =
    [
        "assignee", "candidateGroups", "candidateUsers", "dueDate", "followUpDate", "formKey", "class", "expression",
        "delegateExpression", "type", "topic", "calledElementBinding", "calledElementVersion", "collection", "elementVariable",
        "asyncBefore", "asyncAfter", "async", "exclusive", "jobPriority", "errorCodeVariable",
        "historyTimeToLive", "versionTag", "isStartableInTasklist", "priority", "resultVariable", "variableName",
    ];

    /// <summary>camunda: extension elements CoBan reads; their own children are checked where they are read.</summary>
    private static readonly HashSet<string> HonouredCamundaElements = ["formData", "in", "out", "inputOutput"];

    private static readonly HashSet<string> HonouredCobanAttributes =
    [
        "action", "assignTo", "candidateRole", "candidateBureau", "due", "followUp", "remindBefore", "escalateAfter", "retries",
        "notice", "channels", "recipient", "correlationKey", "binding", "version", "collection", "elementVariable", "confirm",
    ];

    private static readonly HashSet<string> HonouredCobanElements = ["formField", "param", "in", "out"];

    /// <summary>What a person does (a manual task with coban:confirm); start forms are not read.</summary>
    private static readonly string[] HumanTasks = ["userTask", "manualTask"];

    private static readonly string[] ServiceLike = ["serviceTask", "sendTask", "businessRuleTask", "scriptTask"];

    /// <summary>Honoured camunda: attributes that have their effect on some elements only: elsewhere they are named.</summary>
    private static readonly Dictionary<string, string[]> CamundaAttributeHomes = new()
    {
        ["assignee"] = HumanTasks, ["candidateGroups"] = HumanTasks, ["candidateUsers"] = HumanTasks, ["dueDate"] = HumanTasks,
        ["followUpDate"] = HumanTasks, ["priority"] = HumanTasks, ["formKey"] = HumanTasks,
        ["class"] = ServiceLike, ["expression"] = ServiceLike, ["delegateExpression"] = ServiceLike, ["type"] = ServiceLike, ["topic"] = ServiceLike,
        ["resultVariable"] = ServiceLike, ["calledElementBinding"] = ["callActivity"], ["calledElementVersion"] = ["callActivity"],
        ["collection"] = ["multiInstanceLoopCharacteristics"], ["elementVariable"] = ["multiInstanceLoopCharacteristics"],
        ["errorCodeVariable"] = ["errorEventDefinition"], ["variableName"] = ["conditionalEventDefinition"],
        ["historyTimeToLive"] = ["process"], ["versionTag"] = ["process"], ["isStartableInTasklist"] = ["process"],
    };

    private static bool IsProcessLevelStart(XElement? el) => el is { Name.LocalName: "startEvent" } && el.Parent?.Name.LocalName == "process";

    /// <summary>camunda:in and camunda:out are read on a call activity, and camunda:in on a thrown signal.</summary>
    private static bool MappingHonoured(string local, XElement host) =>
        host.Name.LocalName == "callActivity"
        || (local == "in" && host.Name.LocalName == "signalEventDefinition" && host.Parent?.Name.LocalName is "intermediateThrowEvent" or "endEvent");

    private void ReportUnhonouredExtensions()
    {
        foreach (var el in _process.DescendantsAndSelf())
        {
            if (el.Name.Namespace != Bpmn) continue;
            var owner = OwnerId(el);
            foreach (var a in el.Attributes())
            {
                if (a.Name.Namespace == Camunda && !HonouredCamundaAttributes.Contains(a.Name.LocalName))
                    Unhonoured(owner, el, $"camunda:{a.Name.LocalName}", CamundaReasonZh(a.Name.LocalName), CamundaReasonEn(a.Name.LocalName));
                else if (a.Name.Namespace == Camunda && a.Name.LocalName == "variableName" && !IsProcessLevelStart(el.Parent))
                    Unhonoured(owner, el, "camunda:variableName", "中间和边界条件事件在每一步之后都会检查条件，不按变量名过滤", "intermediate, boundary and event sub-process conditions are checked after every step, not filtered by variable name");
                else if (a.Name.Namespace == Camunda && CamundaAttributeHomes.TryGetValue(a.Name.LocalName, out var homes) && !homes.Contains(el.Name.LocalName))
                    Unhonoured(owner, el, $"camunda:{a.Name.LocalName}", $"它只在 {string.Join("、", homes)} 上起作用", $"it has its effect on {string.Join(", ", homes)} only");
                else if (a.Name.Namespace == Coban && !HonouredCobanAttributes.Contains(a.Name.LocalName))
                    Unhonoured(owner, el, $"coban:{a.Name.LocalName}", "CoBan 没有这个属性（拼写错误？）", "CoBan has no such attribute (a typo?)");
                else if (a.Name.Namespace == Zeebe)
                    Unhonoured(owner, el, $"zeebe:{a.Name.LocalName}", "这是 Camunda 8 (Zeebe) 的扩展", "it is a Camunda 8 (Zeebe) extension");
            }
            if (el.Name.LocalName != "extensionElements") continue;
            foreach (var ext in el.Elements())
            {
                var local = ext.Name.LocalName;
                if (ext.Name.Namespace == Camunda)
                {
                    if (!HonouredCamundaElements.Contains(local))
                        Unhonoured(owner, ext, $"camunda:{local}", CamundaReasonZh(local), CamundaReasonEn(local));
                    else if (local is "in" or "out" && !MappingHonoured(local, el.Parent!))
                        Unhonoured(owner, ext, $"camunda:{local}", "变量映射只在调用活动（及抛出的信号的 in）上起作用", "variable mappings are read on a call activity (and camunda:in on a thrown signal) only");
                    else if (local == "formData" && !HumanTasks.Contains(el.Parent!.Name.LocalName))
                        Unhonoured(owner, ext, "camunda:formData", "表单只在用户任务（和需确认的手工任务）上起作用，开始表单不被读取", "a form is read on a user task (or a manual task to confirm) only; start forms are not read");
                    else if (local == "inputOutput") ReportInputOutput(owner, ext, el.Parent!);
                    else if (local == "formData") ReportFormData(owner, ext);
                }
                else if (ext.Name.Namespace == Coban && !HonouredCobanElements.Contains(local))
                    Unhonoured(owner, ext, $"coban:{local}", "CoBan 没有这个扩展元素（拼写错误？）", "CoBan has no such extension element (a typo?)");
                else if (ext.Name.Namespace == Zeebe)
                    Unhonoured(owner, ext, $"zeebe:{local}", "这是 Camunda 8 (Zeebe) 的扩展", "it is a Camunda 8 (Zeebe) extension");
            }
        }
    }

    private void ReportInputOutput(string? owner, XElement io, XElement host)
    {
        var isService = host.Name.LocalName is "serviceTask" or "sendTask";
        foreach (var p in io.Elements())
        {
            if (p.Name == Camunda + "inputParameter" && isService) continue; // read as a service parameter
            Unhonoured(owner, p, $"camunda:{p.Name.LocalName} '{(string?)p.Attribute("name")}'",
                "只有服务任务的输入参数会被读取", "only a service task's input parameters are read");
        }
    }

    private void ReportFormData(string? owner, XElement formData)
    {
        foreach (var child in formData.Elements())
        {
            if (child.Name != Camunda + "formField")
            {
                Unhonoured(owner, child, $"camunda:{child.Name.LocalName}", "表单中只读取字段", "only form fields are read from a form");
                continue;
            }
            foreach (var part in child.Elements())
            {
                if (part.Name == Camunda + "value") continue;
                if (part.Name == Camunda + "validation")
                {
                    foreach (var constraint in part.Elements())
                        if ((string?)constraint.Attribute("name") is not { } name || !FormConstraints.Contains(name))
                            Unhonoured(owner, constraint, $"camunda:constraint '{(string?)constraint.Attribute("name")}'",
                                "支持的校验为 required、minlength、maxlength、min、max、readonly", "the constraints read are required, minlength, maxlength, min, max and readonly");
                    continue;
                }
                Unhonoured(owner, part, $"camunda:{part.Name.LocalName}", "表单字段的这一部分不被读取", "this part of a form field is not read");
            }
        }
    }

    private void Unhonoured(string? owner, XElement at, string what, string whyZh, string whyEn) =>
        Warning(owner, at.Name.Namespace == Bpmn ? at.Name.LocalName : ElementTypeOf(at), $"{what} 不会生效：{whyZh}", $"{what} is not honoured: {whyEn}", at);

    /// <summary>The id of the BPMN element an extension belongs to (the element itself, or its nearest ancestor with an id).</summary>
    private static string? OwnerId(XElement el)
    {
        for (var e = el; e is not null; e = e.Parent)
            if (e.Name.Namespace == Bpmn && (string?)e.Attribute("id") is { } id) return id;
        return null;
    }

    private static string? ElementTypeOf(XElement el)
    {
        for (var e = el.Parent; e is not null; e = e.Parent)
            if (e.Name.Namespace == Bpmn && e.Name.LocalName != "extensionElements") return e.Name.LocalName;
        return null;
    }

    private static string CamundaReasonZh(string name) => name switch
    {
        "executionListener" or "taskListener" => "CoBan 不运行监听器（Java 类、表达式或脚本），请改用服务任务",
        "script" => "CoBan 不运行脚本",
        "field" => "字段注入只对 Java 委托有意义，CoBan 的服务动作从 coban:param 或输入参数取值",
        "connector" => "CoBan 不运行 Camunda 连接器，请改用 coban:action",
        "properties" or "property" => "扩展属性不被读取",
        "failedJobRetryTimeCycle" => "重试次数请用 coban:retries",
        "initiator" => "发起人请从流程变量中取得",
        "decisionRef" or "decisionRefBinding" or "mapDecisionResult" => "CoBan 不执行 DMN 决策表",
        _ => "CoBan 不读取这个 Camunda 扩展",
    };

    private static string CamundaReasonEn(string name) => name switch
    {
        "executionListener" or "taskListener" => "CoBan runs no listeners (Java classes, expressions or scripts); use a service task",
        "script" => "CoBan runs no scripts",
        "field" => "field injection is for Java delegates; CoBan's service actions take coban:param or input parameters",
        "connector" => "CoBan runs no Camunda connectors; use coban:action",
        "properties" or "property" => "extension properties are not read",
        "failedJobRetryTimeCycle" => "set the number of attempts with coban:retries",
        "initiator" => "read the starter from the process variables",
        "decisionRef" or "decisionRefBinding" or "mapDecisionResult" => "CoBan does not execute DMN decision tables",
        _ => "CoBan does not read this Camunda extension",
    };
}
