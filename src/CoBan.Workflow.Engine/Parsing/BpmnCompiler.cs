using System.Xml;
using System.Xml.Linq;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Parsing;

/// <summary>Document level: root elements (messages, signals, errors, escalations), ids, then each process.</summary>
internal sealed class BpmnCompiler
{
    internal static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    internal static readonly XNamespace Coban = "http://coban.workflow/schema/bpmn/1.0";
    internal static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    private readonly XDocument _doc;

    internal BpmnCompiler(XDocument doc, ParseOptions options)
    {
        _doc = doc;
        Options = options;
    }

    internal ParseOptions Options { get; }
    internal List<BpmnProblem> Problems { get; } = [];
    internal Dictionary<string, string> Messages { get; } = new(StringComparer.Ordinal);
    /// <summary>Messages declared without a name: a catch on one could never be reached (Camunda refuses them).</summary>
    internal HashSet<string> UnnamedMessages { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string> Signals { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string?> Errors { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, string?> Escalations { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, XElement> RootEventDefinitions { get; } = new(StringComparer.Ordinal);

    private static readonly HashSet<string> IgnoredRootElements =
    [
        "collaboration", "itemDefinition", "dataStore", "interface", "resource", "category", "correlationProperty",
        "partnerEntity", "partnerRole", "endPoint", "eventDefinition", "import", "extension", "documentation",
        "extensionElements", "relationship", "globalTask", "choreography", "globalConversation",
    ];

    internal BpmnDocument Compile()
    {
        var root = _doc.Root;
        if (root is null || root.Name != Bpmn + "definitions")
        {
            var found = root is null ? "(empty)" : $"{{{root.Name.NamespaceName}}}{root.Name.LocalName}";
            return BpmnReader.Failed(BpmnProblem.Error(null, null,
                $"不是 BPMN 2.0 文档：根元素应为命名空间 {Bpmn.NamespaceName} 中的 definitions，实际为 {found}",
                $"not a BPMN 2.0 document: the root must be definitions in namespace {Bpmn.NamespaceName}, found {found}", Line(root)));
        }

        CheckDuplicateIds(root);
        ReadRootElements(root);

        var processes = new List<ProcessDefinition>();
        foreach (var process in root.Elements(Bpmn + "process"))
        {
            var compiled = new ProcessCompiler(this, process).Compile();
            if (compiled is not null) processes.Add(compiled);
        }

        var processElements = root.Elements(Bpmn + "process").ToList();
        if (processElements.Count == 0)
            Problems.Add(BpmnProblem.Error(null, "definitions", "文档中没有流程（process）", "the document contains no process", Line(root)));
        else if (!processElements.Any(p => (string?)p.Attribute("isExecutable") == "true"))
            Problems.Add(BpmnProblem.Error(null, "definitions",
                "文档中没有可执行的流程：至少一个 process 需要 isExecutable=\"true\"",
                "the document has no executable process: at least one process needs isExecutable=\"true\"", Line(root)));

        var declared = processElements.Where(p => !string.IsNullOrEmpty((string?)p.Attribute("id")))
            .Select(p => new DeclaredProcess((string)p.Attribute("id")!, (string?)p.Attribute("name"), (string?)p.Attribute("isExecutable") == "true")).ToList();
        return new BpmnDocument((string?)root.Attribute("id"), processes, Problems, declared);
    }

    private void CheckDuplicateIds(XElement root)
    {
        var seen = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var el in root.DescendantsAndSelf())
        {
            if (el.Name.Namespace != Bpmn) continue;
            var id = (string?)el.Attribute("id");
            if (id is null) continue;
            if (seen.TryGetValue(id, out var first))
                Problems.Add(BpmnProblem.Error(id, el.Name.LocalName,
                    $"元素 id '{id}' 重复（第一次出现在第 {Line(first)} 行的 {first.Name.LocalName}）",
                    $"duplicate element id '{id}' (first used by {first.Name.LocalName} on line {Line(first)})", Line(el)));
            else
                seen[id] = el;
        }
    }

    private void ReadRootElements(XElement root)
    {
        foreach (var el in root.Elements())
        {
            if (el.Name.Namespace != Bpmn) continue;
            var id = (string?)el.Attribute("id");
            switch (el.Name.LocalName)
            {
                case "process":
                    break;
                case "message" when id is not null:
                    Messages[id] = NonEmptyAttr(el, "name") ?? id;
                    if (NonEmptyAttr(el, "name") is null) UnnamedMessages.Add(id);
                    break;
                case "signal" when id is not null:
                    Signals[id] = (string?)el.Attribute("name") ?? id;
                    break;
                case "error" when id is not null:
                    Errors[id] = NonEmptyAttr(el, "errorCode") ?? NonEmptyAttr(el, "name");
                    break;
                case "escalation" when id is not null:
                    Escalations[id] = NonEmptyAttr(el, "escalationCode") ?? NonEmptyAttr(el, "name");
                    break;
                case var name when name.EndsWith("EventDefinition", StringComparison.Ordinal) && id is not null:
                    RootEventDefinitions[id] = el;
                    break;
                case "message" or "signal" or "error" or "escalation":
                    Problems.Add(BpmnProblem.Warning(null, el.Name.LocalName, $"{el.Name.LocalName} 缺少 id，无法被引用",
                        $"{el.Name.LocalName} has no id and cannot be referenced", Line(el)));
                    break;
                case var name when IgnoredRootElements.Contains(name) || name.StartsWith("global", StringComparison.Ordinal):
                    break;
                default:
                    Problems.Add(BpmnProblem.Error(id, el.Name.LocalName,
                        $"无法识别的 BPMN 元素 {el.Name.LocalName}", $"unrecognised BPMN element {el.Name.LocalName}", Line(el)));
                    break;
            }
        }
    }

    private static string? NonEmptyAttr(XElement el, string name) =>
        (string?)el.Attribute(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    internal static int? Line(XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
