using System.Xml;
using System.Xml.Linq;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>
/// Nothing ignored silently, over the whole corpus: every camunda:, activiti: (read as camunda:) and zeebe:
/// attribute and extension element inside a process either has behaviour in CoBan (the table below, by the
/// element that carries it) or is named by a problem at its line (or the line of the extension holding it).
/// </summary>
public class VendorExtensionCoverageTests
{
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    private static readonly XNamespace Activiti = "http://activiti.org/bpmn";
    private static readonly XNamespace Zeebe = "http://camunda.org/schema/zeebe/1.0";
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private static readonly string[] Flow = ["userTask", "manualTask", "serviceTask", "sendTask", "receiveTask", "task", "callActivity", "subProcess", "transaction",
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway",
        "scriptTask", "businessRuleTask"];

    private static readonly string[] Human = ["userTask", "manualTask"];

    /// <summary>camunda: attributes CoBan reads or whose effect it has, and the BPMN elements they have it on.</summary>
    private static readonly Dictionary<string, string[]> HonouredAttributes = new()
    {
        ["assignee"] = Human, ["candidateGroups"] = Human, ["candidateUsers"] = Human, ["dueDate"] = Human,
        ["followUpDate"] = Human, ["priority"] = Human, ["formKey"] = Human,
        ["class"] = ["serviceTask", "sendTask", "businessRuleTask"], ["expression"] = ["serviceTask", "sendTask", "businessRuleTask"],
        ["delegateExpression"] = ["serviceTask", "sendTask", "businessRuleTask"], ["type"] = ["serviceTask", "sendTask", "businessRuleTask"],
        ["topic"] = ["serviceTask", "sendTask", "businessRuleTask"], ["resultVariable"] = ["serviceTask", "sendTask", "businessRuleTask", "scriptTask"],
        ["calledElementBinding"] = ["callActivity"], ["calledElementVersion"] = ["callActivity"],
        ["collection"] = ["multiInstanceLoopCharacteristics"], ["elementVariable"] = ["multiInstanceLoopCharacteristics"],
        ["errorCodeVariable"] = ["errorEventDefinition"],
        ["asyncBefore"] = Flow, ["asyncAfter"] = Flow, ["async"] = Flow, ["exclusive"] = Flow, ["jobPriority"] = [.. Flow, "process"],
        ["historyTimeToLive"] = ["process"], ["versionTag"] = ["process"], ["isStartableInTasklist"] = ["process"],
    };

    [Fact]
    public void Every_vendor_extension_in_the_corpus_has_behaviour_or_a_problem_at_its_line()
    {
        var silent = new List<string>();
        var checkedCount = 0;
        foreach (var file in Directory.GetFiles(Bpmn_.CorpusRoot, "*.bpmn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            XDocument xml;
            try
            {
                using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
                xml = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException)
            {
                continue; // a file that is not XML is refused whole (the conformance corpus pins it)
            }
            var document = BpmnReader.Parse(bytes);
            var lines = document.Problems.Where(p => p.Line is not null).ToLookup(p => p.Line!.Value);
            foreach (var process in xml.Descendants(Bpmn + "process"))
            {
                foreach (var el in process.DescendantsAndSelf())
                {
                    if (el.Name.Namespace == Bpmn)
                        foreach (var a in el.Attributes().Where(a => IsVendor(a.Name.Namespace)))
                        {
                            checkedCount++;
                            if (IsVendorHonoured(a, el) || Named(el, a.Name.LocalName, lines)) continue;
                            silent.Add($"{Rel(file)}:{Line(el)} {Prefix(a.Name.Namespace)}:{a.Name.LocalName} on {el.Name.LocalName} '{(string?)el.Attribute("id")}'");
                        }
                    else if (IsVendor(el.Name.Namespace))
                    {
                        checkedCount++;
                        if (IsHonouredElement(el) || Named(el, el.Name.LocalName, lines)) continue;
                        silent.Add($"{Rel(file)}:{Line(el)} {Prefix(el.Name.Namespace)}:{el.Name.LocalName} in {el.Parent?.Parent?.Name.LocalName}");
                    }
                }
            }
        }
        checkedCount.ShouldBeGreaterThan(300); // 338 when written: 90 files of the corpus use vendor extensions
        silent.ShouldBeEmpty($"{silent.Count} vendor extensions with neither behaviour nor a problem:\n" + string.Join("\n", silent.Take(40)));
    }

    private static bool IsVendor(XNamespace ns) => ns == Camunda || ns == Activiti || ns == Zeebe;

    private static string Prefix(XNamespace ns) => ns == Zeebe ? "zeebe" : ns == Activiti ? "activiti" : "camunda";

    private static bool IsVendorHonoured(XAttribute a, XElement el) =>
        a.Name.Namespace != Zeebe && (HonouredAttributes.TryGetValue(a.Name.LocalName, out var on) && on.Contains(el.Name.LocalName)
            || (a.Name.LocalName == "variableName" && el.Parent is { Name.LocalName: "startEvent" } start && start.Parent?.Name.LocalName == "process"));

    /// <summary>Extension elements CoBan reads, where it reads them (their unread parts are named where they are read).</summary>
    private static bool IsHonouredElement(XElement el)
    {
        if (el.Name.Namespace == Zeebe) return false;
        var owner = el.Ancestors().FirstOrDefault(a => a.Name.Namespace == Bpmn && a.Name.LocalName != "extensionElements")?.Name.LocalName;
        var parent = el.Parent!;
        return el.Name.LocalName switch
        {
            "formData" => owner is "userTask" or "manualTask",
            "formField" => IsVendor(parent.Name.Namespace) && parent.Name.LocalName == "formData",
            "value" or "validation" => parent.Name.LocalName == "formField",
            "constraint" => parent.Name.LocalName == "validation" && (string?)el.Attribute("name") is "required" or "minlength" or "maxlength" or "min" or "max" or "readonly",
            "inputOutput" => true, // its parameters are checked one by one
            "inputParameter" => owner is "serviceTask" or "sendTask" && !el.Elements().Any(),
            "in" => owner is "callActivity" || (owner is "signalEventDefinition" && el.Ancestors(Bpmn + "intermediateThrowEvent").Concat(el.Ancestors(Bpmn + "endEvent")).Any()),
            "out" => owner is "callActivity",
            _ => false,
        };
    }

    /// <summary>
    /// A problem naming it at the element's line, or at the line of a vendor extension holding it (which is
    /// named whole); or the BPMN element carrying it refused with an error (nothing of it runs).
    /// </summary>
    private static bool Named(XElement el, string name, ILookup<int, BpmnProblem> lines)
    {
        for (var e = el; e is not null; e = e.Parent)
        {
            var here = lines[Line(e)];
            if (e.Name.Namespace == Bpmn && e.Name.LocalName != "extensionElements")
                return here.Any(p => p.MessageEn.Contains(name, StringComparison.Ordinal) || (p.Severity == ProblemSeverity.Error && p.ElementId == (string?)e.Attribute("id")));
            if (here.Any()) return true;
        }
        return false;
    }

    private static int Line(XElement el) => el is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static string Rel(string file) => Path.GetRelativePath(Bpmn_.CorpusRoot, file).Replace('\\', '/');

    private static class Bpmn_
    {
        public static string CorpusRoot => Support.Bpmn.Corpus("");
    }
}
