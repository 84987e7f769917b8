using System.Xml.Linq;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>The third-party BPMN corpus (Corpus/SOURCES.md has the attributions).</summary>
public class CorpusTests
{
    private static readonly XNamespace BpmnNs = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    public static TheoryData<string> Files(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Bpmn.Corpus(folder), "*.bpmn").Order())
            data.Add(Path.GetRelativePath(Bpmn.Corpus(""), f));
        return data;
    }

    public static TheoryData<string> Miwg() => Concat(Files("miwg"), Files("miwg/bpmn-io-export"));
    public static TheoryData<string> Fixtures() => Files("fixtures");
    public static TheoryData<string> ParserEdge() => Files("fixtures/parser-edge");

    private static TheoryData<string> Concat(TheoryData<string> a, TheoryData<string> b)
    {
        foreach (var row in b) a.Add(row);
        return a;
    }

    [Theory]
    [MemberData(nameof(Miwg))]
    public void Every_MIWG_file_parses_and_each_executable_process_either_compiles_or_is_refused_with_reasons(string file)
    {
        var bytes = File.ReadAllBytes(Bpmn.Corpus(file));
        var document = BpmnReader.Parse(bytes);
        var xml = XDocument.Parse(File.ReadAllText(Bpmn.Corpus(file)));
        foreach (var process in xml.Descendants(BpmnNs + "process"))
        {
            var id = (string)process.Attribute("id")!;
            var executable = (string?)process.Attribute("isExecutable") == "true";
            var compiled = document.FindProcess(id);
            if (!executable)
            {
                document.Problems.ShouldContain(p => p.ElementId == id && p.Severity == ProblemSeverity.Info && p.MessageEn.Contains("not executable"));
                if (compiled is not null) compiled.IsExecutable.ShouldBeFalse();
                continue;
            }
            if (compiled is not null)
            {
                compiled.IsExecutable.ShouldBeTrue();
                compiled.Nodes.Count.ShouldBe(process.Descendants().Count(e => e.Name.Namespace == BpmnNs && ElementNames.FlowNodes.ContainsKey(e.Name.LocalName)));
                continue;
            }
            var ids = process.Descendants().Select(e => (string?)e.Attribute("id")).ToHashSet();
            var reasons = document.Problems.Where(p => p.Severity == ProblemSeverity.Error && p.ElementId is not null && ids.Contains(p.ElementId)).ToList();
            reasons.ShouldNotBeEmpty($"{file}: process {id} was not compiled but no error names one of its elements");
            reasons.ShouldAllBe(p => p.MessageZh.Length > 0 && p.MessageEn.Length > 0 && p.ElementType != null);
        }
        if (!xml.Descendants(BpmnNs + "process").Any(p => (string?)p.Attribute("isExecutable") == "true"))
            document.Problems.ShouldContain(p => p.MessageEn.Contains("no executable process") || p.MessageEn.Contains("no process"));
    }

    [Fact]
    public void MIWG_C_3_0_C_9_1_and_Camundas_invoice_C_1_0_compile_as_executable_processes()
    {
        var c30 = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("miwg/C.3.0.bpmn")));
        c30.HasErrors.ShouldBeFalse();
        c30.Executable.ShouldHaveSingleItem().Name.ShouldBe("Fridge Repair Process");

        var c91 = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("miwg/C.9.1.bpmn")));
        c91.Executable.Single().Id.ShouldBe("requestDocument_en");
        c91.Executable.Single().Nodes.ShouldContain(n => n.Kind == NodeKind.BoundaryEvent && n.Trigger == EventTrigger.Timer);

        var c10 = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("miwg/C.1.0.bpmn")));
        // Its camunda: prefix is bound to the Activiti namespace, read as Camunda's: the delegate expression is the implementation.
        c10.Executable.ShouldHaveSingleItem().Node("archiveInvoice").Service!.Implementation.ShouldBe("delegate:#{archiveService}");
        c10.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.ElementId == "archiveInvoice" && p.MessageEn.StartsWith("camunda:field is not honoured"));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_bpmn_js_and_bpmn_moddle_fixture_parses_without_an_exception(string file)
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus(file)));
        document.Problems.ShouldAllBe(p => p.MessageZh.Length > 0 && p.MessageEn.Length > 0);
    }

    [Fact]
    public void The_kitchen_sink_names_each_element_CoBan_does_not_run()
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("fixtures/bpmn-js__kitchen-sink.bpmn")));
        var refused = document.Problems.Where(p => p.MessageEn.StartsWith("unsupported element")).Select(p => p.MessageEn.Split(' ')[2]).ToHashSet();
        foreach (var name in new[] { "scriptTask", "businessRuleTask", "complexGateway", "adHocSubProcess" })
            refused.ShouldContain(name);
        document.Problems.ShouldContain(p => p.MessageZh.StartsWith("不支持的元素 scriptTask"));
    }

    [Theory]
    [MemberData(nameof(ParserEdge))]
    public void Every_parser_edge_file_gives_clear_problems_and_no_exception(string file)
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus(file)));
        if (file.EndsWith("multiple-diagrams.bpmn", StringComparison.Ordinal))
        {
            // Several BPMNDiagram elements are legal: the diagrams are drawing, not semantics.
            document.HasErrors.ShouldBeFalse();
            document.Executable.Select(p => p.Id).ShouldBe(["Process_1", "Process_2"]);
            return;
        }
        document.Problems.ShouldNotBeEmpty();
        document.Problems.ShouldAllBe(p => p.MessageZh.Length > 0 && p.MessageEn.Length > 0);
    }

    [Theory]
    [InlineData("bpmn-js__duplicate-ids.bpmn", "duplicate element id 'test'")]
    [InlineData("bpmn-js__missing-namespace.bpmn", "not a BPMN 2.0 document")]
    [InlineData("bpmn-js__boundaryEvent-invalidAttachToRef.bpmn", "is not an activity of this process")]
    [InlineData("bpmn-js__boundaryEvent-missingAttachToRef.bpmn", "has no attachedToRef")]
    [InlineData("bpmn-moddle__unrecognized-child.bpmn", "unrecognised BPMN element unrecognized")]
    [InlineData("bpmn-moddle__event-definition-ref.bpmn", "invalid timer value 'date'")]
    public void Parser_edge_files_are_explained(string file, string expected)
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("fixtures/parser-edge/" + file)));
        document.Problems.ShouldContain(p => p.MessageEn.Contains(expected), string.Join("\n", document.Problems));
    }

    [Fact]
    public void Default_namespace_and_redeclared_prefixes_are_read_as_BPMN()
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("fixtures/parser-edge/bpmn-moddle__namespace-redefinition.bpmn")));
        document.FindProcess("Process_1")!.Nodes.ShouldContain(n => n.Id == "Task_1" && n.Kind == NodeKind.UserTask);
    }

    [Fact]
    public void A_windows_1252_declaration_is_decoded()
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Bpmn.Corpus("fixtures/parser-edge/bpmn-moddle__bad-encoding.bpmn")));
        document.Problems.ShouldNotContain(p => p.MessageEn.Contains("encoding") || p.MessageEn.Contains("malformed"));
    }
}
