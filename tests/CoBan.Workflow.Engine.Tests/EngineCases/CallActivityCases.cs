using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.EngineCases.EngineCase;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// call-activity, call-activity-throws, call-activity-bound-error, call-activity-user-task, call-activity-parallel-mi.
/// In each, the called process is a second process of the same file with isExecutable="false". CoBan's
/// simulator calls processes of the same file regardless (a deliberate choice: such a process exists
/// to be called; only executable processes can be started on their own). The host resolves
/// calledElement against published definitions instead (docs/engine.md).
/// </summary>
public class CallActivityCases
{
    private static Dictionary<string, ServiceOutcome> ServiceTask(ServiceOutcome outcome) => new() { ["task"] = outcome };

    [Fact]
    public void Call_activity_runs_the_non_executable_process_of_the_same_file_and_completes()
    {
        var document = Document("call-activity.bpmn");
        document.Executable.Select(p => p.Id).ShouldBe(["Process_1"]);
        document.FindProcess("called-process")!.IsExecutable.ShouldBeFalse();

        var sim = Run("call-activity.bpmn");
        sim.Of<StartCallActivity>().Single().CalledElement.ShouldBe("called-process");
        sim.Instances.Count.ShouldBe(2);
        sim.Instances[1].State!.Called.ShouldBeTrue();
        sim.Trace.ShouldBe(["start", "call-activity", "task", "end"]);
        sim.Instances.ShouldAllBe(i => i.State!.Status == InstanceStatus.Completed);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void The_bpmn_engine_service_expression_in_the_implementation_attribute_is_read_as_the_services_name()
    {
        foreach (var file in new[] { "call-activity-throws.bpmn", "call-activity-bound-error.bpmn", "call-activity-parallel-mi.bpmn" })
        {
            var document = Document(file);
            document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
            document.FindProcess("called-process")!.Node("task").Service!.Implementation.ShouldBe("expression:${environment.services.serviceFn}");
        }
    }

    // ---- call-activity-throws.bpmn: the called service fails, nothing catches it ----

    [Fact]
    public void Call_activity_throws_a_BPMN_error_of_the_called_service_ends_the_called_instance_and_stops_the_uncaught_call_activity_with_an_incident()
    {
        var sim = Run("call-activity-throws.bpmn", services: ServiceTask(new ServiceOutcome(ErrorCode: "SERVICE_FAILED", Message: "serviceFn failed")));
        var called = sim.Instances[1].State!;
        called.Status.ShouldBe(InstanceStatus.Completed);
        called.EndErrorCode.ShouldBe("SERVICE_FAILED");
        // bpmn-engine ends the whole run with an ActivityError. CoBan stops the caller with an incident a person can retry.
        var incident = sim.Of<RaiseIncident>().ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("call-activity");
        incident.MessageEn.ShouldBe("the called process ended with an uncaught error 'SERVICE_FAILED'");
        sim.Status.ShouldBe("failed");
        sim.Trace.ShouldNotContain("end");
    }

    [Fact]
    public void Call_activity_throws_a_technical_failure_of_the_called_service_is_an_incident_inside_the_called_instance()
    {
        var sim = Run("call-activity-throws.bpmn", services: ServiceTask(new ServiceOutcome(Message: "connection refused")));
        var incident = sim.Of<RaiseIncident>().ShouldHaveSingleItem();
        sim.Commands.Single(c => c.Command is RaiseIncident).Instance.ShouldBe(1);
        incident.ElementId.ShouldBe("task");
        incident.MessageEn.ShouldContain("connection refused");
        sim.Main!.State!.WaitingAt.ShouldBe(["call-activity"]);
        sim.Status.ShouldBe("failed");
    }

    // ---- call-activity-bound-error.bpmn: the same, with an error boundary on the call activity ----

    [Fact]
    public void Call_activity_bound_error_catches_the_called_services_BPMN_error_and_ends_at_failedend()
    {
        var sim = Run("call-activity-bound-error.bpmn", services: ServiceTask(new ServiceOutcome(ErrorCode: "SERVICE_FAILED")));
        sim.Trace.ShouldBe(["start", "call-activity", "task", "bound", "failedend"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Call_activity_bound_error_leaves_normally_when_the_service_succeeds()
    {
        var sim = Run("call-activity-bound-error.bpmn");
        sim.Trace.ShouldBe(["start", "call-activity", "task", "end"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Call_activity_bound_error_does_not_catch_a_technical_failure_which_stays_an_incident_in_the_called_instance()
    {
        // bpmn-engine catches any thrown Error. In CoBan only a failure with an error code is a BPMN error;
        // a technical failure is retried by a person (RetryIncident), not routed by the model.
        var sim = Run("call-activity-bound-error.bpmn", services: ServiceTask(new ServiceOutcome(Message: "timeout")));
        sim.Trace.ShouldNotContain("bound");
        sim.Of<RaiseIncident>().Single().ElementId.ShouldBe("task");
        sim.Main!.State!.WaitingAt.ShouldBe(["call-activity"]);
    }

    // ---- call-activity-user-task.bpmn: the called process waits at a user task ----

    [Fact]
    public void Call_activity_user_task_keeps_two_instances_running_until_the_called_task_is_signalled()
    {
        var sim = Run("call-activity-user-task.bpmn");
        sim.Instances.Count.ShouldBe(2);
        sim.Instances.ShouldAllBe(i => i.State!.Status == InstanceStatus.Running);
        sim.OpenTasks.ShouldHaveSingleItem().Instance.ShouldBe(1);

        sim.Complete("task");
        sim.Trace.ShouldBe(["start", "call-activity", "task", "end"]);
        sim.Instances.ShouldAllBe(i => i.State!.Status == InstanceStatus.Completed);
    }

    [Fact]
    public void Call_activity_user_task_cancelling_the_caller_cancels_the_called_instance_and_its_task()
    {
        // bpmn-engine can cancel the call activity alone and continue; CoBan cancels whole instances only.
        var sim = Run("call-activity-user-task.bpmn").Cancel("withdrawn");
        sim.Of<CancelCallActivity>().ShouldHaveSingleItem().ElementId.ShouldBe("call-activity");
        sim.Instances[1].State!.Status.ShouldBe(InstanceStatus.Terminated);
        sim.Of<CancelUserTask>().ShouldHaveSingleItem().ElementId.ShouldBe("task");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Main!.State!.Status.ShouldBe(InstanceStatus.Terminated);
    }

    [Fact]
    public void Call_activity_user_task_a_called_instance_cancelled_on_its_own_leaves_the_caller_waiting_until_the_host_answers()
    {
        var document = Document("call-activity-user-task.bpmn");
        var main = Executor.Advance(document.FindProcess("main-process")!, null, new Start(), Clock.T0);
        var call = main.Commands.OfType<StartCallActivity>().Single();
        var child = Executor.Advance(document.FindProcess("called-process")!, null, new Start(call.Variables, Called: true), Clock.T0);
        var cancelled = Executor.Advance(document.FindProcess("called-process")!, child.State, new Cancel("discarded"), Clock.T0);
        cancelled.Commands.OfType<InstanceTerminated>().ShouldHaveSingleItem();
        cancelled.Commands.OfType<InstanceCompleted>().ShouldBeEmpty(); // nothing for the caller: termination is not completion
        main.State.WaitingAt.ShouldBe(["call-activity"]);

        // bpmn-engine's "discard the called process" completes the caller; a CoBan host that wants this answers for it.
        var answered = Executor.Advance(document.FindProcess("main-process")!, main.State, new CompleteCallActivity(call.CallId), Clock.T0);
        answered.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    // ---- call-activity-parallel-mi.bpmn: parallel multi-instance (loopCardinality 3) call activity ----

    [Fact]
    public void Call_activity_parallel_mi_starts_three_called_instances_calls_the_service_three_times_and_completes()
    {
        var sim = Run("call-activity-parallel-mi.bpmn");
        var calls = sim.Of<StartCallActivity>().ToList();
        calls.Count.ShouldBe(3);
        calls.Select(c => c.CallId).Distinct().Count().ShouldBe(3);
        sim.Instances.Count.ShouldBe(4);
        sim.Commands.Where(c => c.Command is InvokeService).Select(c => c.Instance).ShouldBe([1, 2, 3]);
        sim.Trace.Count(t => t == "task").ShouldBe(3);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Call_activity_parallel_mi_completes_only_when_all_three_services_answer_even_with_every_state_saved_and_restored()
    {
        var document = Document("call-activity-parallel-mi.bpmn");
        var mainProcess = document.FindProcess("main-process")!;
        var calledProcess = document.FindProcess("called-process")!;

        var main = Recovery.Advance(mainProcess, null, new Start(), Clock.T0);
        var children = main.Commands.OfType<StartCallActivity>()
            .Select(call => (Call: call, Result: Recovery.Advance(calledProcess, null, new Start(call.Variables, Called: true), Clock.T0)))
            .ToList();
        children.Count.ShouldBe(3);
        var mainState = main.State;
        for (var i = 0; i < children.Count; i++)
        {
            var (call, child) = children[i];
            var invoke = child.Commands.OfType<InvokeService>().Single();
            invoke.Implementation.ShouldBe("expression:${environment.services.serviceFn}");
            var answered = Recovery.Advance(calledProcess, child.State, new CompleteService(invoke.CallId, new Dictionary<string, object?> { ["n"] = (long)i }), Clock.T0);
            var completed = answered.Commands.OfType<InstanceCompleted>().Single();
            mainState = Recovery.Advance(mainProcess, mainState, new CompleteCallActivity(call.CallId, completed.Variables), Clock.T0).State;
            mainState.Status.ShouldBe(i < 2 ? InstanceStatus.Running : InstanceStatus.Completed);
        }
    }
}
