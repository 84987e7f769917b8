using System.Xml.Linq;
using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;
using static CoBan.Workflow.Engine.Parsing.BpmnCompiler;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>
/// Compiles one bpmn:process: creates the flow nodes (recursing into sub-processes), wires
/// sequence flows and boundary events, then validates. Problems in a non-executable process are
/// downgraded to warnings: it documents, it does not run (it may still be called from this file).
/// </summary>
internal sealed partial class ProcessCompiler
{
    private readonly BpmnCompiler _doc;
    private readonly XElement _process;
    private readonly string _processId;
    private readonly bool _executable;
    private readonly List<FlowNode> _nodes = [];
    private readonly Dictionary<string, FlowNode> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<FlowNode, XElement> _elements = [];
    private readonly List<(XElement Element, FlowNode? Container)> _flowElements = [];
    private readonly List<SequenceFlow> _flows = [];
    private readonly List<XElement> _associations = [];
    private readonly List<BpmnProblem> _problems = [];

    /// <summary>
    /// Elements already refused (unsupported, or an event whose definition was refused): flows and
    /// boundary events touching them, and their own later checks, are not reported a second time.
    /// </summary>
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    /// <summary>Nodes that lost a flow because its other end was refused: not reported as unreachable too.</summary>
    private readonly HashSet<FlowNode> _besideRefused = [];

    /// <summary>An id used twice in this process: the document reports it; the process cannot be compiled.</summary>
    private bool _duplicateIds;

    internal ProcessCompiler(BpmnCompiler doc, XElement process)
    {
        _doc = doc;
        _process = process;
        _processId = (string?)process.Attribute("id") ?? "";
        _executable = (string?)process.Attribute("isExecutable") == "true";
    }

    internal ProcessDefinition? Compile()
    {
        if (_processId.Length == 0)
            Error(null, "process", "流程缺少 id", "the process has no id", _process);
        if (!_executable)
            _doc.Problems.Add(new BpmnProblem(ProblemSeverity.Info, _processId, "process",
                "该流程不可执行（isExecutable 不为 true），只作为文档或被本文件的调用活动调用",
                "the process is not executable (isExecutable is not \"true\"); it documents, or is called from this file", Line(_process)));

        var top = ReadContainer(_process, null, 0);
        if (_nodes.Count > _doc.Options.MaxElements)
        {
            _doc.Problems.Add(BpmnProblem.Error(_processId, "process",
                $"流程元素过多（{_nodes.Count} 个，上限 {_doc.Options.MaxElements} 个），拒绝编译",
                $"the process has too many elements ({_nodes.Count}; the limit is {_doc.Options.MaxElements})", Line(_process)));
            return null;
        }
        WireFlows();
        WireBoundaries();
        WireLinks();
        WireCompensation();
        var starts = ResolveStarts(top, null);
        var eventSubProcesses = top.Where(n => n.IsEventSubProcess).ToArray();
        Validate();
        ReportUnhonouredExtensions();

        var hasErrors = _duplicateIds || _problems.Any(p => p.Severity == ProblemSeverity.Error);
        foreach (var p in _problems)
            _doc.Problems.Add(_executable || p.Severity != ProblemSeverity.Error ? p : p with { Severity = ProblemSeverity.Warning });
        if (hasErrors) return null;

        for (var i = 0; i < _nodes.Count; i++) _nodes[i].Index = i;
        for (var i = 0; i < _flows.Count; i++) _flows[i].Index = i;
        ComputeInclusiveReachability();
        return new ProcessDefinition(_processId, (string?)_process.Attribute("name"), _executable, [.. _nodes], [.. _flows], starts)
        {
            EventSubProcesses = eventSubProcesses,
        };
    }

