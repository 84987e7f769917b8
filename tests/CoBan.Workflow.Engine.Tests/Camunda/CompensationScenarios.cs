using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>Camunda 7's CompensateEventTest and TransactionSubProcessTest, as scenarios. Camunda's handlers count their runs in a variable; here the count is the handler's invocations.</summary>
public class CompensationScenarios
{
    private const string C = "compensation";
    private const string T = "transaction";

    private static string Mi(int n, bool sequential = true) =>
        $"""<multiInstanceLoopCharacteristics isSequential="{(sequential ? "true" : "false")}"><loopCardinality>{n}</loopCardinality></multiInstanceLoopCharacteristics>""";

    /// <summary>An activity with its compensation boundary and handler (a service task unless a user task is asked for).</summary>
    private static string Compensable(string id, string handler, string activity = "serviceTask", string handlerKind = "serviceTask", string loop = "", string name = "", string handlerName = "") => $"""
        <{activity} id="{id}" {(activity == "serviceTask" ? "coban:action=\"book\"" : "")} {(name == "" ? "" : $"name=\"{name}\"")}>{loop}</{activity}>
        <boundaryEvent id="{id}Evt" attachedToRef="{id}"><compensateEventDefinition /></boundaryEvent>
        <{handlerKind} id="{handler}" isForCompensation="true" {(handlerKind == "serviceTask" ? "coban:action=\"undo\"" : "")} {(handlerName == "" ? "" : $"name=\"{handlerName}\"")} />
        <association id="{id}Assoc" associationDirection="One" sourceRef="{id}Evt" targetRef="{handler}" />
        """;

