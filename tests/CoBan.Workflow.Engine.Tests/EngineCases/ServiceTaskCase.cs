using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.EngineCases.EngineCase;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>
/// service-task.bpmn: a service task bound with camunda:expression="${services.postMessage}", an error
/// boundary to endInVain (an error end event) and an interrupting PT0.05S timer to timeoutEnd.
/// bpmn-engine without its camunda extension finds no implementation and always ends in vain; the
/// intended behaviour (and CoBan's) depends on the host's answer.
/// </summary>
public class ServiceTaskCase
{
    private static Simulator Run(ServiceOutcome outcome) =>
        EngineCase.Run("service-task.bpmn", services: new() { ["serviceTask"] = outcome });

    [Fact]
    public void The_camunda_expression_is_kept_as_the_implementation_name_the_host_resolves()
    {
        var node = Document("service-task.bpmn").Processes.Single().Node("serviceTask");
        node.Service!.Implementation.ShouldBe("expression:${services.postMessage}");
        node.Boundaries.Select(b => b.Id).ShouldBe(["errorEvent", "timerEvent"]);

        var sim = Run(new ServiceOutcome(Pending: true));
        var invoke = sim.Of<InvokeService>().Single();
        invoke.ElementId.ShouldBe("serviceTask");
        invoke.Implementation.ShouldBe("expression:${services.postMessage}");
        sim.WaitingAt.ShouldBe(["serviceTask"]); // a service task waits for the host's result
    }

    [Fact]
    public void A_service_that_answers_ok_goes_to_end_and_both_boundaries_are_withdrawn()
    {
        var sim = Run(new ServiceOutcome());
        sim.Trace.ShouldBe(["start", "serviceTask", "end"]);
        sim.Of<CancelTimer>().ShouldHaveSingleItem().ElementId.ShouldBe("timerEvent");
        sim.Timers.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_service_that_answers_with_an_error_code_is_caught_by_the_error_boundary_and_ends_in_vain()
    {
        var sim = Run(new ServiceOutcome(ErrorCode: "POST_FAILED", Message: "the message board refused"));
        sim.Trace.ShouldBe(["start", "serviceTask", "errorEvent", "endInVain"]);
        sim.Timers.ShouldBeEmpty();
        // endInVain throws an error nobody catches at the top of an instance nobody called: it ends like a none end event.
        var completed = sim.Of<InstanceCompleted>().Single();
        completed.EndEventId.ShouldBe("endInVain");
        completed.ErrorCode.ShouldBeNull();
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_service_with_no_answer_within_50_ms_is_interrupted_by_the_timer_and_a_late_answer_is_ignored()
    {
        var sim = Run(new ServiceOutcome(Pending: true));
        var call = sim.Of<InvokeService>().Single();
        sim.Advance("PT0.049S").WaitingAt.ShouldBe(["serviceTask"]);
        sim.Advance("PT0.001S");
        sim.Trace.ShouldBe(["start", "serviceTask", "timerEvent", "timeoutEnd"]);
        sim.Of<CancelService>().Single().CallId.ShouldBe(call.CallId);
        sim.Status.ShouldBe("completed");

        var late = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteService(call.CallId), sim.Now);
        late.Outcome.ShouldBe(AdvanceOutcome.Ignored);
    }

    [Fact]
    public void A_technical_failure_without_an_error_code_is_an_incident_that_the_error_boundary_does_not_catch()
    {
        var sim = Run(new ServiceOutcome(Message: "HTTP 503"));
        sim.Trace.ShouldBe(["start", "serviceTask"]);
        sim.Of<RaiseIncident>().Single().MessageEn.ShouldBe("the service call failed: HTTP 503");
        sim.Status.ShouldBe("failed");
        // The timer boundary still guards the task while the incident is open.
        sim.Advance("PT0.05S").Trace.ShouldBe(["start", "serviceTask", "timerEvent", "timeoutEnd"]);
        sim.Of<ResolveIncident>().ShouldHaveSingleItem();
        sim.Status.ShouldBe("completed");
    }
}