    private List<FlowNode> ReadContainer(XElement container, FlowNode? owner, int depth)
    {
        var children = new List<FlowNode>();
        foreach (var el in container.Elements())
        {
            if (el.Name.Namespace != Bpmn) continue; // vendor extensions outside extensionElements
            var name = el.Name.LocalName;
            var id = (string?)el.Attribute("id");
            if (name == "sequenceFlow")
            {
                _flowElements.Add((el, owner));
            }
            else if (name == "association")
            {
                _associations.Add(el); // a compensation boundary points to its handler by one
            }
            else if (ElementNames.FlowNodes.TryGetValue(name, out var kind))
            {
                if (id is null)
                {
                    Error(null, name, $"{name} 缺少 id", $"{name} has no id", el);
                    continue;
                }
                var node = CreateNode(el, kind, id);
                if (node is null) continue;
                if (!_byId.TryAdd(id, node))
                {
                    _duplicateIds = true;
                    continue;
                }
                node.Container = owner;
                _nodes.Add(node);
                _elements[node] = el;
                children.Add(node);
                if (kind == NodeKind.SubProcess)
                {
                    // (a transaction too: a sub-process that a cancel end event inside rolls back)
                    if (depth + 1 > _doc.Options.MaxNesting)
                    {
                        Error(id, name, $"子流程嵌套过深（超过 {_doc.Options.MaxNesting} 层）",
                            $"sub-processes nest too deep (more than {_doc.Options.MaxNesting} levels)", el);
                        continue;
                    }
                    var inner = ReadContainer(el, node, depth + 1);
                    node.Children = [.. inner];
                }
            }
            else if (ElementNames.Unsupported.Contains(name))
            {
                if (id is not null) _refused.Add(id);
                Error(id, name, $"不支持的元素 {name} '{id}'：{ElementNames.UnsupportedReasonZh(name)}",
                    $"unsupported element {name} '{id}': {ElementNames.UnsupportedReasonEn(name)}", el);
            }
            else if (!ElementNames.Descriptive.Contains(name) && !name.EndsWith("EventDefinition", StringComparison.Ordinal)
                     && name is not ("multiInstanceLoopCharacteristics" or "standardLoopCharacteristics" or "eventDefinitionRef"
                         or "timerEventDefinition" or "conditionExpression" or "completionCondition" or "loopCardinality"))
            {
                Error(id, name, $"无法识别的 BPMN 元素 {name}", $"unrecognised BPMN element {name}", el);
            }
        }
        return children;
    }

    private FlowNode? CreateNode(XElement el, NodeKind kind, string id)
    {
        var name = (string?)el.Attribute("name");
        var (trigger, spec) = kind is NodeKind.StartEvent or NodeKind.EndEvent or NodeKind.IntermediateCatchEvent
            or NodeKind.IntermediateThrowEvent or NodeKind.BoundaryEvent
            ? ReadEvent(el, kind, id)
            : (EventTrigger.None, null);
        if (kind == NodeKind.ReceiveTask)
            spec = ReadReceiveTask(el, id);

        return new FlowNode
        {
            Id = id,
            Name = name,
            NameExpression = name is not null && kind.IsActivity() && (name.Contains("${", StringComparison.Ordinal) || name.Contains("#{", StringComparison.Ordinal))
                ? Compile(name, id, kind.XmlName(), "名称", "name", el) : null,
            Kind = kind,
            Trigger = trigger,
            Interrupting = kind switch
            {
                NodeKind.BoundaryEvent => (string?)el.Attribute("cancelActivity") != "false",
                NodeKind.StartEvent => (string?)el.Attribute("isInterrupting") != "false",
                _ => true,
            },
            IsEventSubProcess = kind == NodeKind.SubProcess && (string?)el.Attribute("triggeredByEvent") == "true",
            IsTransaction = el.Name.LocalName == "transaction",
            IsForCompensation = kind.IsActivity() && (string?)el.Attribute("isForCompensation") == "true",
            Event = spec,
            UserTask = kind is NodeKind.UserTask or NodeKind.ManualTask ? ReadUserTask(el, id) : null,
            Service = kind == NodeKind.ServiceTask || (kind == NodeKind.SendTask && HasImplementation(el)) ? ReadService(el, id, kind) : null,
            Notice = ReadNotice(el, id),
            Call = kind == NodeKind.CallActivity ? ReadCall(el, id) : null,
            Loop = kind.IsActivity() ? ReadLoop(el, id) : null,
            StandardLoop = kind.IsActivity() ? ReadStandardLoop(el, id) : null,
            CaseAction = kind is NodeKind.UserTask or NodeKind.ManualTask ? Attr(el, "action") : null,
        };
    }