    private static string Throw(string id, string? activityRef = null) =>
        $"""<intermediateThrowEvent id="{id}"><compensateEventDefinition {(activityRef is null ? "" : $"activityRef=\"{activityRef}\"")} /></intermediateThrowEvent>""";

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateSubprocess")]
    public void Compensating_a_completed_sub_process_undoes_every_instance_inside_it()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel", loop: Mi(5))}<endEvent id="se" />{Chain("ss", "bookHotel", "se")}</subProcess>
            {Throw("throwCompensate", "scope")}<receiveTask id="beforeEnd" /><endEvent id="end" />
            {Chain("start", "scope", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateSubprocessInsideSubprocess")]
    public void Compensation_thrown_in_an_outer_sub_process_reaches_the_inner_ones()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="outer"><startEvent id="os" />
              <subProcess id="inner"><startEvent id="is" />{Compensable("hotel", "cancelHotel", "userTask", "userTask", name: "Book Hotel", handlerName: "Cancel Hotel")}{Compensable("flight", "cancelFlight", "userTask", "userTask", name: "Book Flight", handlerName: "Cancel Flight")}<endEvent id="ie" />{Chain("is", "hotel", "flight", "ie")}</subProcess>
              <userTask id="throwTask" name="throw compensation" /><intermediateThrowEvent id="throw"><compensateEventDefinition /></intermediateThrowEvent><endEvent id="oe" />
              {Chain("os", "inner", "throwTask", "throw", "oe")}</subProcess>
            <endEvent id="end" />{Chain("start", "outer", "end")}
            """);
        sim.CompleteNamed("Book Hotel").CompleteNamed("Book Flight").CompleteNamed("throw compensation");
        sim.CompleteNamed("Cancel Hotel").CompleteNamed("Cancel Flight").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateParallelSubprocess")]
    public void Compensating_a_sub_process_whose_work_ran_in_parallel_undoes_each_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" /><parallelGateway id="fork" />{Compensable("bookHotel", "undoBookHotel", loop: Mi(5, sequential: false))}<userTask id="other" /><parallelGateway id="join" /><endEvent id="se" />
              {Flow("ss", "fork")}{Flow("fork", "bookHotel")}{Flow("fork", "other")}{Flow("bookHotel", "join")}{Flow("other", "join")}{Flow("join", "se")}</subProcess>
            {Throw("throwCompensate", "scope")}<receiveTask id="beforeEnd" /><endEvent id="end" />
            {Chain("start", "scope", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.Complete("other");
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateParallelSubprocessCompHandlerWaitstate")]
    public void Waiting_compensation_handlers_each_open_a_task_and_the_throw_goes_on_after_them()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel", handlerKind: "userTask", loop: Mi(5, sequential: false))}<endEvent id="se" />{Chain("ss", "bookHotel", "se")}</subProcess>
            {Throw("throwCompensate", "scope")}<userTask id="afterCompensate" /><receiveTask id="beforeEnd" /><endEvent id="end" />
            {Chain("start", "scope", "throwCompensate", "afterCompensate", "beforeEnd", "end")}
            """);
        sim.OpenTasks.Count(t => t.ElementId == "undoBookHotel").ShouldBe(5);
        for (var i = 0; i < 5; i++) sim.Complete("undoBookHotel");
        sim.Complete("afterCompensate").Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testDeleteParallelSubprocessCompHandlerWaitstate")]
    public void Cancelling_an_instance_while_handlers_wait_ends_it()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel", handlerKind: "userTask", loop: Mi(5, sequential: false))}<endEvent id="se" />{Chain("ss", "bookHotel", "se")}</subProcess>
            {Throw("throwCompensate", "scope")}<endEvent id="end" />{Chain("start", "scope", "throwCompensate", "end")}
            """);
        sim.OpenTasks.Count().ShouldBe(5);
        sim.Cancel("test").Ended().ShouldBeTrue();
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateMiSubprocess")]
    public void Compensating_a_multi_instance_sub_process_undoes_the_work_of_every_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope">{Mi(5)}<startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel")}<endEvent id="se" />{Chain("ss", "bookHotel", "se")}</subProcess>
            {Throw("throwCompensate")}<receiveTask id="beforeEnd" /><endEvent id="end" />
            {Chain("start", "scope", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateScope")]
    public void Compensate_all_undoes_everything_completed_in_its_scope()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel", loop: Mi(5))}{Compensable("bookFlight", "undoBookFlight", loop: Mi(5))}<endEvent id="se" />{Chain("ss", "bookHotel", "bookFlight", "se")}</subProcess>
            {Throw("throwCompensate")}<receiveTask id="beforeEnd" /><endEvent id="end" />
            {Chain("start", "scope", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Invocations("undoBookFlight").ShouldBe(5);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateActivityRef")]
    public void An_activity_ref_undoes_only_that_activity()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="scope"><startEvent id="ss" />{Compensable("bookHotel", "undoBookHotel", loop: Mi(5))}{Compensable("bookFlight", "undoBookFlight", loop: Mi(5))}
              {Throw("throwCompensate", "bookHotel")}<endEvent id="se" />{Chain("ss", "bookHotel", "bookFlight", "throwCompensate", "se")}</subProcess>
            <receiveTask id="beforeEnd" /><endEvent id="end" />{Chain("start", "scope", "beforeEnd", "end")}
            """);
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Invocations("undoBookFlight").ShouldBe(0);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateSubprocessWithBoundaryEvent")]
    public void A_sub_process_with_its_own_handler_is_undone_by_that_handler()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <subProcess id="subprocess"><startEvent id="ss" />{Compensable("inner", "undoInner")}<endEvent id="se" />{Chain("ss", "inner", "se")}</subProcess>
            <boundaryEvent id="subEvt" attachedToRef="subprocess"><compensateEventDefinition /></boundaryEvent><userTask id="undoSubprocess" isForCompensation="true" />
            <association id="subAssoc" associationDirection="One" sourceRef="subEvt" targetRef="undoSubprocess" />
            {Throw("throwCompensate")}<receiveTask id="beforeEnd" /><endEvent id="end" />{Chain("start", "subprocess", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.TaskKeys().ShouldBe(["undoSubprocess"]);
        sim.Invocations("undoInner").ShouldBe(0);
        sim.Complete("undoSubprocess").Complete("beforeEnd").Status.ShouldBe("completed");
    }

    private static readonly string ActivityInSubprocess = $"""
        <startEvent id="start" />
        <subProcess id="subprocess"><startEvent id="ss" />{Compensable("scopeTask", "undoScopeTask", "userTask", "userTask")}<endEvent id="se" />{Chain("ss", "scopeTask", "se")}</subProcess>
        <receiveTask id="beforeCompensate" />{Throw("throwCompensate", "subprocess")}<receiveTask id="beforeEnd" /><endEvent id="end" />
        {Chain("start", "subprocess", "beforeCompensate", "throwCompensate", "beforeEnd", "end")}
        """;

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateActivityInSubprocess")]
    public void Compensating_a_completed_sub_process_by_ref_runs_the_handler_of_the_task_inside()
    {
        var sim = Steps.Run(ActivityInSubprocess);
        sim.Complete("scopeTask").Complete("beforeCompensate").TaskKeys().ShouldBe(["undoScopeTask"]);
        sim.Complete("undoScopeTask").Complete("beforeEnd").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateActivityInConcurrentSubprocess")]
    public void Compensating_a_sub_process_that_ran_beside_other_work_runs_the_inner_handler()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" /><parallelGateway id="fork" />
            <subProcess id="subprocess"><startEvent id="ss" />{Compensable("scopeTask", "undoScopeTask", "userTask", "userTask")}<endEvent id="se" />{Chain("ss", "scopeTask", "se")}</subProcess>
            <userTask id="outerTask" /><parallelGateway id="join" />
            <receiveTask id="beforeCompensate" />{Throw("throwCompensate", "subprocess")}<receiveTask id="beforeEnd" /><endEvent id="end" />
            {Flow("start", "fork")}{Flow("fork", "subprocess")}{Flow("fork", "outerTask")}{Flow("subprocess", "join")}{Flow("outerTask", "join")}{Chain("join", "beforeCompensate", "throwCompensate", "beforeEnd", "end")}
            """);
        sim.Complete("scopeTask").Complete("outerTask").Complete("beforeCompensate").TaskKeys().ShouldBe(["undoScopeTask"]);
        sim.Complete("undoScopeTask").Complete("beforeEnd").Status.ShouldBe("completed");
    }

    private static string ConcurrentMi(string throwRef) => $$"""
        <startEvent id="start" /><parallelGateway id="fork" />
        {{Compensable("bookHotel", "cancelHotel", "userTask", "userTask", loop: Mi(5, sequential: false), name: "Book Hotel", handlerName: "Cancel Hotel")}}
        <userTask id="request" name="Request Vacation" /><exclusiveGateway id="ok" default="accepted" />{{Throw("throwCompensate", throwRef)}}
        <endEvent id="end" /><endEvent id="endAccepted" /><endEvent id="endRefused" />
        {{Flow("start", "fork")}}{{Flow("fork", "bookHotel")}}{{Flow("fork", "request")}}{{Flow("request", "ok")}}{{Flow("ok", "throwCompensate", condition: "${!accept}")}}{{Flow("ok", "endAccepted", "accepted")}}
        {{Flow("throwCompensate", "endRefused")}}{{Flow("bookHotel", "end")}}
        """;

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateConcurrentMiActivity")]
    public void A_multi_instance_activity_still_running_is_not_compensated()
    {
        var sim = Steps.Run(ConcurrentMi("bookHotel"));
        for (var i = 0; i < 4; i++) sim.CompleteNamed("Book Hotel");
        sim.CompleteNamed("Request Vacation", new { accept = false });
        sim.TaskNames().ShouldNotContain("Cancel Hotel");
        sim.CompleteNamed("Book Hotel").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateActivityRefMiActivity")]
    public void An_activity_ref_to_a_completed_multi_instance_activity_runs_a_handler_per_instance()
    {
        var sim = Steps.Run(ConcurrentMi("bookHotel"));
        for (var i = 0; i < 5; i++) sim.CompleteNamed("Book Hotel");
        sim.CompleteNamed("Request Vacation", new { accept = false });
        sim.OpenTasks.Count().ShouldBe(5);
        for (var i = 0; i < 5; i++) sim.CompleteNamed("Cancel Hotel");
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensateActivityRefMiSubprocess")]
    public void An_activity_ref_to_a_completed_multi_instance_sub_process_runs_the_inner_handler_per_instance()
    {
        var sim = Steps.Run($$"""
            <startEvent id="start" /><parallelGateway id="fork" />
            <subProcess id="scope">{{Mi(5, sequential: false)}}<startEvent id="ss" />{{Compensable("bookHotel", "cancelHotel", "userTask", "userTask", name: "Book Hotel", handlerName: "Cancel Hotel")}}<endEvent id="se" />{{Chain("ss", "bookHotel", "se")}}</subProcess>
            <userTask id="request" name="Request Vacation" /><exclusiveGateway id="ok" default="accepted" />{{Throw("throwCompensate", "scope")}}
            <endEvent id="end" /><endEvent id="endAccepted" /><endEvent id="endRefused" />
            {{Flow("start", "fork")}}{{Flow("fork", "scope")}}{{Flow("fork", "request")}}{{Flow("request", "ok")}}{{Flow("ok", "throwCompensate", condition: "${!accept}")}}{{Flow("ok", "endAccepted", "accepted")}}
            {{Flow("throwCompensate", "endRefused")}}{{Flow("scope", "end")}}
            """);
        for (var i = 0; i < 5; i++) sim.CompleteNamed("Book Hotel");
        sim.CompleteNamed("Request Vacation", new { accept = false });
        sim.OpenTasks.Count().ShouldBe(5);
        for (var i = 0; i < 5; i++) sim.CompleteNamed("Cancel Hotel");
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCallActivityCompensationHandler")]
    public void A_call_activity_as_compensation_handler_is_called_once_per_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="start" />
            <serviceTask id="bookHotel" coban:action="book">{Mi(5)}</serviceTask>
            <boundaryEvent id="bookHotelEvt" attachedToRef="bookHotel"><compensateEventDefinition /></boundaryEvent>
            <callActivity id="undoBookHotel" isForCompensation="true" calledElement="compensationHandler" />
            <association id="a" associationDirection="One" sourceRef="bookHotelEvt" targetRef="undoBookHotel" />
            {Throw("throwCompensate")}<receiveTask id="beforeEnd" /><endEvent id="end" />{Chain("start", "bookHotel", "throwCompensate", "beforeEnd", "end")}
            """, extra: Steps.Executable("compensationHandler", $"""<startEvent id="hs" /><endEvent id="he" />{Flow("hs", "he")}"""));
        sim.Of<CoBan.Workflow.Engine.Execution.StartCallActivity>().Count().ShouldBe(5);
        sim.Complete("beforeEnd").Status.ShouldBe("completed");
        sim.Instances.Count.ShouldBe(6);
    }

