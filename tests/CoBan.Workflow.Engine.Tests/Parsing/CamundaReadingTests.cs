using System.Text;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Parsing;

/// <summary>What Camunda 7 reads, CoBan reads: the forms its own models and tests use.</summary>
public class CamundaReadingTests
{
    [Fact]
    public void Sequence_flows_without_an_id_get_a_stable_id_from_their_ends_and_a_warning()
    {
        var xml = Xml("""
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />
            <sequenceFlow sourceRef="s" targetRef="t" /><sequenceFlow sourceRef="t" targetRef="e" /><sequenceFlow id="flow_t_e" sourceRef="s" targetRef="e" />
            """);
        var document = BpmnReader.Parse(xml);
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        var process = document.Processes[0];
        process.Flows.Select(f => f.Id).ShouldBe(["flow_s_t", "flow_t_e_2", "flow_t_e"]);
        document.Problems.Count(p => p.Severity == ProblemSeverity.Warning && p.ElementType == "sequenceFlow" && p.Line is not null).ShouldBe(2);
        BpmnReader.Parse(xml).Processes[0].Flows.Select(f => f.Id).ShouldBe(process.Flows.Select(f => f.Id));
    }

    [Fact]
    public void References_written_as_qualified_names_are_resolved_by_their_local_part()
    {
        var sim = Play.Model("""
            <startEvent id="s" /><intermediateCatchEvent id="wait"><messageEventDefinition messageRef="tns:newInvoice" /></intermediateCatchEvent>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="tns:s" targetRef="wait" /><sequenceFlow id="f2" sourceRef="wait" targetRef="e" />
            """, roots: """<message id="newInvoice" name="新发票" />""");
        sim.Message("新发票");
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void The_legacy_activiti_namespace_bound_to_the_camunda_prefix_is_read_as_camundas()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://activiti.org/bpmn" id="d" targetNamespace="t">
              <process id="p" isExecutable="true">
                <startEvent id="s" />
                <userTask id="approve" camunda:assignee="${approver}" camunda:candidateGroups="accounting">
                  <extensionElements><camunda:formData><camunda:formField id="ok" type="boolean"><camunda:validation><camunda:constraint name="required" /></camunda:validation></camunda:formField></camunda:formData></extensionElements>
                </userTask>
                <endEvent id="e" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="approve" /><sequenceFlow id="f2" sourceRef="approve" targetRef="e" />
              </process>
            </definitions>
            """;
        var document = BpmnReader.Parse(xml);
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        var task = document.Processes[0].Node("approve").UserTask!;
        task.Assignee.ShouldNotBeNull();
        task.CandidateRoles.ShouldBe(["accounting"]);
        task.Form.ShouldHaveSingleItem().Required.ShouldBeTrue();
    }

    [Fact]
    public void A_hash_expression_is_read_as_a_dollar_expression()
    {
        var sim = Play.Model("""
            <startEvent id="s" /><userTask id="t"><multiInstanceLoopCharacteristics camunda:collection="#{reviewers}" camunda:elementVariable="r" /></userTask><endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="t" /><sequenceFlow id="f2" sourceRef="t" targetRef="e"><conditionExpression>#{true}</conditionExpression></sequenceFlow>
            """, new { reviewers = new object?[] { "a", "b" } });
        sim.OpenTasks.Count().ShouldBe(2);
    }

    [Fact]
    public void Category_value_references_are_read_past()
    {
        var document = BpmnReader.Parse(Xml("""
            <startEvent id="s"><categoryValueRef>cv1</categoryValueRef></startEvent><endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="e" />
            <group id="g" categoryValueRef="cv1" />
            <categoryValueRef>cv1</categoryValueRef>
            """, roots: """<category id="c"><categoryValue id="cv1" value="收件" /></category>"""));
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
    }

    [Fact]
    public void An_error_reference_naming_no_error_is_the_code_as_in_Camunda_with_a_warning()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><endEvent id="fail"><errorEventDefinition errorRef="MISSING_DOCS" /></endEvent>{Chain("ss", "fail")}</subProcess>
            <boundaryEvent id="caught" attachedToRef="sub"><errorEventDefinition errorRef="MISSING_DOCS" /></boundaryEvent>
            <endEvent id="done" /><endEvent id="handled" />
            {Chain("s", "sub", "done")}{Flow("caught", "handled")}
            """));
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.ElementId == "fail" && p.MessageEn.Contains("MISSING_DOCS"));
        var sim = new CoBan.Workflow.Engine.Simulation.Simulator(document, Play.Options()).Start(null, null, Clock.T0);
        sim.Trace.ShouldContain("handled");
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_in_text_and_in_bytes()
    {
        var xml = Xml($"""<startEvent id="s" /><endEvent id="e" />{Chain("s", "e")}""");
        BpmnReader.Parse("\uFEFF" + xml).HasErrors.ShouldBeFalse();
        BpmnReader.Parse([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(xml)]).HasErrors.ShouldBeFalse();
    }

    [Fact]
    public void A_model_whose_processes_do_not_compile_still_declares_them_for_a_draft()
    {
        var document = BpmnReader.Parse(Xml($"""<startEvent id="s" /><scriptTask id="calc" /><endEvent id="e" />{Chain("s", "calc", "e")}""").Replace("isExecutable=\"true\"", "isExecutable=\"false\" name=\"发票\""));
        document.Processes.ShouldBeEmpty();
        document.MainDeclared.ShouldBe(new DeclaredProcess("p", "发票", false));
    }

    [Theory]
    [InlineData("miwg/C.1.0.bpmn")]
    [InlineData("miwg/C.1.1.bpmn")]
    public void Camundas_invoice_model_is_read_with_its_activiti_namespace_and_named_problems_only(string file)
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(Corpus(file)));
        document.MainDeclared.ShouldNotBeNull();
        document.Problems.Where(p => p.Severity == ProblemSeverity.Error).ShouldAllBe(p => p.ElementId != null || p.ElementType == "definitions");
    }
}
