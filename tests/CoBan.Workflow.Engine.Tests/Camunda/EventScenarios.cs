using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>Camunda 7's message, signal, timer, link and conditional event tests, as scenarios.</summary>
public partial class EventScenarios
{
    private const string M = "messages";
    private const string S = "signals";
    private const string T = "timers";
    private const string L = "link events";
    private const string C = "conditional events";

    private const string Invoice = """<message id="newInvoice" name="newInvoiceMessage" />""";

    [Fact, Camunda7(M, "MessageIntermediateEventTest.testSingleIntermediateMessageEvent")]
    public void A_message_catch_waits_for_its_message_then_goes_on()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><intermediateCatchEvent id="messageCatch"><messageEventDefinition messageRef="newInvoice" /></intermediateCatchEvent><userTask id="t" /><endEvent id="e" />
            {Chain("s", "messageCatch", "t", "e")}
            """, roots: Invoice);
        sim.WaitingAt.ShouldBe(["messageCatch"]);
        sim.Subscriptions().ShouldBe(1);
        sim.Message("newInvoiceMessage").TaskKeys().ShouldBe(["t"]);
        sim.Complete("t").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(M, "MessageIntermediateEventTest.testConcurrentIntermediateMessageEvent")]
    public void Two_concurrent_catches_of_one_message_each_take_one_delivery()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><parallelGateway id="fork" />
            <intermediateCatchEvent id="messageCatch1"><messageEventDefinition messageRef="newInvoice" /></intermediateCatchEvent>
            <intermediateCatchEvent id="messageCatch2"><messageEventDefinition messageRef="newInvoice" /></intermediateCatchEvent>
            <parallelGateway id="join" /><userTask id="t" /><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "messageCatch1")}{Flow("fork", "messageCatch2")}{Flow("messageCatch1", "join")}{Flow("messageCatch2", "join")}{Chain("join", "t", "e")}
            """, roots: Invoice);
        sim.WaitingAt.Order().ShouldBe(["messageCatch1", "messageCatch2"]);
        sim.Subscriptions().ShouldBe(2);
        sim.Message("newInvoiceMessage").OpenTasks.ShouldBeEmpty();
        sim.Message("newInvoiceMessage").TaskKeys().ShouldBe(["t"]);
        sim.Complete("t").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(M, "MessageIntermediateEventTest.testEmptyMessageNameFails")]
    public void A_message_without_a_name_is_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><intermediateCatchEvent id="messageCatch"><messageEventDefinition messageRef="noName" /></intermediateCatchEvent><endEvent id="e" />{Chain("s", "messageCatch", "e")}
            """, roots: """<message id="noName" />""").HasErrors.ShouldBeTrue();
    }

    [Fact, Camunda7(M, "MessageIntermediateEventTest.testExpressionInSingleIntermediateMessageEvent")]
    public void A_message_name_with_an_expression_is_evaluated_when_the_wait_begins()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><intermediateCatchEvent id="messageCatch"><messageEventDefinition messageRef="m" /></intermediateCatchEvent><userTask id="t" /><endEvent id="e" />
            {Chain("s", "messageCatch", "t", "e")}
            """, new { foo = "bar" }, roots: """<message id="m" name="newInvoiceMessage-${foo}" />""");
        sim.WaitingAt.ShouldBe(["messageCatch"]);
        sim.Message("newInvoiceMessage-bar").TaskKeys().ShouldBe(["t"]);
        sim.Complete("t").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(M, "MessageIntermediateEventTest.testIntermediateMessageEventRedeployment")]
    public void An_instance_waiting_for_a_message_keeps_its_version_when_the_model_is_redeployed()
    {
        var body = $"""<startEvent id="s" /><intermediateCatchEvent id="messageCatch"><messageEventDefinition messageRef="newInvoice" /></intermediateCatchEvent><endEvent id="e" />{Chain("s", "messageCatch", "e")}""";
        var v1 = Parse(body, Invoice).Processes[0];
        var started = Executor.Advance(v1, null, new Start(), Clock.T0);
        var v2 = Parse(body, Invoice).Processes[0];
        started.State.WaitingAt.ShouldBe(["messageCatch"]);
        Executor.Advance(v2, started.State, new DeliverMessage("newInvoiceMessage"), Clock.T0).State.Status.ShouldBe(InstanceStatus.Completed);
    }

    private const string Alert = """<signal id="alert" name="alert" /><signal id="abort" name="abort" />""";

    private static string ThrowProcess(string id, string signal) => Steps.Executable(id, $"""
        <startEvent id="{id}S" /><intermediateThrowEvent id="{id}Throw"><signalEventDefinition signalRef="{signal}" /></intermediateThrowEvent><endEvent id="{id}E" />{Chain(id + "S", id + "Throw", id + "E")}
        """);

    [Fact, Camunda7(S, "SignalEventTest.testSignalCatchIntermediate")]
    public void A_signal_thrown_by_another_instance_ends_the_waiting_catch()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><intermediateCatchEvent id="catch"><signalEventDefinition signalRef="alert" /></intermediateCatchEvent><endEvent id="e" />{Chain("s", "catch", "e")}
            """, roots: Alert, extra: ThrowProcess("throwSignal", "alert"));
        sim.Subscriptions().ShouldBe(1);
        sim.Start("throwSignal");
        sim.Subscriptions().ShouldBe(0);
        sim.Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalCatchBoundary")]
    public void A_signal_boundary_catches_a_signal_thrown_by_another_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t" /><boundaryEvent id="b" attachedToRef="t"><signalEventDefinition signalRef="alert" /></boundaryEvent><endEvent id="e" /><endEvent id="be" />
            {Chain("s", "t", "e")}{Flow("b", "be")}
            """, roots: Alert, extra: ThrowProcess("throwSignal", "alert"));
        sim.Subscriptions().ShouldBe(1);
        sim.Start("throwSignal");
        sim.Subscriptions().ShouldBe(0);
        sim.Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalCatchBoundaryWithVariables")]
    public void A_thrown_signal_does_not_overwrite_the_catching_instances_variables()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><receiveTask id="wait" /><boundaryEvent id="b" attachedToRef="wait"><signalEventDefinition signalRef="alert" /></boundaryEvent><userTask id="after" /><endEvent id="e" />
            {Chain("s", "wait", "e")}{Flow("b", "after")}
            """, new { processName = "catchSignal" }, roots: Alert, extra: ThrowProcess("throwSignal", "alert"));
        sim.Start("throwSignal", Play.Vars(new { processName = "throwSignal" }));
        sim.TaskKeys().ShouldBe(["after"]);
        sim.State().Variables["processName"].ShouldBe("catchSignal");
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalCatchDifferentSignals")]
    public void Two_signal_catches_each_react_only_to_their_own_signal()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><parallelGateway id="fork" />
            <intermediateCatchEvent id="catchAlert"><signalEventDefinition signalRef="alert" /></intermediateCatchEvent>
            <intermediateCatchEvent id="catchAbort"><signalEventDefinition signalRef="abort" /></intermediateCatchEvent>
            <userTask id="afterAbort" camunda:assignee="gonzo" /><parallelGateway id="join" /><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "catchAlert")}{Flow("fork", "catchAbort")}{Flow("catchAlert", "join")}{Chain("catchAbort", "afterAbort", "join")}{Flow("join", "e")}
            """, roots: Alert, extra: ThrowProcess("throwSignal", "alert") + ThrowProcess("throwAbort", "abort"));
        sim.Subscriptions().ShouldBe(2);
        sim.Start("throwAbort");
        sim.Subscriptions().ShouldBe(1);
        sim.OpenTasks.Single().Command.Assignee.ShouldBe("gonzo");
        sim.Complete("afterAbort");
        sim.Start("throwSignal");
        sim.Subscriptions().ShouldBe(0);
        sim.Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalBoundaryOnSubProcess")]
    public void A_signal_boundary_on_a_sub_process_ends_the_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="t" /><endEvent id="se" />{Chain("ss", "t", "se")}</subProcess>
            <boundaryEvent id="stop" attachedToRef="sub"><signalEventDefinition signalRef="stopSignal" /></boundaryEvent><endEvent id="e" /><endEvent id="se2" />
            {Chain("s", "sub", "e")}{Flow("stop", "se2")}
            """, roots: """<signal id="stopSignal" name="stopSignal" />""");
        sim.Signal("stopSignal").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(S, "SignalEventTest.testNonInterruptingSignal")]
    public void A_non_interrupting_signal_boundary_adds_a_task_beside_the_running_one()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t1" name="My User Task" /><boundaryEvent id="b" attachedToRef="t1" cancelActivity="false"><signalEventDefinition signalRef="alert" /></boundaryEvent>
            <userTask id="t2" name="My Second User Task" /><endEvent id="e" /><endEvent id="e2" />{Chain("s", "t1", "e")}{Chain("b", "t2", "e2")}
            """, roots: Alert);
        sim.TaskNames().ShouldBe(["My User Task"]);
        sim.Signal("alert").TaskNames().ShouldBe(["My Second User Task", "My User Task"]);
        sim.CompleteNamed("My User Task").TaskNames().ShouldBe(["My Second User Task"]);
    }

    [Fact, Camunda7(S, "SignalEventTest.testNonInterruptingSignalWithSubProcess")]
    public void A_non_interrupting_signal_boundary_on_a_sub_process_runs_beside_it()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="approve" name="Approve" /><endEvent id="se" />{Chain("ss", "approve", "se")}</subProcess>
            <boundaryEvent id="b" attachedToRef="sub" cancelActivity="false"><signalEventDefinition signalRef="alert" /></boundaryEvent>
            <userTask id="review" name="Review" /><userTask id="follow" name="Follow up" /><endEvent id="e" /><endEvent id="e2" />{Chain("s", "sub", "e")}{Chain("b", "review", "follow", "e2")}
            """, roots: Alert);
        sim.TaskNames().ShouldBe(["Approve"]);
        sim.Signal("alert").TaskNames().ShouldBe(["Approve", "Review"]);
        sim.CompleteNamed("Approve").TaskNames().ShouldBe(["Review"]);
        sim.CompleteNamed("Review").OpenTasks.Count().ShouldBe(1);
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalStartEventInEventSubProcess")]
    public void An_interrupting_signal_event_sub_process_replaces_the_running_work()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />{Chain("s", "t", "e")}
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="es"><signalEventDefinition signalRef="alert" /></startEvent><serviceTask id="svc" coban:action="dummy" /><endEvent id="ee" />{Chain("es", "svc", "ee")}</subProcess>
            """, roots: Alert);
        sim.OpenTasks.Count().ShouldBe(1);
        sim.Signal("alert");
        sim.Invocations("svc").ShouldBe(1);
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(S, "SignalEventTest.testNonInterruptingSignalStartEventInEventSubProcess")]
    public void A_non_interrupting_signal_event_sub_process_runs_beside_the_work()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />{Chain("s", "t", "e")}
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="es" isInterrupting="false"><signalEventDefinition signalRef="alert" /></startEvent><serviceTask id="svc" coban:action="dummy" /><endEvent id="ee" />{Chain("es", "svc", "ee")}</subProcess>
            """, roots: Alert);
        sim.Signal("alert");
        sim.Invocations("svc").ShouldBe(1);
        sim.OpenTasks.Count().ShouldBe(1);
        sim.Status.ShouldBe("waiting");
    }

    [Fact, Camunda7(S, "SignalEventTest.testSignalStartEvent")]
    public void A_signal_start_event_starts_an_instance()
    {
        var document = Parse($"""<startEvent id="s"><signalEventDefinition signalRef="alert" /></startEvent><userTask id="t" /><endEvent id="e" />{Chain("s", "t", "e")}""", Alert);
        document.Processes[0].SignalStarts.Count().ShouldBe(1);
        new CoBan.Workflow.Engine.Simulation.Simulator(document, Play.Options()).Signal("alert").OpenTasks.Count().ShouldBe(1);
    }

    [Fact, Camunda7(T, "IntermediateTimerEventTest.testCatchingTimerEvent")]
    public void A_timer_catch_fires_after_its_duration_and_the_instance_ends()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><intermediateCatchEvent id="timer"><timerEventDefinition><timeDuration>PT5M</timeDuration></timerEventDefinition></intermediateCatchEvent><endEvent id="e" />{Chain("s", "timer", "e")}
            """);
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT50M5S");
        sim.Jobs().ShouldBe(0);
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "IntermediateTimerEventTest.testExpression")]
    public void A_timer_date_from_a_date_or_a_text_variable_fires()
    {
        var body = $$"""<startEvent id="s" /><intermediateCatchEvent id="timer"><timerEventDefinition><timeDate>${dueDate}</timeDate></timerEventDefinition></intermediateCatchEvent><endEvent id="e" />{{Chain("s", "timer", "e")}}""";
        // Camunda's test takes "now" a moment before the start; with the clock held, a second later.
        var due = Clock.T0.AddSeconds(1);
        var asDate = Steps.Run(body, new { dueDate = due });
        var asText = Steps.Run(body, new { dueDate = due.ToString("yyyy-MM-dd'T'HH:mm:ss") });
        asDate.Jobs().ShouldBe(1);
        asText.Jobs().ShouldBe(1);
        asDate.Advance("PT1S").Status.ShouldBe("completed");
        asText.Advance("PT1S").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(L, "LinkEventTest.testValidEventLink")]
    public void Links_carry_the_token_from_throw_to_catch_twice()
    {
        var sim = Steps.Run($"""
            <startEvent id="StartEvent_1" /><intermediateThrowEvent id="throw1"><linkEventDefinition name="LinkA" /></intermediateThrowEvent>
            <intermediateCatchEvent id="catch1"><linkEventDefinition name="LinkA" /></intermediateCatchEvent><receiveTask id="waitAfterLink1" />
            <intermediateThrowEvent id="throw2"><linkEventDefinition name="LinkB" /></intermediateThrowEvent>
            <intermediateCatchEvent id="catch2"><linkEventDefinition name="LinkB" /></intermediateCatchEvent><receiveTask id="waitAfterLink2" /><endEvent id="EndEvent_1" />
            {Chain("StartEvent_1", "throw1")}{Chain("catch1", "waitAfterLink1", "throw2")}{Chain("catch2", "waitAfterLink2", "EndEvent_1")}
            """);
        sim.WaitingAt.ShouldBe(["waitAfterLink1"]);
        sim.Complete("waitAfterLink1").WaitingAt.ShouldBe(["waitAfterLink2"]);
        sim.Complete("waitAfterLink2").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(L, "LinkEventTest.testEventLinkMultipleSources")]
    public void Two_link_throws_to_one_catch_bring_two_tokens()
    {
        var sim = Steps.Run($"""
            <startEvent id="StartEvent_1" /><parallelGateway id="ParallelGateway_1" /><manualTask id="ManualTask_1" />
            <intermediateThrowEvent id="throw1"><linkEventDefinition name="LinkA" /></intermediateThrowEvent>
            <intermediateThrowEvent id="throw2"><linkEventDefinition name="LinkA" /></intermediateThrowEvent>
            <intermediateCatchEvent id="catch"><linkEventDefinition name="LinkA" /></intermediateCatchEvent><receiveTask id="WaitAfterLink" /><endEvent id="e" />
            {Flow("StartEvent_1", "ParallelGateway_1")}{Flow("ParallelGateway_1", "ManualTask_1")}{Flow("ParallelGateway_1", "throw2")}{Flow("ManualTask_1", "throw1")}{Chain("catch", "WaitAfterLink", "e")}
            """);
        sim.State().WaitingAt.ShouldBe(["WaitAfterLink", "WaitAfterLink"]);
    }

    [Fact, Camunda7(L, "LinkEventTest.testInvalidEventLinkMultipleTargets")]
    public void Two_link_catches_with_one_name_are_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><intermediateThrowEvent id="throw"><linkEventDefinition name="LinkA" /></intermediateThrowEvent>
            <intermediateCatchEvent id="c1"><linkEventDefinition name="LinkA" /></intermediateCatchEvent><intermediateCatchEvent id="c2"><linkEventDefinition name="LinkA" /></intermediateCatchEvent>
            <endEvent id="e1" /><endEvent id="e2" />{Flow("s", "throw")}{Flow("c1", "e1")}{Flow("c2", "e2")}
            """).HasErrors.ShouldBeTrue();
    }

    [Fact, Camunda7(L, "LinkEventTest.testCatchLinkEventAfterEventBasedGatewayNotAllowed")]
    public void A_link_catch_after_an_event_based_gateway_is_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><eventBasedGateway id="egw" />
            <intermediateCatchEvent id="link"><linkEventDefinition name="LinkA" /></intermediateCatchEvent>
            <intermediateCatchEvent id="timer"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="e1" /><endEvent id="e2" />{Flow("s", "egw")}{Flow("egw", "link")}{Flow("egw", "timer")}{Flow("link", "e1")}{Flow("timer", "e2")}
            """).HasErrors.ShouldBeTrue();
    }

    private static readonly string ConditionalAfterTask = $$"""
        <startEvent id="s" /><userTask id="before" name="Before Condition" />
        <intermediateCatchEvent id="conditionalEvent"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
        <userTask id="after" name="After Condition" /><endEvent id="e" />
        {{Chain("s", "before", "conditionalEvent", "after", "e")}}
        """;
}