    private void WireFlows()
    {
        var incoming = new Dictionary<FlowNode, List<SequenceFlow>>();
        var outgoing = new Dictionary<FlowNode, List<SequenceFlow>>();
        var flowIds = new HashSet<string>(StringComparer.Ordinal);
        HashSet<string>? declared = null;
        foreach (var (el, container) in _flowElements)
        {
            var id = (string?)el.Attribute("id");
            if (id is null)
            {
                // Camunda 7 runs flows without an id (31% of its own test models have some): CoBan names them
                // from their ends, the same name every time the file is read, so instances find them again.
                declared ??= DeclaredIds();
                id = GeneratedFlowId(el, declared);
                Warning(id, "sequenceFlow", $"顺序流缺少 id，已按其两端命名为 '{id}'", $"a sequence flow has no id; it is named '{id}' after its ends", el);
            }
            var source = Resolve(el, id, "sourceRef");
            var target = Resolve(el, id, "targetRef");
            if (source is null || target is null)
            {
                // Still check the condition: a JavaScript condition is a mistake of its own, reported now rather
                // than after the process owner has replaced the script task it leads to.
                ReadCondition(el, id);
                if (source is not null) _besideRefused.Add(source);
                if (target is not null) _besideRefused.Add(target);
                continue;
            }
            if (!flowIds.Add(id))
            {
                _duplicateIds = true;
                continue;
            }
            if (source.Container != container || target.Container != container)
            {
                Error(id, "sequenceFlow", $"顺序流 '{id}' 跨越了子流程边界（{source.Id} → {target.Id}）",
                    $"sequence flow '{id}' crosses a sub-process boundary ({source.Id} → {target.Id})", el);
                continue;
            }
            var flow = new SequenceFlow
            {
                Id = id,
                Name = (string?)el.Attribute("name"),
                Source = source,
                Target = target,
                Condition = ReadCondition(el, id),
            };
            _flows.Add(flow);
            Add(outgoing, source, flow);
            Add(incoming, target, flow);
        }
        foreach (var node in _nodes)
        {
            node.Incoming = incoming.TryGetValue(node, out var i) ? [.. i] : [];
            node.Outgoing = outgoing.TryGetValue(node, out var o) ? [.. o] : [];
            var defaultId = RefAttr(_elements[node], "default");
            if (defaultId is null) continue;
            node.Default = node.Outgoing.FirstOrDefault(f => f.Id == defaultId);
            if (node.Default is null)
                Error(node, $"默认流 '{defaultId}' 不是该元素的出口顺序流", $"default flow '{defaultId}' is not an outgoing flow of this element");
        }

        static void Add(Dictionary<FlowNode, List<SequenceFlow>> map, FlowNode node, SequenceFlow flow)
        {
            if (!map.TryGetValue(node, out var list)) map[node] = list = [];
            list.Add(flow);
        }
    }

