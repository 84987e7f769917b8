using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class SubProcessTests
{
    [Fact]
    public void An_embedded_sub_process_runs_its_inside_then_continues()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub"><startEvent id="ss" /><userTask id="inner" /><endEvent id="se" />{Chain("ss", "inner", "se")}</subProcess>
            <endEvent id="e" />
            {Chain("s", "sub", "e")}
            """);
        sim.WaitingAt.ShouldBe(["inner"]);
        sim.State().Executions.Single(x => x.ElementId == "sub").State.ShouldBe(ExecutionState.Scope);
        sim.Complete("inner");
        sim.Trace.ShouldBe(["s", "sub", "ss", "inner", "se", "e"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_terminate_end_event_in_a_sub_process_ends_only_that_sub_process()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub">
              <startEvent id="ss" /><parallelGateway id="fork" /><userTask id="slow" /><endEvent id="stop"><terminateEventDefinition /></endEvent>
              {Flow("ss", "fork")}{Flow("fork", "slow")}{Flow("fork", "stop")}
            </subProcess>
            <userTask id="after" /><endEvent id="e" />
            {Chain("s", "sub", "after", "e")}
            """);
        sim.WaitingAt.ShouldBe(["after"]);
        sim.Of<CancelUserTask>().ShouldHaveSingleItem().ElementId.ShouldBe("slow");
        sim.Status.ShouldBe("waiting");
    }

    [Fact]
    public void A_terminate_end_event_at_the_process_level_ends_the_instance_with_every_branch()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><parallelGateway id="fork" /><userTask id="a" /><userTask id="b" />
            <endEvent id="stop"><terminateEventDefinition /></endEvent><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}{Flow("a", "stop")}{Flow("b", "e")}
            """);
        sim.Complete("a");
        sim.Status.ShouldBe("completed");
        sim.Of<CancelUserTask>().ShouldHaveSingleItem().ElementId.ShouldBe("b");
        sim.Of<InstanceCompleted>().Single().EndEventId.ShouldBe("stop");
    }

    [Fact]
    public void An_error_end_event_in_a_sub_process_is_caught_by_the_sub_process_boundary()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub"><startEvent id="ss" /><endEvent id="fail"><errorEventDefinition errorRef="err" /></endEvent>{Flow("ss", "fail")}</subProcess>
            <boundaryEvent id="caught" attachedToRef="sub"><errorEventDefinition errorRef="err" /></boundaryEvent>
            <endEvent id="ok" /><endEvent id="handled" />
            {Chain("s", "sub", "ok")}{Flow("caught", "handled")}
            """, roots: """<error id="err" errorCode="MATERIALS_FORGED" />""");
        sim.Trace.ShouldBe(["s", "sub", "ss", "fail", "caught", "handled"]);
    }

    [Fact]
    public void A_sub_process_without_a_start_event_starts_at_its_nodes_without_incoming_flows()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="sub"><userTask id="x" /><userTask id="y" /></subProcess>
            <endEvent id="e" />
            {Chain("s", "sub", "e")}
            """);
        sim.OpenTasks.Select(t => t.ElementId).OrderBy(x => x).ShouldBe(["x", "y"]);
        sim.Complete("x").Complete("y").Status.ShouldBe("completed");
    }

    [Fact]
    public void Cancelling_an_instance_withdraws_every_task_timer_and_subscription()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><parallelGateway id="fork" /><userTask id="a" />
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="msg"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            {Flow("s", "fork")}{Flow("fork", "a")}{Flow("fork", "wait")}{Flow("fork", "msg")}
            """, roots: """<message id="m" name="x" />""");
        sim.Cancel("申请人撤件");
        sim.State().Status.ShouldBe(InstanceStatus.Terminated);
        sim.Of<CancelUserTask>().ShouldHaveSingleItem();
        sim.Of<CancelTimer>().ShouldHaveSingleItem();
        sim.Of<UnsubscribeMessage>().ShouldHaveSingleItem();
        sim.Of<InstanceTerminated>().Single().Reason.ShouldBe("申请人撤件");
    }
}
