using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class BoundaryTests
{
    private static string TaskWithTimer(bool interrupting, string timer) => $"""
        <startEvent id="s" /><userTask id="review" /><endEvent id="done" />
        <boundaryEvent id="timeout" attachedToRef="review" cancelActivity="{(interrupting ? "true" : "false")}">{timer}</boundaryEvent>
        <endEvent id="timedOut" />
        {Chain("s", "review", "done")}{Flow("timeout", "timedOut")}
        """;

    [Fact]
    public void An_interrupting_timer_cancels_the_task_and_continues_from_the_boundary()
    {
        var sim = Play.Model(TaskWithTimer(true, "<timerEventDefinition><timeDuration>PT0.01S</timeDuration></timerEventDefinition>"));
        sim.Of<ScheduleTimer>().Single().Due.ShouldBe(Clock.T0.AddMilliseconds(10));
        sim.Advance("PT1S");
        sim.Trace.ShouldBe(["s", "review", "timeout", "timedOut"]);
        sim.Of<CancelUserTask>().ShouldHaveSingleItem().ElementId.ShouldBe("review");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Completing_the_task_first_cancels_its_boundary_timer_and_a_late_firing_is_ignored()
    {
        var sim = Play.Model(TaskWithTimer(true, "<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"));
        var timer = sim.Of<ScheduleTimer>().Single();
        sim.Complete("review");
        sim.Of<CancelTimer>().Single().TimerId.ShouldBe(timer.TimerId);
        sim.Status.ShouldBe("completed");
        var late = Executor.Advance(sim.Main!.Definition, sim.State(), new FireTimer(timer.TimerId), Clock.T0.AddHours(1));
        late.Outcome.ShouldBe(AdvanceOutcome.Ignored);
    }

    [Fact]
    public void A_non_interrupting_timer_cycle_fires_each_repetition_while_the_task_keeps_waiting()
    {
        var sim = Play.Model(TaskWithTimer(false, "<timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition>"));
        sim.Advance("PT10H");
        sim.Trace.Count(t => t == "timeout").ShouldBe(3);
        sim.Trace.Count(t => t == "timedOut").ShouldBe(3);
        sim.Of<ScheduleTimer>().Select(t => t.Due).ShouldBe([Clock.T0.AddHours(1), Clock.T0.AddHours(2), Clock.T0.AddHours(3)]);
        sim.OpenTasks.ShouldHaveSingleItem();
        sim.Complete("review").Status.ShouldBe("completed");
    }

    [Fact]
    public void Parallel_join_after_an_interrupting_boundary_never_completes_wrongly()
    {
        // Task or its timer flow into a parallel join: after the timer interrupts, the task's branch
        // never arrives, so the join must keep waiting (bpmn-engine completes here by discarding).
        var model = $"""
            <startEvent id="s" /><userTask id="task" /><parallelGateway id="join" /><endEvent id="e" />
            <boundaryEvent id="timer" attachedToRef="task"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            {Chain("s", "task", "join", "e")}{Flow("timer", "join")}
            """;
        var byTimer = Play.Model(model).Advance("PT2H");
        byTimer.Status.ShouldBe("waiting");
        byTimer.WaitingAt.ShouldBe(["join"]);
        byTimer.Trace.ShouldNotContain("e");

        var byTask = Play.Model(model).Complete("task");
        byTask.Status.ShouldBe("waiting");
        byTask.WaitingAt.ShouldBe(["join"]);
    }

    [Fact]
    public void An_error_from_a_service_is_caught_by_the_matching_boundary_in_preference_to_a_catch_all()
    {
        var model = $"""
            <startEvent id="s" /><serviceTask id="call" coban:action="gov.lookup" /><endEvent id="ok" />
            <boundaryEvent id="notFound" attachedToRef="call"><errorEventDefinition errorRef="errNotFound" /></boundaryEvent>
            <boundaryEvent id="anyError" attachedToRef="call"><errorEventDefinition /></boundaryEvent>
            <endEvent id="missing" /><endEvent id="broken" />
            {Chain("s", "call", "ok")}{Flow("notFound", "missing")}{Flow("anyError", "broken")}
            """;
        const string roots = """<error id="errNotFound" errorCode="NOT_FOUND" /><error id="errOther" errorCode="OTHER" />""";
        Play.Model(model, roots: roots, options: Play.Options(services: new() { ["call"] = new ServiceOutcome("NOT_FOUND") }))
            .Trace.ShouldBe(["s", "call", "notFound", "missing"]);
        Play.Model(model, roots: roots, options: Play.Options(services: new() { ["call"] = new ServiceOutcome("TIMEOUT") }))
            .Trace.ShouldBe(["s", "call", "anyError", "broken"]);
    }

    [Fact]
    public void A_message_boundary_on_a_sub_process_interrupts_everything_inside_it()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="handling">
              <startEvent id="hs" /><parallelGateway id="fork" /><userTask id="inspect" /><userTask id="approve" />
              {Flow("hs", "fork")}{Flow("fork", "inspect")}{Flow("fork", "approve")}
            </subProcess>
            <boundaryEvent id="withdrawn" attachedToRef="handling"><messageEventDefinition messageRef="m" /></boundaryEvent>
            <endEvent id="done" /><endEvent id="cancelled" />
            {Chain("s", "handling", "done")}{Flow("withdrawn", "cancelled")}
            """, roots: """<message id="m" name="撤件" />""");
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Message("撤件");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Of<CancelUserTask>().Count().ShouldBe(2);
        sim.Trace.Last().ShouldBe("cancelled");
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_non_interrupting_escalation_from_inside_a_sub_process_spawns_a_branch_and_the_sub_process_goes_on()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="handling">
              <startEvent id="hs" /><intermediateThrowEvent id="ask"><escalationEventDefinition escalationRef="esc" /></intermediateThrowEvent>
              <userTask id="work" /><endEvent id="he" />
              {Chain("hs", "ask", "work", "he")}
            </subProcess>
            <boundaryEvent id="toLeader" attachedToRef="handling" cancelActivity="false"><escalationEventDefinition escalationRef="esc" /></boundaryEvent>
            <userTask id="leaderLooks" /><endEvent id="done" />
            {Chain("s", "handling", "done")}{Flow("toLeader", "leaderLooks")}
            """, roots: """<escalation id="esc" escalationCode="OVERDUE" />""");
        sim.OpenTasks.Select(t => t.ElementId).OrderBy(x => x).ShouldBe(["leaderLooks", "work"]);
        sim.Complete("work");
        sim.Trace.ShouldContain("done");
        sim.Complete("leaderLooks").Status.ShouldBe("completed");
    }

    [Fact]
    public void An_interrupting_escalation_boundary_cancels_the_sub_process()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <subProcess id="handling">
              <startEvent id="hs" /><parallelGateway id="fork" /><userTask id="work" /><endEvent id="raise"><escalationEventDefinition escalationRef="esc" /></endEvent>
              {Flow("hs", "fork")}{Flow("fork", "work")}{Flow("fork", "raise")}
            </subProcess>
            <boundaryEvent id="escalated" attachedToRef="handling"><escalationEventDefinition /></boundaryEvent>
            <endEvent id="done" /><endEvent id="leader" />
            {Chain("s", "handling", "done")}{Flow("escalated", "leader")}
            """, roots: """<escalation id="esc" escalationCode="X" />""");
        sim.Status.ShouldBe("completed");
        sim.Trace.Last().ShouldBe("leader");
        sim.OpenTasks.ShouldBeEmpty();
    }

    [Fact]
    public void A_signal_boundary_interrupts_when_the_signal_is_thrown_elsewhere_in_the_instance()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><parallelGateway id="fork" />
            <userTask id="a" /><userTask id="b" />
            <intermediateThrowEvent id="stopAll"><signalEventDefinition signalRef="sig" /></intermediateThrowEvent>
            <boundaryEvent id="stopped" attachedToRef="b"><signalEventDefinition signalRef="sig" /></boundaryEvent>
            <endEvent id="ea" /><endEvent id="eb" /><endEvent id="es" />
            {Flow("s", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}{Chain("a", "stopAll", "ea")}{Flow("b", "eb")}{Flow("stopped", "es")}
            """, roots: """<signal id="sig" name="停止" />""");
        sim.Complete("a");
        sim.Of<BroadcastSignal>().Single().SignalName.ShouldBe("停止");
        sim.Trace.ShouldContain("stopped");
        sim.Status.ShouldBe("completed");
    }
}
