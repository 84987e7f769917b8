using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>Event sub-processes (BPMN 2.0 §10.3.5), as Camunda 7 runs them.</summary>
public class EventSubProcessTests
{
    private static string Body(string eventSubProcess) => $"""
        <startEvent id="s" /><userTask id="review" /><endEvent id="e" />
        {Chain("s", "review", "e")}
        {eventSubProcess}
        """;

    private static string Esp(string startDefinition, bool interrupting = true, string id = "esp", string inner = """<userTask id="handle" />""") => $"""
        <subProcess id="{id}" triggeredByEvent="true">
          <startEvent id="{id}Start" isInterrupting="{(interrupting ? "true" : "false")}">{startDefinition}</startEvent>
          {inner}<endEvent id="{id}End" />
          {(inner.Length > 0 ? Chain(id + "Start", "handle", id + "End") : Chain(id + "Start", id + "End"))}
        </subProcess>
        """;

    private const string Withdraw = """<message id="m" name="申请人撤回" />""";

    [Fact]
    public void An_interrupting_message_event_sub_process_cancels_the_scope_and_the_instance_ends_with_it()
    {
        var sim = Play.Model(Body(Esp("""<messageEventDefinition messageRef="m" />""")), roots: Withdraw);
        sim.Of<SubscribeMessage>().ShouldHaveSingleItem().MessageName.ShouldBe("申请人撤回");
        sim.Message("申请人撤回");
        sim.Of<CancelUserTask>().ShouldHaveSingleItem().ElementId.ShouldBe("review");
        sim.WaitingAt.ShouldBe(["handle"]);
        sim.Complete("handle").Status.ShouldBe("completed");
        sim.Trace.ShouldContain("espEnd");
        sim.Trace.ShouldNotContain("e");
    }

    [Fact]
    public void A_non_interrupting_timer_event_sub_process_runs_beside_the_scope_which_waits_for_it()
    {
        var sim = Play.Model(Body(Esp("""<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>""", interrupting: false)));
        sim.Advance("PT1H");
        sim.WaitingAt.Order().ShouldBe(["handle", "review"]);
        sim.Complete("review").Status.ShouldBe("waiting");
        sim.Complete("handle").Status.ShouldBe("completed");
    }

    [Fact]
    public void A_non_interrupting_message_event_sub_process_keeps_listening_and_runs_each_time()
    {
        var sim = Play.Model(Body(Esp("""<messageEventDefinition messageRef="m" />""", interrupting: false)), roots: Withdraw);
        sim.Message("申请人撤回").Message("申请人撤回");
        sim.OpenTasks.Count(t => t.ElementId == "handle").ShouldBe(2);
        sim.OpenTasks.ShouldContain(t => t.ElementId == "review");
    }

    [Fact]
    public void When_the_scope_ends_its_listeners_are_withdrawn()
    {
        var sim = Play.Model(Body(Esp("""<signalEventDefinition signalRef="sig" />""")), roots: """<signal id="sig" name="停办" />""");
        sim.Complete("review").Status.ShouldBe("completed");
        sim.Of<UnsubscribeSignal>().ShouldHaveSingleItem();
    }

    [Fact]
    public void An_error_event_sub_process_catches_an_error_thrown_in_its_scope_before_any_boundary_outside()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" /><endEvent id="fail"><errorEventDefinition errorRef="err" /></endEvent>{Chain("ss", "fail")}
              {Esp("""<errorEventDefinition errorRef="err" />""", id: "inner")}
            </subProcess>
            <boundaryEvent id="outer" attachedToRef="sub"><errorEventDefinition errorRef="err" /></boundaryEvent>
            <endEvent id="e" /><endEvent id="caughtOutside" />
            {Chain("s", "sub", "e")}{Flow("outer", "caughtOutside")}
            """, roots: """<error id="err" errorCode="MISSING" />""");
        sim.WaitingAt.ShouldBe(["handle"]);
        sim.Complete("handle").Status.ShouldBe("completed");
        sim.Trace.ShouldContain("e");
        sim.Trace.ShouldNotContain("caughtOutside");
    }

    [Fact]
    public void A_process_level_error_event_sub_process_catches_a_service_failure_with_that_code()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><serviceTask id="svc" coban:action="x" /><endEvent id="e" />
            {Chain("s", "svc", "e")}
            {Esp("""<errorEventDefinition errorRef="err" />""")}
            """, roots: """<error id="err" errorCode="REFUSED" />""", options: Play.Options(services: new() { ["svc"] = new(ErrorCode: "REFUSED") }));
        sim.WaitingAt.ShouldBe(["handle"]);
    }

    [Fact]
    public void A_non_interrupting_escalation_event_sub_process_runs_while_the_thrower_goes_on()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="esc" /></intermediateThrowEvent>
            <userTask id="review" /><endEvent id="e" />
            {Chain("s", "raise", "review", "e")}
            {Esp("""<escalationEventDefinition escalationRef="esc" />""", interrupting: false)}
            """, roots: """<escalation id="esc" escalationCode="LATE" />""");
        sim.WaitingAt.Order().ShouldBe(["handle", "review"]);
    }

    [Fact]
    public void An_event_sub_process_in_a_sub_process_listens_only_while_the_sub_process_runs()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub"><startEvent id="ss" /><userTask id="inside" /><endEvent id="se" />{Chain("ss", "inside", "se")}
              {Esp("""<messageEventDefinition messageRef="m" />""")}
            </subProcess>
            <userTask id="after" /><endEvent id="e" />
            {Chain("s", "sub", "after", "e")}
            """, roots: Withdraw);
        sim.Message("申请人撤回");
        sim.WaitingAt.ShouldBe(["handle"]);
        sim.Complete("handle");
        sim.WaitingAt.ShouldBe(["after"]);
        sim.Of<UnsubscribeMessage>().ShouldHaveSingleItem(); // the interrupting listener went with the scope it cancelled
    }

    [Fact]
    public void An_event_sub_process_without_a_triggered_start_or_with_flows_is_refused_by_name()
    {
        var document = BpmnReader.Parse(Xml($"""
            <startEvent id="s" /><endEvent id="e" />{Chain("s", "e")}
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="none" /><endEvent id="x" />{Chain("none", "x")}</subProcess>
            <subProcess id="esp2" triggeredByEvent="true"><startEvent id="err2" isInterrupting="false"><errorEventDefinition /></startEvent><endEvent id="x2" />{Chain("err2", "x2")}</subProcess>
            """));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "none" && p.MessageEn.Contains("event sub-process starts with"));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "err2" && p.MessageEn.Contains("must interrupt"));
    }
}
