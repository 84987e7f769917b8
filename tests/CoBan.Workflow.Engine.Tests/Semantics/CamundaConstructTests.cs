using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>Constructs Camunda 7 runs: link events, errorCodeVariable, ${} in names, potentialOwner and humanPerformer, escalation across a call.</summary>
public class CamundaConstructTests
{
    [Fact]
    public void A_link_throw_goes_on_at_the_link_catch_of_the_same_name()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><intermediateThrowEvent id="goA"><linkEventDefinition name="A" /></intermediateThrowEvent>
            <intermediateCatchEvent id="atA"><linkEventDefinition name="A" /></intermediateCatchEvent><userTask id="t" /><endEvent id="e" />
            {Chain("s", "goA")}{Chain("atA", "t", "e")}
            """);
        sim.WaitingAt.ShouldBe(["t"]);
        sim.Trace.ShouldBe(["s", "goA", "atA", "t"]);
    }

    [Fact]
    public void A_link_throw_without_its_catch_is_a_named_error()
    {
        var document = BpmnReader.Parse(Xml($"""<startEvent id="s" /><intermediateThrowEvent id="goA"><linkEventDefinition name="A" /></intermediateThrowEvent>{Chain("s", "goA")}"""));
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Error && p.ElementId == "goA" && p.MessageEn.Contains("no link catch event named 'A'"));
    }

    [Fact]
    public void The_caught_error_code_is_stored_in_the_error_code_variable()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><serviceTask id="svc" coban:action="x" /><endEvent id="e" />
            <boundaryEvent id="b" attachedToRef="svc"><errorEventDefinition camunda:errorCodeVariable="why" /></boundaryEvent><userTask id="fix" />
            {Chain("s", "svc", "e")}{Flow("b", "fix")}
            """, options: Play.Options(services: new() { ["svc"] = new(ErrorCode: "NO_LICENCE") }));
        sim.WaitingAt.ShouldBe(["fix"]);
        sim.State().Variables["why"].ShouldBe("NO_LICENCE");
    }

    [Fact]
    public void Task_message_and_signal_names_with_expressions_are_evaluated_when_used()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><userTask id="t" name="审核 ${caseNo}" />
            <intermediateCatchEvent id="wait"><messageEventDefinition messageRef="m" /></intermediateCatchEvent><endEvent id="e" />
            {{Chain("s", "t", "wait", "e")}}
            """, new { caseNo = "A-7" }, roots: """<message id="m" name="材料-${caseNo}" />""");
        sim.Of<CreateUserTask>().Single().Name.ShouldBe("审核 A-7");
        sim.Complete("t");
        sim.Of<SubscribeMessage>().Single().MessageName.ShouldBe("材料-A-7");
        sim.Message("材料-A-7").Status.ShouldBe("completed");
    }

    [Fact]
    public void Potential_owners_are_candidates_and_the_human_performer_is_the_assignee()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="t">
              <humanPerformer><resourceAssignmentExpression><formalExpression>${clerk}</formalExpression></resourceAssignmentExpression></humanPerformer>
              <potentialOwner><resourceAssignmentExpression><formalExpression>group(coordinator), user(li.na), dutyLeader</formalExpression></resourceAssignmentExpression></potentialOwner>
            </userTask>
            {{Chain("s", "t")}}
            """, new { clerk = "zhang.wei" });
        var task = sim.Of<CreateUserTask>().Single();
        task.Assignee.ShouldBe("zhang.wei");
        task.CandidateRoles.ShouldBe(["coordinator", "dutyLeader"]);
        task.CandidateUsers.ShouldBe(["li.na"]);
    }

    [Fact]
    public void An_escalation_the_called_process_does_not_catch_is_caught_on_the_call_activity()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><callActivity id="call" calledElement="child" /><endEvent id="e" />
            <boundaryEvent id="late" attachedToRef="call" cancelActivity="false"><escalationEventDefinition escalationRef="esc" /></boundaryEvent><userTask id="chase" />
            {Chain("s", "call", "e")}{Flow("late", "chase")}
            """, roots: """<escalation id="esc" escalationCode="LATE" />""", extraProcesses: $"""
            <process id="child" isExecutable="false">
              <startEvent id="cs" /><intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="esc" /></intermediateThrowEvent><userTask id="work" /><endEvent id="ce" />
              {Chain("cs", "raise", "work", "ce")}
            </process>
            """);
        sim.WaitingAt.Order().ShouldBe(["call", "chase", "work"]);
    }

    [Fact]
    public void A_signal_start_event_starts_a_new_instance_each_time_the_signal_is_sent()
    {
        var document = Bpmn.Parse($"""
            <startEvent id="onRoster"><signalEventDefinition signalRef="sig" /></startEvent><userTask id="t" /><endEvent id="e" />
            {Chain("onRoster", "t", "e")}
            """, roots: """<signal id="sig" name="名册发布" />""");
        document.Processes[0].SignalStarts.ShouldHaveSingleItem().Id.ShouldBe("onRoster");
        var sim = new CoBan.Workflow.Engine.Simulation.Simulator(document, Play.Options());
        sim.Signal("名册发布").Signal("名册发布");
        sim.OpenTasks.Count().ShouldBe(2);
    }

    [Fact]
    public void A_standard_loop_runs_its_activity_again_while_the_condition_holds()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="fix"><standardLoopCharacteristics><loopCondition>${!ok}</loopCondition></standardLoopCharacteristics></userTask>
            <endEvent id="e" />
            {{Chain("s", "fix", "e")}}
            """);
        sim.Complete("fix", Play.Vars(new { ok = false }));
        sim.Complete("fix", Play.Vars(new { ok = false })).WaitingAt.ShouldBe(["fix"]);
        sim.Complete("fix", Play.Vars(new { ok = true })).Status.ShouldBe("completed");
        sim.Of<CreateUserTask>().Count().ShouldBe(3);
    }

    [Fact]
    public void A_standard_loop_stops_at_its_maximum_and_a_test_before_loop_may_not_run_at_all()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="again"><standardLoopCharacteristics loopMaximum="2"><loopCondition>${true}</loopCondition></standardLoopCharacteristics></userTask>
            <userTask id="never"><standardLoopCharacteristics testBefore="true"><loopCondition>${false}</loopCondition></standardLoopCharacteristics></userTask>
            <endEvent id="e" />
            {{Chain("s", "again", "never", "e")}}
            """);
        sim.Complete("again").Complete("again").Status.ShouldBe("completed");
        sim.Of<CreateUserTask>().Count().ShouldBe(2);
    }

    [Fact]
    public void A_receive_task_without_a_message_waits_for_a_person_to_confirm_it()
    {
        var sim = Play.Model($"""<startEvent id="s" /><receiveTask id="got" name="材料已收到" /><endEvent id="e" />{Chain("s", "got", "e")}""");
        sim.Of<CreateUserTask>().Single().Manual.ShouldBeTrue();
        sim.Complete("got").Status.ShouldBe("completed");
    }

    [Fact]
    public void A_conditional_catch_waits_until_its_condition_holds_after_the_variables_change()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><intermediateCatchEvent id="ready"><conditionalEventDefinition><condition>${complete == true}</condition></conditionalEventDefinition></intermediateCatchEvent>
            <endEvent id="e" />
            {{Chain("s", "ready", "e")}}
            """);
        sim.WaitingAt.ShouldBe(["ready"]);
        var set = Executor.Advance(sim.Main!.Definition, sim.State(), new SetVariables(new Dictionary<string, object?> { ["complete"] = false }), Clock.T0);
        set.State.IsEnded.ShouldBeFalse();
        var done = Executor.Advance(sim.Main!.Definition, set.State, new SetVariables(new Dictionary<string, object?> { ["complete"] = true }), Clock.T0);
        done.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public void A_non_interrupting_conditional_boundary_fires_when_its_condition_becomes_true_and_again_only_after_it_was_false()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><userTask id="review" /><endEvent id="e" />
            <boundaryEvent id="urgent" attachedToRef="review" cancelActivity="false"><conditionalEventDefinition><condition>${priority &gt; 5}</condition></conditionalEventDefinition></boundaryEvent>
            <userTask id="escalate" />
            {{Chain("s", "review", "e")}}{{Flow("urgent", "escalate")}}
            """, new { priority = 1 });
        var def = sim.Main!.Definition;
        InstanceState Set(InstanceState state, long p) => Executor.Advance(def, state, new SetVariables(new Dictionary<string, object?> { ["priority"] = p }), Clock.T0).State;
        var state = Set(sim.State(), 7);
        state = Set(state, 8);
        state.WaitingAt.Count(w => w == "escalate").ShouldBe(1);
        state = Set(Set(state, 2), 9);
        state.WaitingAt.Count(w => w == "escalate").ShouldBe(2);
        state.WaitingAt.ShouldContain("review");
    }

    [Fact]
    public void An_interrupting_conditional_event_sub_process_takes_over_when_its_condition_holds()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><userTask id="review" /><endEvent id="e" />
            {{Chain("s", "review", "e")}}
            <subProcess id="withdrawn" triggeredByEvent="true">
              <startEvent id="ws"><conditionalEventDefinition><condition>${withdrawn}</condition></conditionalEventDefinition></startEvent>
              <userTask id="archive" /><endEvent id="we" />{{Chain("ws", "archive", "we")}}
            </subProcess>
            """);
        var state = Executor.Advance(sim.Main!.Definition, sim.State(), new SetVariables(new Dictionary<string, object?> { ["withdrawn"] = true }), Clock.T0).State;
        state.WaitingAt.ShouldBe(["archive"]);
    }
}