    private static readonly string FullHandler = $$"""
        {{Throw("compensateFlight", "bookFlight")}}{{Throw("compensateHotel", "bookHotel")}}<userTask id="updateCustomerRecord" name="Update Customer Record" /><endEvent id="ce" />
        {{Chain("cs", "compensateFlight", "compensateHotel", "updateCustomerRecord", "ce")}}
        """;

    private static string Booking(string handler, string throwRef = "") => $$"""
        <startEvent id="start" />
        <subProcess id="booking"><startEvent id="bs" /><parallelGateway id="parallel" />
          {{Compensable("bookFlight", "cancelFlight", "userTask", "userTask", name: "Book Flight", handlerName: "Cancel Flight")}}
          {{Compensable("bookHotel", "cancelHotel", "userTask", "userTask", name: "Book Hotel", handlerName: "Cancel Hotel")}}
          <parallelGateway id="join" /><endEvent id="be" />
          {{Flow("bs", "parallel")}}{{Flow("parallel", "bookFlight")}}{{Flow("parallel", "bookHotel")}}{{Flow("bookFlight", "join")}}{{Flow("bookHotel", "join")}}{{Flow("join", "be")}}
          <subProcess id="compensation" triggeredByEvent="true"><startEvent id="cs"><compensateEventDefinition /></startEvent>{{handler}}</subProcess>
        </subProcess>
        <userTask id="validateBooking" name="Validate Booking" /><exclusiveGateway id="gw" default="valid" /><endEvent id="end" />
        <endEvent id="throwCompensation"><compensateEventDefinition {{throwRef}} /></endEvent>
        {{Chain("start", "booking", "validateBooking", "gw")}}{{Flow("gw", "end", "valid")}}{{Flow("gw", "throwCompensation", condition: "${valid == false}")}}
        """;

