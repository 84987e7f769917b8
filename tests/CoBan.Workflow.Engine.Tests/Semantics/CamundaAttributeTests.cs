using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>camunda:priority, camunda:resultVariable, process-level conditional start events, compensation event sub-processes.</summary>
public class CamundaAttributeTests
{
    [Fact]
    public void A_user_tasks_priority_is_on_the_task_command_as_a_number_or_an_evaluated_expression()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><userTask id="fixed" camunda:priority="80" /><userTask id="computed" camunda:priority="${urgent ? 90 : 20}" /><userTask id="none" /><endEvent id="e" />
            {{Chain("s", "fixed", "computed", "none", "e")}}
            """, new { urgent = true });
        sim.Complete("fixed").Complete("computed");
        sim.Of<CreateUserTask>().Select(t => t.Priority).ShouldBe([80, 90, null]);
    }

    [Fact]
    public void A_priority_that_is_not_a_whole_number_stops_the_task_with_an_incident_naming_it()
    {
        var sim = Play.Model($$"""<startEvent id="s" /><userTask id="t" camunda:priority="${level}" /><endEvent id="e" />{{Chain("s", "t", "e")}}""", new { level = "high" });
        sim.Status.ShouldBe("failed");
        sim.OpenIncidents.Single().ShouldContain("priority");
    }

    [Fact]
    public void A_result_variable_holds_the_services_answer_as_one_map_instead_of_merging_it()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><serviceTask id="lookup" coban:action="registry.lookup" camunda:resultVariable="registry" /><userTask id="t" /><endEvent id="e" />
            {Chain("s", "lookup", "t", "e")}
            """, options: Play.Options(services: new() { ["lookup"] = new(Variables: new Dictionary<string, object?> { ["licence"] = "A-1", ["valid"] = true }) }));
        var registry = sim.State().Variables["registry"].ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>()!;
        registry["licence"].ShouldBe("A-1");
        registry["valid"].ShouldBe(true);
        sim.State().Variables.ContainsKey("licence").ShouldBeFalse();
    }

    [Fact]
    public void Priority_and_result_variable_are_read_and_raise_no_unhonoured_warning()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><userTask id="t" camunda:priority="10" /><serviceTask id="svc" camunda:class="x.Y" camunda:resultVariable="r" /><endEvent id="e" />{Chain("s", "t", "svc", "e")}
            """));
        document.Problems.ShouldNotContain(p => p.MessageEn.Contains("camunda:priority") || p.MessageEn.Contains("camunda:resultVariable"));
    }

    private static readonly string ConditionalStart = $$"""
        <startEvent id="whenReady"><conditionalEventDefinition><condition>${temperature &gt; 30}</condition></conditionalEventDefinition></startEvent>
        <userTask id="cool" /><endEvent id="e" />{{Chain("whenReady", "cool", "e")}}
        """;

    [Fact]
    public void A_conditional_start_event_starts_an_instance_when_the_evaluated_variables_satisfy_it()
    {
        var document = Parse(ConditionalStart);
        document.Processes[0].ConditionalStarts.Single().Id.ShouldBe("whenReady");
        var sim = new Simulator(document, Play.Options());
        sim.EvaluateStartConditions(Play.Vars(new { temperature = 20 })!).Instances.ShouldBeEmpty();
        sim.EvaluateStartConditions(Play.Vars(new { humidity = 90 })!).Instances.ShouldBeEmpty();
        sim.EvaluateStartConditions(Play.Vars(new { temperature = 35 })!).OpenTasks.Single().ElementId.ShouldBe("cool");
        sim.Main!.State!.Variables["temperature"].ShouldBe(35L);
    }

    [Fact]
    public void Start_conditions_answer_which_start_events_hold_without_starting_anything()
    {
        var process = Parse(ConditionalStart).Processes[0];
        StartConditions.Holding(process, Play.Vars(new { temperature = 31 }), Clock.T0).Select(s => s.Id).ShouldBe(["whenReady"]);
        StartConditions.Holding(process, null, Clock.T0).ShouldBeEmpty();
    }

    [Fact]
    public void A_compensation_event_sub_process_at_process_level_or_beside_a_compensation_boundary_is_a_named_error()
    {
        var atProcessLevel = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><endEvent id="e" />{Flow("s", "e")}
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="cs"><compensateEventDefinition /></startEvent><endEvent id="ce" />{Flow("cs", "ce")}</subProcess>
            """));
        atProcessLevel.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "cs" && p.MessageEn.Contains("belongs inside a sub-process"));
        var both = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><endEvent id="se" />{Flow("ss", "se")}
              <subProcess id="esp" triggeredByEvent="true"><startEvent id="cs"><compensateEventDefinition /></startEvent><endEvent id="ce" />{Flow("cs", "ce")}</subProcess></subProcess>
            <boundaryEvent id="b" attachedToRef="sub"><compensateEventDefinition /></boundaryEvent><userTask id="undo" isForCompensation="true" />
            <association id="a" sourceRef="b" targetRef="undo" /><endEvent id="e" />{Chain("s", "sub", "e")}
            """));
        both.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "cs" && p.MessageEn.Contains("one handler only"));
    }

    [Fact]
    public void A_compensation_event_sub_process_is_not_run_while_its_sub_process_runs_nor_once_the_process_has_ended()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub"><startEvent id="ss" /><userTask id="work" /><endEvent id="se" />{Chain("ss", "work", "se")}
              <subProcess id="esp" triggeredByEvent="true"><startEvent id="cs"><compensateEventDefinition /></startEvent><userTask id="undoAll" /><endEvent id="ce" />{Chain("cs", "undoAll", "ce")}</subProcess></subProcess>
            <endEvent id="e" />{Chain("s", "sub", "e")}
            """);
        sim.OpenTasks.Single().ElementId.ShouldBe("work");
        sim.Complete("work").Status.ShouldBe("completed");
        sim.Trace.ShouldNotContain("undoAll");
    }
}
