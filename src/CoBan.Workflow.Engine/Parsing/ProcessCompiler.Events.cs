using System.Xml.Linq;
using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Parsing.BpmnCompiler;

namespace CoBan.Workflow.Engine.Parsing;

internal sealed partial class ProcessCompiler
{
    private static readonly string[] UnsupportedDefinitions =
        [];

    private (EventTrigger, EventSpec?) ReadEvent(XElement el, NodeKind kind, string id)
    {
        var type = kind.XmlName();
        var definitions = el.Elements().Where(e => e.Name.Namespace == Bpmn && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        foreach (var reference in el.Elements(Bpmn + "eventDefinitionRef"))
        {
            if (_doc.RootEventDefinitions.TryGetValue(LocalRef(reference.Value.Trim()), out var shared)) definitions.Add(shared);
            else Refuse(id, type, $"eventDefinitionRef '{reference.Value.Trim()}' 找不到对应的事件定义",
                $"eventDefinitionRef '{reference.Value.Trim()}' does not name an event definition", reference);
        }
        if (definitions.Count == 0) return (EventTrigger.None, null);
        if (definitions.Count > 1)
        {
            Refuse(id, type, $"不支持的元素 多重事件 {type} '{id}'（一个事件上有多个事件定义）",
                $"unsupported element multiple event {type} '{id}' (several event definitions on one event)", el);
            return (EventTrigger.None, null);
        }
        var definition = definitions[0];
        var name = definition.Name.LocalName;
        if (UnsupportedDefinitions.Contains(name))
        {
            var what = name.Replace("EventDefinition", "");
            Refuse(id, type, $"不支持的元素 {what} {type} '{id}'", $"unsupported element {what} {type} '{id}': CoBan does not execute {what} events", el);
            return (EventTrigger.None, null);
        }
        var correlation = Attr(el, "correlationKey") is { } key ? Compile(key, id, type, "关联键", "correlation key", el) : null;
        switch (name)
        {
            case "terminateEventDefinition":
                return (EventTrigger.Terminate, null);
            case "timerEventDefinition":
                return (EventTrigger.Timer, new EventSpec { Timer = ReadTimer(definition, id, type) });
            case "messageEventDefinition":
                // A message throw may instead send a notice (coban:notice), so its messageRef is optional.
                var throws = kind is NodeKind.EndEvent or NodeKind.IntermediateThrowEvent;
                var message = RefName(definition, "messageRef", _doc.Messages, id, type, required: !throws);
                return (EventTrigger.Message, new EventSpec { Name = message, NameExpression = NameExpression(message, id, type, definition), CorrelationKey = correlation });
            case "signalEventDefinition":
                var signal = RefName(definition, "signalRef", _doc.Signals, id, type, required: true);
                return (EventTrigger.Signal, new EventSpec { Name = signal, NameExpression = NameExpression(signal, id, type, definition), In = ReadMappings(definition, "in", id) });
            case "errorEventDefinition":
                return (EventTrigger.Error, new EventSpec
                {
                    Name = CodeRef(definition, "errorRef", _doc.Errors, id, type, Throws(kind)),
                    CodeVariable = NonEmpty((string?)definition.Attribute(Camunda + "errorCodeVariable")),
                });
            case "conditionalEventDefinition":
                var conditionText = NonEmpty(definition.Element(Bpmn + "condition")?.Value);
                if (conditionText is null)
                {
                    Refuse(id, type, "条件事件缺少条件（condition）", "the conditional event has no condition", definition);
                    return (EventTrigger.None, null);
                }
                return (EventTrigger.Conditional, new EventSpec
                {
                    Condition = Compile(conditionText, id, type, "条件", "condition", definition),
                    VariableNames = SplitList((string?)definition.Attribute(Camunda + "variableName")).ToArray(),
                });
            case "cancelEventDefinition":
                return (EventTrigger.Cancel, null);
            case "compensateEventDefinition":
                // activityRef: compensate that activity only; none: every completed one of the scope.
                return (EventTrigger.Compensation, new EventSpec { Name = RefAttr(definition, "activityRef") });
            case "linkEventDefinition":
                var link = NonEmpty((string?)definition.Attribute("name"));
                if (link is null) Refuse(id, type, "链接事件需要名称（name）", "a link event needs a name", definition);
                return (EventTrigger.Link, new EventSpec { Name = link });
            case "escalationEventDefinition":
                return (EventTrigger.Escalation, new EventSpec { Name = CodeRef(definition, "escalationRef", _doc.Escalations, id, type, Throws(kind)) });
            default:
                Refuse(id, type, $"无法识别的事件定义 {name}", $"unrecognised event definition {name}", definition);
                return (EventTrigger.None, null);
        }
    }

    /// <summary>A message or signal name holding <c>${...}</c>, compiled; null for a plain name.</summary>
    private Expression? NameExpression(string? name, string id, string type, XElement at) =>
        name is not null && (name.Contains("${", StringComparison.Ordinal) || name.Contains("#{", StringComparison.Ordinal))
            ? Compile(name, id, type, "名称", "name", at) : null;

    /// <summary>An event whose definition cannot be used: reported once, and its trigger is not checked again.</summary>
    private void Refuse(string id, string type, string zh, string en, XObject at)
    {
        _refused.Add(id);
        Error(id, type, zh, en, at);
    }

    private EventSpec? ReadReceiveTask(XElement el, string id)
    {
        // Without a message, Camunda's receive task waits to be triggered by the API; here a person confirms it.
        var name = RefName(el, "messageRef", _doc.Messages, id, "receiveTask", required: false);
        var correlation = Attr(el, "correlationKey") is { } key ? Compile(key, id, "receiveTask", "关联键", "correlation key", el) : null;
        return new EventSpec { Name = name, CorrelationKey = correlation };
    }

    private TimerDefinition? ReadTimer(XElement definition, string id, string type)
    {
        var parts = new[] { ("timeDuration", TimerKind.Duration), ("timeDate", TimerKind.Date), ("timeCycle", TimerKind.Cycle) }
            .Select(p => (Element: definition.Element(Bpmn + p.Item1), Kind: p.Item2))
            .Where(p => p.Element is not null)
            .ToList();
        if (parts.Count != 1)
        {
            Error(id, type, "定时器需要且只能有一个 timeDuration、timeDate 或 timeCycle", "a timer needs exactly one of timeDuration, timeDate or timeCycle", definition);
            return null;
        }
        var (element, kind) = parts[0];
        var text = element!.Value.Trim();
        if (text.Length == 0)
        {
            Error(id, type, "定时器的值为空", "the timer value is empty", element);
            return null;
        }
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal))
        {
            var expression = Compile(text, id, type, "定时器", "timer", element);
            return expression is null ? null : new TimerDefinition { Kind = kind, Text = text, Expression = expression };
        }
        try
        {
            return new TimerDefinition { Kind = kind, Text = text, Fixed = TimerSpec.Parse(kind, text) };
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            Error(id, type, $"定时器的值 '{text}' 无效：{e.Message}", $"invalid timer value '{text}': {e.Message}", element);
            return null;
        }
    }

    private string? RefName(XElement el, string attribute, Dictionary<string, string> names, string id, string type, bool required)
    {
        var reference = RefAttr(el, attribute);
        if (reference is null)
        {
            if (required)
                Error(id, type, $"缺少 {attribute}：请选择或新建一个{(attribute == "signalRef" ? "信号" : "消息")}",
                    $"missing {attribute}: choose or create a {(attribute == "signalRef" ? "signal" : "message")}", el);
            return null;
        }
        if (attribute == "messageRef" && (required || type == "receiveTask") && _doc.UnnamedMessages.Contains(reference))
            Error(id, type, $"消息 '{reference}' 没有名称（name）：无法等待它", $"message '{reference}' has an empty or missing name: nothing can be waited for", el);
        if (names.TryGetValue(reference, out var name)) return name;
        Error(id, type, $"{attribute} '{reference}' 找不到对应的定义", $"{attribute} '{reference}' does not name a definition in this file", el);
        return null;
    }

    private static bool Throws(NodeKind kind) => kind is NodeKind.EndEvent or NodeKind.IntermediateThrowEvent;

    private string? CodeRef(XElement el, string attribute, Dictionary<string, string?> codes, string id, string type, bool throws)
    {
        var reference = RefAttr(el, attribute);
        if (reference is null) return null; // catch-all, or a throw without a code
        if (codes.TryGetValue(reference, out var code))
        {
            if (code is not null) return code;
            // As Camunda 7: a definition without a code catches every error (or escalation); a throw needs one.
            if (throws)
                Refuse(id, type, $"{attribute} '{reference}' 引用的定义没有代码：抛出事件必须有 errorCode/escalationCode",
                    $"{attribute} '{reference}' names a definition without a code: 'errorCode' (or 'escalationCode') is mandatory on what a throw event refers to", el);
            return null;
        }
        // Camunda 7 uses a reference to no definition as the code itself; so does CoBan, saying so.
        Warning(id, type, $"{attribute} '{reference}' 找不到对应的定义，按 Camunda 的做法以 '{reference}' 作为代码",
            $"{attribute} '{reference}' names no definition in this file; as in Camunda, '{reference}' is used as the code", el);
        return reference;
    }
}