    [Fact, Camunda7(C, "CompensateEventTest.testCompensationEventSubProcessWithScope")]
    public void A_compensation_event_sub_process_is_the_sub_processes_handler_and_undoes_its_work_step_by_step()
    {
        var sim = Steps.Run(Booking(FullHandler));
        sim.CompleteNamed("Book Flight").CompleteNamed("Book Hotel");
        sim.CompleteNamed("Validate Booking", new { valid = false });
        sim.TaskNames().ShouldBe(["Cancel Flight"]);
        sim.CompleteNamed("Cancel Flight").TaskNames().ShouldBe(["Cancel Hotel"]);
        sim.CompleteNamed("Cancel Hotel").TaskNames().ShouldBe(["Update Customer Record"]);
        sim.CompleteNamed("Update Customer Record").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "CompensateEventTest.testCompensationEventSubProcessWithActivityRef")]
    public void A_compensation_event_sub_process_runs_when_its_sub_process_is_named_by_activity_ref()
    {
        var model = Booking($"""{Throw("compensateHotel", "bookHotel")}<endEvent id="ce" />{Chain("cs", "compensateHotel", "ce")}""", throwRef: "activityRef=\"booking\"");
        var sim = Steps.Run(model);
        sim.CompleteNamed("Book Hotel").CompleteNamed("Book Flight");
        sim.CompleteNamed("Validate Booking", new { valid = false });
        sim.TaskNames().ShouldBe(["Cancel Hotel"]);
        sim.CompleteNamed("Cancel Hotel").Status.ShouldBe("completed");
    }

    private static string Transaction(string handlerKind, string extraInside = "") => $$"""
        <startEvent id="start" />
        <transaction id="tx"><startEvent id="txs" />
          {{Compensable("bookHotel", "undoBookHotel", handlerKind: handlerKind, loop: Mi(5))}}{{Compensable("bookFlight", "undoBookFlight", handlerKind: handlerKind)}}
          <userTask id="askCustomer" /><exclusiveGateway id="confirmedGw" default="toFailure" />
          <endEvent id="success" /><endEvent id="failure"><cancelEventDefinition /></endEvent>
          {{extraInside}}
          {{Chain("txs", "bookHotel", "bookFlight", "askCustomer", "confirmedGw")}}{{Flow("confirmedGw", "success", condition: "${confirmed}")}}{{Flow("confirmedGw", "failure", "toFailure")}}</transaction>
        <boundaryEvent id="catchCancel" attachedToRef="tx"><cancelEventDefinition /></boundaryEvent>
        <receiveTask id="afterSuccess" /><receiveTask id="afterCancellation" /><endEvent id="end" /><endEvent id="end2" />
        {{Chain("start", "tx", "afterSuccess", "end")}}{{Chain("catchCancel", "afterCancellation", "end2")}}
        """;

    [Fact, Camunda7(T, "TransactionSubProcessTest.testSimpleCaseTxSuccessful")]
    public void A_successful_transaction_runs_no_handler_and_leaves_by_its_normal_flow()
    {
        var sim = Steps.Run(Transaction("serviceTask"));
        sim.Complete("askCustomer", Play.Vars(new { confirmed = true }));
        sim.WaitingAt.ShouldBe(["afterSuccess"]);
        sim.Invocations("undoBookHotel").ShouldBe(0);
        sim.Invocations("undoBookFlight").ShouldBe(0);
        sim.Complete("afterSuccess").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "TransactionSubProcessTest.testActivityInstanceTreeAfterSuccessfulCompletion")]
    public void After_a_successful_transaction_only_the_next_activity_is_active()
    {
        var sim = Steps.Run(Transaction("serviceTask"));
        sim.Complete("askCustomer", Play.Vars(new { confirmed = true }));
        sim.State().WaitingAt.ShouldBe(["afterSuccess"]);
    }

    [Fact, Camunda7(T, "TransactionSubProcessTest.testWaitstateCompensationHandler")]
    public void A_cancelled_transaction_waits_for_its_waiting_handlers_then_leaves_by_the_cancel_boundary()
    {
        var sim = Steps.Run(Transaction("userTask"));
        sim.Complete("askCustomer", Play.Vars(new { confirmed = false }));
        sim.OpenTasks.Count(t => t.ElementId == "undoBookHotel").ShouldBe(5);
        sim.OpenTasks.Count(t => t.ElementId == "undoBookFlight").ShouldBe(1);
        for (var i = 0; i < 5; i++) sim.Complete("undoBookHotel");
        sim.Complete("undoBookFlight").WaitingAt.ShouldBe(["afterCancellation"]);
        sim.Complete("afterCancellation").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "TransactionSubProcessTest.testSimpleCaseTxCancelled")]
    public void A_cancelled_transaction_runs_every_handler_once_per_completed_instance()
    {
        var sim = Steps.Run(Transaction("serviceTask"));
        sim.Complete("askCustomer", Play.Vars(new { confirmed = false }));
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Invocations("undoBookFlight").ShouldBe(1);
        sim.WaitingAt.ShouldBe(["afterCancellation"]);
        sim.Complete("afterCancellation").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "TransactionSubProcessTest.testCancelEndConcurrent")]
    public void A_cancel_end_reached_beside_other_work_cancels_it_and_compensates()
    {
        var sim = Steps.Run($$"""
            <startEvent id="start" />
            <transaction id="tx"><startEvent id="txs" /><parallelGateway id="fork" />
              {{Compensable("bookHotel", "undoBookHotel", loop: Mi(5))}}{{Compensable("bookFlight", "undoBookFlight")}}
              <userTask id="askCustomer" /><userTask id="concurrent" /><exclusiveGateway id="confirmedGw" default="toFailure" />
              <endEvent id="success" /><endEvent id="failure"><cancelEventDefinition /></endEvent><endEvent id="ce" />
              {{Chain("txs", "bookHotel", "bookFlight", "fork")}}{{Flow("fork", "askCustomer")}}{{Flow("fork", "concurrent")}}{{Flow("concurrent", "ce")}}{{Flow("askCustomer", "confirmedGw")}}
              {{Flow("confirmedGw", "success", condition: "${confirmed}")}}{{Flow("confirmedGw", "failure", "toFailure")}}</transaction>
            <boundaryEvent id="catchCancel" attachedToRef="tx"><cancelEventDefinition /></boundaryEvent>
            <receiveTask id="afterSuccess" /><receiveTask id="afterCancellation" /><endEvent id="end" /><endEvent id="end2" />
            {{Chain("start", "tx", "afterSuccess", "end")}}{{Chain("catchCancel", "afterCancellation", "end2")}}
            """);
        sim.Complete("askCustomer", Play.Vars(new { confirmed = false }));
        sim.Invocations("undoBookHotel").ShouldBe(5);
        sim.Invocations("undoBookFlight").ShouldBe(1);
        sim.TaskKeys().ShouldNotContain("concurrent");
        sim.WaitingAt.ShouldBe(["afterCancellation"]);
    }
}
