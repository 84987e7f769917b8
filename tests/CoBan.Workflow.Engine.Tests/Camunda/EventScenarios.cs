using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>Camunda 7's message, signal, timer, link and conditional event tests, as scenarios.</summary>
public class EventScenarios
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

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testFalseCondition")]
    public void A_false_condition_makes_the_token_wait_at_the_conditional_event()
    {
        var sim = Steps.Run(ConditionalAfterTask, new { variable = 0 });
        sim.TaskNames().ShouldBe(["Before Condition"]);
        sim.CompleteNamed("Before Condition").WaitingAt.ShouldBe(["conditionalEvent"]);
        sim.Subscriptions(WaitKind.Condition).ShouldBe(1);
    }

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testTrueCondition")]
    public void A_true_condition_lets_the_token_pass_the_conditional_event_at_once()
    {
        var sim = Steps.Run(ConditionalAfterTask, new { variable = 1 });
        sim.CompleteNamed("Before Condition").TaskNames().ShouldBe(["After Condition"]);
        sim.WaitingAt.ShouldNotContain("conditionalEvent");
    }

    private static readonly string ConditionalOnly = $$"""
        <startEvent id="s" /><intermediateCatchEvent id="conditionalEvent"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
        <endEvent id="e" />{{Chain("s", "conditionalEvent", "e")}}
        """;

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testVariableValue")]
    public void Setting_the_variable_to_the_awaited_value_ends_the_instance()
    {
        var sim = Steps.Run(ConditionalOnly, new { variable = 0 });
        sim.WaitingAt.ShouldBe(["conditionalEvent"]);
        sim.SetVariables(Play.Vars(new { variable = 1 })!).Status.ShouldBe("completed");
        sim.Subscriptions(WaitKind.Condition).ShouldBe(0);
    }

    private static readonly string ParallelConditions = $$"""
        <startEvent id="s" /><parallelGateway id="fork" />
        <intermediateCatchEvent id="conditionalEvent1"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
        <intermediateCatchEvent id="conditionalEvent2"><conditionalEventDefinition><condition>${variable == 2}</condition></conditionalEventDefinition></intermediateCatchEvent>
        <endEvent id="e1" /><endEvent id="e2" />
        {{Flow("s", "fork")}}{{Flow("fork", "conditionalEvent1")}}{{Flow("fork", "conditionalEvent2")}}{{Flow("conditionalEvent1", "e1")}}{{Flow("conditionalEvent2", "e2")}}
        """;

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testParallelVariableValue")]
    public void Two_parallel_conditional_events_pass_each_when_its_own_condition_holds()
    {
        var sim = Steps.Run(ParallelConditions, new { variable = 0 });
        sim.Subscriptions(WaitKind.Condition).ShouldBe(2);
        sim.SetVariables(Play.Vars(new { variable = 1 })!).WaitingAt.ShouldBe(["conditionalEvent2"]);
        sim.Subscriptions(WaitKind.Condition).ShouldBe(1);
        sim.SetVariables(Play.Vars(new { variable = 2 })!).Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testParallelVariableValueEqualConditions")]
    public void Two_parallel_conditional_events_with_equal_conditions_pass_together()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><parallelGateway id="fork" />
            <intermediateCatchEvent id="c1"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="c2"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
            <parallelGateway id="join" /><endEvent id="e" />
            {{Flow("s", "fork")}}{{Flow("fork", "c1")}}{{Flow("fork", "c2")}}{{Flow("c1", "join")}}{{Flow("c2", "join")}}{{Flow("join", "e")}}
            """, new { variable = 0 });
        sim.SetVariables(Play.Vars(new { variable = 1 })!).Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testSubProcessVariableValue")]
    public void A_conditional_event_inside_a_sub_process_reacts_to_the_variable()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" />
              <intermediateCatchEvent id="conditionalEvent"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
              <endEvent id="se" />{{Chain("ss", "conditionalEvent", "se")}}</subProcess><endEvent id="e" />{{Chain("s", "sub", "e")}}
            """, new { variable = 0 });
        sim.WaitingAt.ShouldBe(["conditionalEvent"]);
        sim.SetVariables(Play.Vars(new { variable = 1 })!).Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testCleanUpConditionalEventSubscriptions")]
    public void Passing_a_conditional_event_removes_its_subscription()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><intermediateCatchEvent id="conditionalEvent"><conditionalEventDefinition><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
            <userTask id="after" name="After Condition" /><endEvent id="e" />{{Chain("s", "conditionalEvent", "after", "e")}}
            """, new { variable = 0 });
        sim.Subscriptions(WaitKind.Condition).ShouldBe(1);
        sim.SetVariables(Play.Vars(new { variable = 1 })!).TaskNames().ShouldBe(["After Condition"]);
        sim.Subscriptions(WaitKind.Condition).ShouldBe(0);
        sim.CompleteNamed("After Condition").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(C, "IntermediateConditionalEventTest.testVariableConditionWithVariableName")]
    public void A_conditional_event_with_a_variable_name_ignores_other_variables()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><intermediateCatchEvent id="conditionalEvent"><conditionalEventDefinition camunda:variableName="variable"><condition>${variable == 1}</condition></conditionalEventDefinition></intermediateCatchEvent>
            <userTask id="after" name="After Condition" /><endEvent id="e" />{{Chain("s", "conditionalEvent", "after", "e")}}
            """);
        sim.SetVariables(Play.Vars(new { variable1 = 1 })!).WaitingAt.ShouldBe(["conditionalEvent"]);
        sim.SetVariables(Play.Vars(new { variable = 1 })!).TaskNames().ShouldBe(["After Condition"]);
        sim.CompleteNamed("After Condition").Status.ShouldBe("completed");
    }

    private static CoBan.Workflow.Engine.Simulation.Simulator Conditions(string body, string extra = "") =>
        new(Parse(body, extraProcesses: extra), Play.Options());

    private static string ConditionalStart(string id, string condition, string variableName = "") => $"""
        <startEvent id="{id}"><conditionalEventDefinition {(variableName == "" ? "" : $"camunda:variableName=\"{variableName}\"")}><condition>{condition}</condition></conditionalEventDefinition></startEvent>
        <userTask id="{id}Task" /><endEvent id="{id}End" />{Chain(id, id + "Task", id + "End")}
        """;

    private static readonly string Single = ConditionalStart("single", "${foo == 1}");
    private static readonly string Multiple = ConditionalStart("c1", "${foo == 1}") + ConditionalStart("c2", "${bar == true}") + ConditionalStart("c3", "${foo == 2}");
    private static readonly string TrueProcess = Steps.Executable("trueConditionProcess", ConditionalStart("always", "${true}"));

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithTrueConditionalStartEvent")]
    public void A_true_conditional_start_starts_an_instance_on_any_evaluation()
    {
        Conditions(ConditionalStart("always", "${true}")).EvaluateStartConditions(new Dictionary<string, object?>()).Instances.Count.ShouldBe(1);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithVariableCondition")]
    public void A_conditional_start_holding_on_the_variables_starts_an_instance_holding_them()
    {
        var sim = Conditions(Single).EvaluateStartConditions(Play.Vars(new { foo = 1 })!);
        sim.Instances.Count.ShouldBe(1);
        sim.State().Variables["foo"].ShouldBe(1L);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithoutResult")]
    public void A_conditional_start_not_holding_starts_nothing()
    {
        Conditions(Single).EvaluateStartConditions(Play.Vars(new { foo = 0 })!).Instances.ShouldBeEmpty();
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithMultipleConditions")]
    public void Each_holding_conditional_start_of_a_process_starts_its_own_instance()
    {
        var sim = Conditions(Multiple);
        sim.Main.ShouldBeNull();
        Parse(Multiple).Processes[0].ConditionalStarts.Count().ShouldBe(3);
        sim.EvaluateStartConditions(Play.Vars(new { foo = 1, bar = true })!).Instances.Count.ShouldBe(2);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithMultipleSubscriptions")]
    public void Conditional_starts_of_several_processes_all_start_on_one_evaluation()
    {
        Conditions(Single, Steps.Executable("multipleConditions", Multiple) + TrueProcess)
            .EvaluateStartConditions(Play.Vars(new { foo = 1, bar = true })!).Instances.Count.ShouldBe(4);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithMultipleSubscriptionsWithoutProvidingAllVariables")]
    public void A_condition_naming_a_variable_not_given_does_not_hold_and_does_not_fail()
    {
        var sim = Conditions(Single, Steps.Executable("multipleConditions", Multiple) + TrueProcess).EvaluateStartConditions(Play.Vars(new { foo = 1 })!);
        sim.Instances.Count.ShouldBe(3);
        sim.Errors.ShouldBeEmpty();
    }

    private static readonly string VariableName = ConditionalStart("named", "${true}", variableName: "foo") + ConditionalStart("unnamed", "${true == true}");

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithVariableName")]
    public void A_conditional_start_with_a_variable_name_starts_when_that_variable_is_given()
    {
        Conditions(VariableName).EvaluateStartConditions(Play.Vars(new { foo = 42 })!).Instances.Count.ShouldBe(2);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testStartInstanceWithVariableNameNotFullfilled")]
    public void A_conditional_start_with_a_variable_name_does_not_start_without_that_variable()
    {
        Conditions(VariableName).EvaluateStartConditions(new Dictionary<string, object?>()).Instances.Count.ShouldBe(1);
    }

    [Fact, Camunda7(C, "ConditionalStartEventTest.testDeploymentOfTwoEqualConditionalStartEvent")]
    public void Two_conditional_starts_with_the_same_condition_are_refused()
    {
        Steps.Read(ConditionalStart("first", "${foo == 1}") + ConditionalStart("second", "${foo == 1}")).ShouldBeRefused("second", "same condition");
    }

    private static string NonInterrupting(string id, string on, string timer) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{on}" cancelActivity="false"><timerEventDefinition>{timer}</timerEventDefinition></boundaryEvent>""";

    private static string After(string duration) => $"<timeDuration>{duration}</timeDuration>";

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testMultipleTimersOnUserTask")]
    public void Two_non_interrupting_timers_each_add_an_escalation_task_beside_the_first()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="first" name="First Task" />{NonInterrupting("t1", "first", After("PT1H"))}{NonInterrupting("t2", "first", After("PT2H"))}
            <userTask id="esc1" name="Escalation Task 1" /><userTask id="esc2" name="Escalation Task 2" /><endEvent id="e" /><endEvent id="e1" /><endEvent id="e2" />
            {Chain("s", "first", "e")}{Chain("t1", "esc1", "e1")}{Chain("t2", "esc2", "e2")}
            """);
        sim.TaskNames().ShouldBe(["First Task"]);
        sim.Jobs().ShouldBe(2);
        sim.Advance("PT1H0M5S");
        sim.Jobs().ShouldBe(1);
        sim.TaskNames().ShouldBe(["Escalation Task 1", "First Task"]);
        sim.CompleteNamed("Escalation Task 1").TaskNames().ShouldBe(["First Task"]);
        sim.AdvanceTo(Clock.T0.AddHours(2).AddSeconds(5));
        sim.Jobs().ShouldBe(0);
        sim.TaskNames().ShouldBe(["Escalation Task 2", "First Task"]);
        sim.CompleteNamed("First Task").TaskNames().ShouldBe(["Escalation Task 2"]);
        sim.CompleteNamed("Escalation Task 2").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testTimerOnMiUserTask")]
    public void A_non_interrupting_timer_on_a_multi_instance_task_fires_once_for_the_whole_activity()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="first" name="First Task"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>5</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            {NonInterrupting("t1", "first", After("PT1H"))}<userTask id="esc1" name="Escalation Task 1" /><endEvent id="e" /><endEvent id="e1" />
            {Chain("s", "first", "e")}{Chain("t1", "esc1", "e1")}
            """);
        sim.TaskNames().ShouldAllBe(n => n == "First Task");
        sim.OpenTasks.Count().ShouldBe(5);
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H").OpenTasks.Count().ShouldBe(6);
        sim.CompleteNamed("Escalation Task 1");
        while (sim.OpenTasks.Any()) sim.Complete("first");
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testJoin")]
    public void The_escalation_path_of_a_non_interrupting_timer_joins_the_main_path()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="main" name="Main Task" />{NonInterrupting("t1", "main", After("PT1H"))}<userTask id="esc" name="Escalation Task" />
            <parallelGateway id="join" /><endEvent id="e" />{Chain("s", "main", "join", "e")}{Chain("t1", "esc", "join")}
            """);
        sim.TaskNames().ShouldBe(["Main Task"]);
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H0M5S");
        sim.Jobs().ShouldBe(0);
        sim.OpenTasks.Count().ShouldBe(2);
        sim.CompleteNamed("Main Task").TaskNames().ShouldBe(["Escalation Task"]);
        sim.CompleteNamed("Escalation Task").Status.ShouldBe("completed");
    }

    private static readonly string ConcurrentTasks = $"""
        <startEvent id="s" /><parallelGateway id="fork" /><userTask id="firstTask" /><userTask id="secondTask" />{NonInterrupting("t1", "firstTask", After("PT1H"))}
        <userTask id="timerFiredTask" /><parallelGateway id="join" /><endEvent id="e" /><endEvent id="te" />
        {Flow("s", "fork")}{Flow("fork", "firstTask")}{Flow("fork", "secondTask")}{Flow("firstTask", "join")}{Flow("secondTask", "join")}{Flow("join", "e")}{Chain("t1", "timerFiredTask", "te")}
        """;

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testTimerOnConcurrentTasks")]
    public void A_non_interrupting_timer_on_one_of_two_concurrent_tasks_adds_a_third()
    {
        var sim = Steps.Run(ConcurrentTasks);
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Advance("PT1H").OpenTasks.Count().ShouldBe(3);
        sim.Complete("timerFiredTask").OpenTasks.Count().ShouldBe(2);
        sim.Complete("firstTask").Complete("secondTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testTimerOnConcurrentTasks2")]
    public void The_join_fires_before_the_task_the_timer_added_is_done()
    {
        var sim = Steps.Run(ConcurrentTasks);
        sim.Advance("PT1H").OpenTasks.Count().ShouldBe(3);
        sim.Complete("firstTask").Complete("secondTask").OpenTasks.Count().ShouldBe(1);
        sim.Complete("timerFiredTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testTimerWithCycle")]
    public void A_non_interrupting_cycle_fires_every_hour_while_the_task_is_open_and_stops_with_it()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="task" />{NonInterrupting("t1", "task", "<timeCycle>R/PT1H</timeCycle>")}<userTask id="timerFiredTask" />
            <endEvent id="e" /><endEvent id="te" />{Chain("s", "task", "e")}{Chain("t1", "timerFiredTask", "te")}
            """);
        int Fired() => sim.OpenTasks.Count(t => t.ElementId == "timerFiredTask");
        Fired().ShouldBe(0);
        sim.Advance("PT1H0M5S");
        Fired().ShouldBe(1);
        sim.Advance("PT1H0M5S");
        Fired().ShouldBe(2);
        sim.Complete("task").Advance("PT1H0M5S");
        Fired().ShouldBe(2);
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testTimerOnEmbeddedSubprocess")]
    public void A_non_interrupting_timer_on_a_sub_process_adds_a_task_beside_it()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="inner" camunda:assignee="kermit" /><endEvent id="se" />{Chain("ss", "inner", "se")}</subProcess>
            {NonInterrupting("t1", "sub", After("PT1H"))}<userTask id="timerTask" camunda:assignee="kermit" /><endEvent id="e" /><endEvent id="te" />
            {Chain("s", "sub", "e")}{Chain("t1", "timerTask", "te")}
            """);
        sim.OpenTasks.Count(t => t.Command.Assignee == "kermit").ShouldBe(1);
        sim.Advance("PT1H").OpenTasks.Count(t => t.Command.Assignee == "kermit").ShouldBe(2);
        sim.Complete("inner").Complete("timerTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(T, "BoundaryTimerNonInterruptingEventTest.testReceiveTaskWithBoundaryTimer")]
    public void A_receive_task_with_a_cycle_timer_from_a_variable_waits_and_ends_when_triggered()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><receiveTask id="task" />{{NonInterrupting("t1", "task", "<timeCycle>${timeCycle}</timeCycle>")}}<endEvent id="e" /><endEvent id="te" />
            {{Chain("s", "task", "e")}}{{Flow("t1", "te")}}
            """, new { timeCycle = "R/PT1H" });
        sim.Jobs().ShouldBe(1);
        sim.WaitingAt.ShouldBe(["task"]);
        sim.Complete("task").Status.ShouldBe("completed");
    }
}
