using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.EngineCases.EngineCase;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// succeeding-joins, one-or-the-other, parallel-fork-join-user-tasks, issue-163.
/// bpmn-engine completes the first two by discard propagation (a "discard" travels down every branch
/// not taken, so a parallel join merging alternatives still fires). CoBan's parallel join is strict
/// (BPMN 2.0 §13.3.3, as Camunda): it fires only when a token has arrived on every incoming flow, so
/// these models wait at the join for ever. The tests say so explicitly.
/// </summary>
public class JoinCases
{
    // ---- succeeding-joins.bpmn: fork → two XOR decisions and a direct flow into two chained parallel joins ----

    [Theory]
    [InlineData(true, false, new[] { "join2" })]
    [InlineData(false, true, new[] { "join1", "join2" })]
    [InlineData(true, true, new[] { "join1", "join2" })]
    [InlineData(false, false, new[] { "join1", "join2" })]
    public void Succeeding_joins_never_complete_with_strict_joins_whatever_the_decisions(bool takeJoin1, bool takeJoin2, string[] waiting)
    {
        // join1 needs takeJoin1 and not takeJoin2; join2 then needs not takeJoin1 and takeJoin2: no values satisfy both.
        // bpmn-engine differs: it completes for any values.
        var sim = Run("succeeding-joins.bpmn", new { takeJoin1, takeJoin2 });
        sim.Status.ShouldBe("waiting");
        sim.Trace.ShouldNotContain("end");
        sim.WaitingAt.Distinct().Order().ShouldBe(waiting);
        sim.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Succeeding_joins_with_the_decision_variables_unset_stop_at_both_decisions_because_a_condition_must_be_boolean()
    {
        // ${variables.takeJoin1} reads a missing variable as null, as bpmn-engine does; but a null condition is an
        // error in CoBan rather than false, so each decision raises an incident naming its flow.
        var sim = Run("succeeding-joins.bpmn");
        var incidents = sim.Of<RaiseIncident>().ToList();
        incidents.Select(i => i.ElementId).ShouldBe(["decision1", "decision2"]);
        incidents[0].MessageEn.ShouldStartWith("the condition of sequence flow 'flow-up-join1' failed");
        incidents[1].MessageEn.ShouldStartWith("the condition of sequence flow 'SequenceFlow_12ip5vh' failed");
        sim.Status.ShouldBe("failed");
    }

    // ---- one-or-the-other.bpmn: two manual tasks, each with an interrupting signal boundary, each followed by a throw of that signal ----

    [Theory]
    [InlineData("task1", "task2", "Event_1wx4moq", "Event_1ey9uic")]
    [InlineData("task2", "task1", "Event_1agh8kc", "Event_0nb69ki")]
    public void One_or_the_other_the_first_confirmed_task_cancels_the_other_by_signal_and_the_join_waits_for_ever(
        string confirmed, string cancelled, string thrower, string cancellingBoundary)
    {
        var sim = Run("one-or-the-other.bpmn");
        sim.OpenTasks.Select(t => t.ElementId).Order().ShouldBe(["task1", "task2"]);
        sim.OpenTasks.ShouldAllBe(t => t.Command.Manual);

        sim.Complete(confirmed);
        sim.Of<BroadcastSignal>().Single().SignalName.ShouldBe("Signal_30bqqmt");
        sim.Trace.ShouldContain(thrower);
        sim.Trace.ShouldContain(cancellingBoundary);
        sim.Of<CancelUserTask>().Single().ElementId.ShouldBe(cancelled);
        sim.OpenTasks.ShouldBeEmpty();
        // bpmn-engine differs: the cancelled branch is discarded and the run completes. CoBan's strict join waits.
        sim.WaitingAt.ShouldBe(["Gateway_1x31zun"]);
        sim.Trace.ShouldNotContain("Event_1arkwr4");
        sim.Status.ShouldBe("waiting");
    }

    // ---- parallel-fork-join-user-tasks.bpmn ----

    [Fact]
    public void Parallel_fork_join_fires_only_after_both_user_tasks_are_signalled()
    {
        var sim = Run("parallel-fork-join-user-tasks.bpmn");
        sim.OpenTasks.Select(t => t.ElementId).ShouldBe(["task1", "task2"]);
        sim.Complete("task2");
        sim.WaitingAt.Order().ShouldBe(["join", "task1"]);
        sim.Complete("task1");
        sim.Trace.ShouldBe(["theStart", "fork", "task1", "task2", "join", "join", "end"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Parallel_fork_join_state_saved_after_one_task_and_restored_continues_the_join()
    {
        var process = Document("parallel-fork-join-user-tasks.bpmn").Processes.Single();
        var started = Recovery.Advance(process, null, new Start(), Clock.T0);
        var tasks = started.Commands.OfType<CreateUserTask>().ToDictionary(t => t.ElementId, t => t.TaskId);
        var one = Recovery.Advance(process, started.State, new CompleteTask(tasks["task1"]), Clock.T0);
        one.State.WaitingAt.Order().ShouldBe(["join", "task2"]);

        var restored = Recovery.RoundTrip(one.State);
        var both = Executor.Advance(process, restored, new CompleteTask(tasks["task2"]), Clock.T0);
        both.State.Status.ShouldBe(InstanceStatus.Completed);
        both.Commands.OfType<InstanceCompleted>().Single().EndEventId.ShouldBe("end");
    }

    // ---- issue-163.bpmn: user task → sub-process with two user tasks (no start event) → user task → end ----

    [Fact]
    public void Issue_163_while_the_inner_task_waits_the_sub_process_is_its_scope_and_four_signals_complete_the_run()
    {
        var sim = Run("issue-163.bpmn");
        sim.Complete("Activity_1bpb168");
        // bpmn-engine's getPostponed() lists only the sub-process; CoBan lists the inner task that waits,
        // and holds the sub-process as the scope execution it lives in.
        sim.WaitingAt.ShouldBe(["Activity_0xqu0xt"]);
        var scope = sim.State().Executions.Single(e => e.ElementId == "Activity_0h5hxio");
        scope.State.ShouldBe(ExecutionState.Scope);
        sim.State().Executions.Single(e => e.ElementId == "Activity_0xqu0xt").Parent.ShouldBe(scope.Id);

        sim.Complete("Activity_0xqu0xt").WaitingAt.ShouldBe(["Activity_0c0569x"]);
        sim.Complete("Activity_0c0569x").WaitingAt.ShouldBe(["Activity_09fprjg"]);
        sim.Complete("Activity_09fprjg");
        sim.Trace.ShouldBe(["StartEvent_13nn94f", "Activity_1bpb168", "Activity_0h5hxio", "Activity_0xqu0xt", "Activity_0c0569x", "Activity_09fprjg", "Event_1valyoc"]);
        sim.Status.ShouldBe("completed");
    }
}