    private HashSet<string> DeclaredIds()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var el in _process.DescendantsAndSelf())
            if ((string?)el.Attribute("id") is { } id) ids.Add(id);
        return ids;
    }

    private static string GeneratedFlowId(XElement flow, HashSet<string> taken)
    {
        var stem = $"flow_{RefAttr(flow, "sourceRef") ?? "none"}_{RefAttr(flow, "targetRef") ?? "none"}";
        var id = stem;
        for (var n = 2; !taken.Add(id); n++) id = $"{stem}_{n}";
        return id;
    }

    /// <summary>
    /// A reference attribute's id. References are QNames: <c>messageRef="tns:newInvoice"</c> names
    /// the element with id <c>newInvoice</c>, ids never holding a colon; Camunda reads them so too.
    /// </summary>
    internal static string? RefAttr(XElement el, string attribute) => (string?)el.Attribute(attribute) is { } value ? LocalRef(value.Trim()) : null;

    internal static string LocalRef(string reference) =>
        reference.LastIndexOf(':') is var colon and >= 0 ? reference[(colon + 1)..] : reference;

    private FlowNode? Resolve(XElement flow, string flowId, string attribute)
    {
        var reference = RefAttr(flow, attribute);
        if (reference is null)
        {
            Error(flowId, "sequenceFlow", $"顺序流缺少 {attribute}", $"the sequence flow has no {attribute}", flow);
            return null;
        }
        if (_byId.TryGetValue(reference, out var node)) return node;
        if (_refused.Contains(reference)) return null;
        Error(flowId, "sequenceFlow", $"顺序流的 {attribute} '{reference}' 不是本流程中的流程节点",
            $"the sequence flow's {attribute} '{reference}' is not a flow node of this process", flow);
        return null;
    }

    private Expression? ReadCondition(XElement flow, string id)
    {
        var condition = flow.Element(Bpmn + "conditionExpression");
        if (condition is null) return null;
        var language = (string?)condition.Attribute("language");
        if (language is not null && !language.Contains("juel", StringComparison.OrdinalIgnoreCase)
            && !language.Contains("expression", StringComparison.OrdinalIgnoreCase))
        {
            Error(id, "sequenceFlow", $"不支持的条件语言 '{language}'，请使用 ${{...}} 表达式",
                $"unsupported condition language '{language}'; use a ${{...}} expression", condition);
            return null;
        }
        var text = condition.Value.Trim();
        if (text.Length == 0)
        {
            Warning(id, "sequenceFlow", "条件表达式为空，视为无条件", "the condition expression is empty and is ignored", condition);
            return null;
        }
        return Compile(text, id, "sequenceFlow", "条件", "condition", condition);
    }

    private void WireBoundaries()
    {
        var attached = new Dictionary<FlowNode, List<FlowNode>>();
        foreach (var node in _nodes.Where(n => n.Kind == NodeKind.BoundaryEvent))
        {
            var el = _elements[node];
            var reference = RefAttr(el, "attachedToRef");
            if (reference is null)
            {
                Error(node, "边界事件缺少 attachedToRef（未附着在任何活动上）", "the boundary event has no attachedToRef (it is attached to nothing)");
                continue;
            }
            if (_refused.Contains(reference) && !_byId.ContainsKey(reference)) continue; // the activity itself was refused
            if (!_byId.TryGetValue(reference, out var activity) || !activity.Kind.IsActivity())
            {
                Error(node, $"边界事件附着的 '{reference}' 不是本流程中的活动", $"the boundary event is attached to '{reference}', which is not an activity of this process");
                continue;
            }
            if (activity.Container != node.Container)
            {
                Error(node, "边界事件与其附着的活动不在同一层级", "the boundary event is not at the same level as its activity");
                continue;
            }
            node.AttachedTo = activity;
            if (!attached.TryGetValue(activity, out var list)) attached[activity] = list = [];
            list.Add(node);
        }
        foreach (var (activity, list) in attached) activity.Boundaries = [.. list];
    }

    /// <summary>Each compensation boundary event points by an association to its handler (isForCompensation), as in Camunda.</summary>
    private void WireCompensation()
    {
        foreach (var boundary in _nodes.Where(n => n.Kind == NodeKind.BoundaryEvent && n.Trigger == EventTrigger.Compensation && n.AttachedTo is not null))
        {
            var handlerId = _associations.Where(a => RefAttr(a, "sourceRef") == boundary.Id).Select(a => RefAttr(a, "targetRef")).FirstOrDefault();
            if (handlerId is null || !_byId.TryGetValue(handlerId, out var handler) || !handler.IsForCompensation)
            {
                Error(boundary, "补偿边界事件需要一条关联（association）指向补偿处理活动（isForCompensation=\"true\"）",
                    "a compensation boundary event needs an association to its compensation handler (an activity with isForCompensation=\"true\")");
                continue;
            }
            if (boundary.AttachedTo!.CompensationBoundary is not null)
            {
                Error(boundary, "一个活动只能有一个补偿边界事件", "an activity has at most one compensation boundary event");
                continue;
            }
            boundary.AttachedTo.CompensationBoundary = boundary;
            boundary.CompensationHandler = handler;
        }
        foreach (var handler in _nodes.Where(n => n.IsForCompensation))
            if (handler.Incoming.Length > 0 || handler.Outgoing.Length > 0)
                Error(handler, "补偿处理活动不能有顺序流", "a compensation handler cannot have sequence flows");
    }

    /// <summary>Each link throw event goes on at the one link catch event of the same name at its level (BPMN 2.0 §10.4.5).</summary>
    private void WireLinks()
    {
        foreach (var thrower in _nodes.Where(n => n.Kind == NodeKind.IntermediateThrowEvent && n.Trigger == EventTrigger.Link && n.Event?.Name is not null))
        {
            var targets = _nodes.Where(n => n.Kind == NodeKind.IntermediateCatchEvent && n.Trigger == EventTrigger.Link
                && n.Container == thrower.Container && n.Event?.Name == thrower.Event!.Name).ToList();
            if (targets.Count == 1) thrower.LinkTarget = targets[0];
            else Error(thrower, targets.Count == 0 ? $"同一层级没有名为 '{thrower.Event!.Name}' 的链接捕获事件" : $"同一层级有多个名为 '{thrower.Event!.Name}' 的链接捕获事件",
                targets.Count == 0 ? $"no link catch event named '{thrower.Event!.Name}' at this level" : $"several link catch events are named '{thrower.Event!.Name}' at this level");
        }
    }

    /// <summary>Start events, or (BPMN 13.2.3) with none, the nodes that have no incoming flow.</summary>
    private FlowNode[] ResolveStarts(List<FlowNode> scope, FlowNode? owner)
    {
        foreach (var sub in scope.Where(n => n.Kind == NodeKind.SubProcess))
        {
            sub.Starts = ResolveStarts([.. sub.Children], sub);
            sub.EventSubProcesses = sub.Children.Where(n => n.IsEventSubProcess).ToArray();
        }
        var starts = scope.Where(n => n.Kind == NodeKind.StartEvent).ToArray();
        if (starts.Length > 0) return starts;
        if (owner is { IsEventSubProcess: true })
        {
            Error(owner, "事件子流程需要一个带触发器的开始事件", "an event sub-process needs a start event with a trigger");
            return [];
        }
        var implicitStarts = scope.Where(n => n.Incoming.Length == 0 && n.Kind != NodeKind.BoundaryEvent && !n.IsEventGatewayTarget && !n.IsEventSubProcess
            && n.Trigger != EventTrigger.Link && !n.IsForCompensation).ToArray();
        if (implicitStarts.Length == 0 && scope.Count > 0)
        {
            if (owner is null) Error(_processId, "process", "流程没有开始事件，也没有可作为起点的元素", "the process has no start event and no element without incoming flows to start from", _process);
            else Error(owner, "子流程没有开始事件", "the sub-process has no start event");
        }
        if (owner is null && scope.Count == 0)
            Warning(_processId, "process", "流程为空", "the process is empty", _process);
        return implicitStarts;
    }

    private Expression? Compile(string text, string? id, string? type, string whatZh, string whatEn, XObject at)
    {
        if (Expression.TryParse(text, out var expression, out var error)) return expression;
        Error(id, type, $"{whatZh}表达式有误：{error!.MessageZh}（{text}）", $"invalid {whatEn} expression: {error.MessageEn} ({text})", at);
        return null;
    }

    private void Error(string? id, string? type, string zh, string en, XObject? at) =>
        _problems.Add(BpmnProblem.Error(id, type, zh, en, Line(at)));

    private void Warning(string? id, string? type, string zh, string en, XObject? at) =>
        _problems.Add(BpmnProblem.Warning(id, type, zh, en, Line(at)));

    private void Error(FlowNode node, string zh, string en) =>
        Error(node.Id, node.Kind.XmlName(), zh, en, _elements.GetValueOrDefault(node));

    private void Warning(FlowNode node, string zh, string en) =>
        Warning(node.Id, node.Kind.XmlName(), zh, en, _elements.GetValueOrDefault(node));
}
