using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>Compensation as Camunda 7 runs it: handlers of completed activities, most recent first; the throw waits for them.</summary>
public class CompensationTests
{
    private static string Compensable(string id, string handler, string handlerKind = "userTask") => $"""
        <serviceTask id="{id}" coban:action="x" />
        <boundaryEvent id="{id}Undo" attachedToRef="{id}"><compensateEventDefinition /></boundaryEvent>
        <{handlerKind} id="{handler}" isForCompensation="true" {(handlerKind == "serviceTask" ? "coban:action=\"x\"" : "")} />
        <association id="{id}Assoc" associationDirection="One" sourceRef="{id}Undo" targetRef="{handler}" />
        """;

    [Fact]
    public void A_compensation_end_event_runs_the_handler_of_the_completed_activity_and_the_instance_ends_after_it()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />{Compensable("book", "cancelBooking")}
            <userTask id="confirm" /><endEvent id="undo"><compensateEventDefinition /></endEvent>
            {Chain("s", "book", "confirm", "undo")}
            """);
        sim.Complete("confirm");
        sim.WaitingAt.Order().ShouldBe(["cancelBooking", "undo"]);
        sim.Complete("cancelBooking").Status.ShouldBe("completed");
    }

    [Fact]
    public void Compensate_all_runs_the_handlers_most_recent_first_and_the_throw_goes_on_after_them()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />{Compensable("book", "unbook", "serviceTask")}{Compensable("pay", "refund", "serviceTask")}
            <intermediateThrowEvent id="undo"><compensateEventDefinition /></intermediateThrowEvent><userTask id="after" />
            {Chain("s", "book", "pay", "undo", "after")}
            """);
        sim.WaitingAt.ShouldBe(["after"]);
        var trace = sim.Trace;
        trace.IndexOf("refund").ShouldBeLessThan(trace.IndexOf("unbook"));
        trace.IndexOf("unbook").ShouldBeLessThan(trace.IndexOf("after"));
    }

    [Fact]
    public void An_activity_ref_compensates_that_activity_only_and_nothing_completed_means_nothing_to_do()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />{Compensable("book", "unbook", "serviceTask")}{Compensable("pay", "refund", "serviceTask")}
            <intermediateThrowEvent id="undoPay"><compensateEventDefinition activityRef="pay" /></intermediateThrowEvent><userTask id="after" />
            {Chain("s", "book", "pay", "undoPay", "after")}
            """);
        sim.Trace.ShouldContain("refund");
        sim.Trace.ShouldNotContain("unbook");
        sim.WaitingAt.ShouldBe(["after"]);
    }

    [Fact]
    public void A_compensation_boundary_without_its_handler_association_is_a_named_error()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><serviceTask id="pay" coban:action="x" /><boundaryEvent id="undo" attachedToRef="pay"><compensateEventDefinition /></boundaryEvent><endEvent id="e" />
            {Chain("s", "pay", "e")}
            """));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "undo" && p.MessageEn.Contains("association to its compensation handler"));
    }

    [Fact]
    public void A_cancel_end_event_rolls_the_transaction_back_by_compensation_and_leaves_by_its_cancel_boundary()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <transaction id="tx">
              <startEvent id="ts" />{Compensable("book", "unbook")}<exclusiveGateway id="ok" default="toCancel" />
              <endEvent id="done" /><endEvent id="cancel"><cancelEventDefinition /></endEvent>
              {Chain("ts", "book", "ok")}{Flow("ok", "done", condition: "${paid}")}{Flow("ok", "cancel", id: "toCancel")}
            </transaction>
            <boundaryEvent id="cancelled" attachedToRef="tx"><cancelEventDefinition /></boundaryEvent>
            <userTask id="tellApplicant" /><endEvent id="e" /><endEvent id="ce" />
            {Chain("s", "tx", "e")}{Chain("cancelled", "tellApplicant", "ce")}
            """, new { paid = false });
        sim.WaitingAt.Order().ShouldBe(["cancel", "unbook"]);
        sim.Complete("unbook");
        sim.WaitingAt.ShouldBe(["tellApplicant"]);
        sim.Trace.ShouldNotContain("e");
    }

    [Fact]
    public void A_cancel_end_event_outside_a_transaction_is_a_named_error()
    {
        var document = BpmnReader.Parse(Xml($"""<startEvent id="s" /><endEvent id="c"><cancelEventDefinition /></endEvent>{Chain("s", "c")}"""));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "c" && p.MessageEn.Contains("inside a transaction"));
    }
}
