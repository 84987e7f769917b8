using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class TaskTests
{
    [Fact]
    public void A_user_task_is_created_with_its_assignment_candidates_and_due_dates()
    {
        var sim = Play.Model($"""
            <startEvent id="s" />
            <userTask id="check" name="审核材料" coban:assignTo="caseOwner" coban:candidateRole="coordinator,dutyLeader"
                      coban:due="PT4H" coban:followUp="PT1H" coban:remindBefore="P1WD" coban:escalateAfter="P2WD" coban:action="case.accept" />
            <endEvent id="e" />
            {Chain("s", "check", "e")}
            """);
        var task = sim.Of<CreateUserTask>().ShouldHaveSingleItem();
        task.ElementId.ShouldBe("check");
        task.Name.ShouldBe("审核材料");
        task.AssignTo.ShouldBe(AssignTo.CaseOwner);
        task.CandidateRoles.ShouldBe(["coordinator", "dutyLeader"]);
        task.Due.ShouldBe(Clock.T0.AddHours(4));
        task.FollowUp.ShouldBe(Clock.T0.AddHours(1));
        task.RemindBefore.ShouldBe("P1WD");
        task.EscalateAfter.ShouldBe("P2WD");
        task.CaseAction.ShouldBe("case.accept");
        task.Manual.ShouldBeFalse();
    }

    [Fact]
    public void Camunda_assignee_candidate_groups_and_due_date_expressions_are_read()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" />
            <userTask id="t" camunda:assignee="${clerk}" camunda:candidateGroups="supervisor" camunda:dueDate="${deadline}" />
            {{Chain("s", "t")}}
            """, new { clerk = "wang.li", deadline = "2026-10-09T17:00:00+08:00" });
        var task = sim.Of<CreateUserTask>().Single();
        task.AssignTo.ShouldBe(AssignTo.Expression);
        task.Assignee.ShouldBe("wang.li");
        task.CandidateRoles.ShouldBe(["supervisor"]);
        task.Due.ShouldBe(new DateTimeOffset(2026, 10, 9, 17, 0, 0, TimeSpan.FromHours(8)));
    }

    private const string FormTask = """
        <startEvent id="s" />
        <userTask id="classify">
          <extensionElements>
            <coban:formField id="kind" label="件类" type="enum" required="true" values="notice:提示件,immediate:即办件,commitment:承诺件,returned:退回件" />
            <coban:formField id="pages" label="材料页数" type="long" />
            <coban:formField id="acceptedOn" label="受理日期" type="date" />
          </extensionElements>
        </userTask>
        <endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="classify" /><sequenceFlow id="f2" sourceRef="classify" targetRef="e" />
        """;

    [Fact]
    public void Completing_with_invalid_form_values_is_refused_naming_every_bad_field_and_changes_nothing()
    {
        var sim = Play.Model(FormTask);
        var before = sim.State();
        var taskId = sim.OpenTasks.Single().TaskId;
        var result = Executor.Advance(sim.Main!.Definition, before, new CompleteTask(taskId, new Dictionary<string, object?> { ["kind"] = "urgent", ["pages"] = "many" }), Clock.T0);
        result.Outcome.ShouldBe(AdvanceOutcome.Rejected);
        result.Rejections.Select(r => r.Field).ShouldBe(["kind", "pages"]);
        result.Rejections[0].MessageZh.ShouldContain("件类");
        result.State.ShouldBeSameAs(before);
        result.State.Version.ShouldBe(before.Version);
    }

    [Fact]
    public void A_required_form_field_left_empty_is_refused()
    {
        var sim = Play.Model(FormTask).Complete("classify", new Dictionary<string, object?> { ["pages"] = 3L });
        sim.Errors.ShouldHaveSingleItem().ShouldContain("件类");
        sim.OpenTasks.ShouldHaveSingleItem();
    }

    [Fact]
    public void Valid_form_values_are_converted_and_stored_as_process_variables()
    {
        var sim = Play.Model(FormTask).Complete("classify", new Dictionary<string, object?> { ["kind"] = "commitment", ["pages"] = "12", ["acceptedOn"] = "2026-09-30" });
        sim.Status.ShouldBe("completed");
        var vars = sim.State().Variables;
        vars["kind"].ShouldBe("commitment");
        vars["pages"].ShouldBe(12L);
        vars["acceptedOn"].ShouldBe(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void A_manual_task_passes_through_as_in_Camunda()
    {
        var sim = Play.Model($"""<startEvent id="s" /><manualTask id="sign" name="申请人本人签字" /><endEvent id="e" />{Chain("s", "sign", "e")}""");
        sim.Of<CreateUserTask>().ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
        sim.Trace.ShouldContain("sign");
    }

    [Fact]
    public void A_manual_task_with_coban_confirm_waits_for_a_person_to_confirm_it()
    {
        var sim = Play.Model($"""<startEvent id="s" /><manualTask id="sign" name="申请人本人签字" coban:confirm="true" /><endEvent id="e" />{Chain("s", "sign", "e")}""");
        sim.Of<CreateUserTask>().Single().Manual.ShouldBeTrue();
        sim.Status.ShouldBe("waiting");
        sim.Complete("sign").Status.ShouldBe("completed");
    }

    private const string Service = """
        <startEvent id="s" />
        <serviceTask id="notify" coban:action="case.setStatus" coban:retries="5">
          <extensionElements><coban:param name="status" value="已受理" /><coban:param name="who" value="${clerk}" /></extensionElements>
        </serviceTask>
        <endEvent id="e" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="notify" /><sequenceFlow id="f2" sourceRef="notify" targetRef="e" />
        """;

    [Fact]
    public void A_service_task_asks_the_host_to_run_its_action_with_evaluated_parameters_and_waits_for_the_result()
    {
        var sim = Play.Model(Service, new { clerk = "li" }, options: Play.Options(services: new() { ["notify"] = new ServiceOutcome(Pending: true) }));
        var invoke = sim.Of<InvokeService>().Single();
        invoke.Implementation.ShouldBe("case.setStatus");
        invoke.Parameters["status"].ShouldBe("已受理");
        invoke.Parameters["who"].ShouldBe("li");
        invoke.Retries.ShouldBe(5);
        sim.Status.ShouldBe("waiting");

        var done = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteService(invoke.CallId, new Dictionary<string, object?> { ["caseNo"] = "2026-001" }), Clock.T0);
        done.State.Status.ShouldBe(InstanceStatus.Completed);
        done.State.Variables["caseNo"].ShouldBe("2026-001");
    }

    [Fact]
    public void A_technical_service_failure_raises_an_incident_and_a_retry_invokes_the_service_again()
    {
        var sim = Play.Model(Service, new { clerk = "li" }, options: Play.Options(services: new() { ["notify"] = new ServiceOutcome(Message: "gateway down") }));
        sim.Status.ShouldBe("failed");
        var incident = sim.Of<RaiseIncident>().Single();
        incident.MessageEn.ShouldContain("gateway down");
        var retry = Executor.Advance(sim.Main!.Definition, sim.State(), new RetryIncident(incident.ExecutionId), Clock.T0);
        retry.Commands.OfType<InvokeService>().ShouldHaveSingleItem().ElementId.ShouldBe("notify");
        retry.State.Executions.Single().State.ShouldBe(ExecutionState.Waiting);
    }

    [Fact]
    public void A_result_for_a_service_call_that_no_longer_waits_is_ignored()
    {
        var sim = Play.Model(Service, new { clerk = "li" });
        sim.Status.ShouldBe("completed");
        var late = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteService(999), Clock.T0);
        late.Outcome.ShouldBe(AdvanceOutcome.Ignored);
    }

    [Fact]
    public void A_send_task_with_a_notice_writes_it_and_moves_on_at_once()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><sendTask id="receipt" coban:notice="receipt" coban:channels="sms,print" /><endEvent id="e" />
            {Chain("s", "receipt", "e")}
            """);
        var notice = sim.Of<SendNotice>().Single();
        notice.Template.ShouldBe("receipt");
        notice.Channels.ShouldBe(["sms", "print"]);
        notice.Recipient.ShouldBe("applicant");
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_receive_task_waits_for_its_message_with_the_matching_correlation_key()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><receiveTask id="wait" messageRef="m" coban:correlationKey="${caseNo}" /><endEvent id="e" />
            {{Chain("s", "wait", "e")}}
            """, new { caseNo = "A-7" }, roots: """<message id="m" name="补正材料" />""");
        sim.Of<SubscribeMessage>().Single().CorrelationKey.ShouldBe("A-7");
        sim.Message("补正材料", correlationKey: "B-1");
        sim.Errors.ShouldHaveSingleItem();
        var ok = Executor.Advance(sim.Main!.Definition, sim.State(), new DeliverMessage("补正材料", "A-7", new Dictionary<string, object?> { ["pages"] = 4L }), Clock.T0);
        ok.State.Status.ShouldBe(InstanceStatus.Completed);
        ok.State.Variables["pages"].ShouldBe(4L);
    }

    [Fact]
    public void Completing_a_task_that_does_not_exist_is_refused()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" />{Chain("s", "t")}""");
        var result = Executor.Advance(sim.Main!.Definition, sim.State(), new CompleteTask(12345), Clock.T0);
        result.Outcome.ShouldBe(AdvanceOutcome.Rejected);
        result.Rejections.Single().Code.ShouldBe("no-task");
    }

    [Fact]
    public void Each_applied_step_increments_the_state_version()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="a" /><userTask id="b" />{Chain("s", "a", "b")}""");
        sim.State().Version.ShouldBe(1);
        sim.Complete("a");
        sim.State().Version.ShouldBe(2);
    }
}
