using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary><see cref="GatewayScenarios"/>, continued: parallel, inclusive and event-based gateways (one class in two files, each readable at once).</summary>
public partial class GatewayScenarios
{
    [Fact, Camunda7(G, "ParallelGatewayTest.testForkJoin")]
    public void Parallel_fork_join_continues_after_both_tasks()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><parallelGateway id="fork" /><userTask id="pay" name="Receive Payment" /><userTask id="ship" name="Ship Order" />
            <parallelGateway id="join" /><userTask id="archive" name="Archive Order" /><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "pay")}{Flow("fork", "ship")}{Flow("pay", "join")}{Flow("ship", "join")}{Chain("join", "archive", "e")}
            """);
        sim.TaskNames().ShouldBe(["Receive Payment", "Ship Order"]);
        sim.CompleteNamed("Receive Payment").CompleteNamed("Ship Order").TaskNames().ShouldBe(["Archive Order"]);
    }

    [Fact, Camunda7(G, "ParallelGatewayTest.testUnbalancedForkJoin")]
    public void Parallel_unbalanced_fork_join_fires_each_join_when_its_branches_arrive()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><parallelGateway id="fork" /><userTask id="t1" name="Task 1" /><userTask id="t2" name="Task 2" /><userTask id="t3" name="Task 3" />
            <parallelGateway id="join1" /><userTask id="t4" name="Task 4" /><parallelGateway id="join2" /><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "t1")}{Flow("fork", "t2")}{Flow("fork", "t3")}{Flow("t1", "join1")}{Flow("t2", "join1")}{Flow("join1", "t4")}
            {Flow("t3", "join2")}{Flow("t4", "join2")}{Flow("join2", "e")}
            """);
        sim.TaskNames().ShouldBe(["Task 1", "Task 2", "Task 3"]);
        sim.CompleteNamed("Task 1").TaskNames().ShouldBe(["Task 2", "Task 3"]);
        sim.CompleteNamed("Task 2").TaskNames().ShouldBe(["Task 3", "Task 4"]);
        sim.CompleteNamed("Task 3").CompleteNamed("Task 4").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(G, "ParallelGatewayTest.testImplicitParallelGatewayAfterSignalBehavior")]
    public void Three_unconditional_flows_out_of_a_triggered_wait_state_fork_implicitly()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><receiveTask id="service" /><userTask id="a" /><userTask id="b" /><userTask id="c" />
            {Flow("s", "service")}{Flow("service", "a")}{Flow("service", "b")}{Flow("service", "c")}
            """);
        sim.Complete("service").OpenTasks.Count().ShouldBe(3);
        sim.Errors.ShouldBeEmpty();
    }

    [Fact, Camunda7(G, "ParallelGatewayTest.testExplicitParallelGatewayAfterSignalBehavior")]
    public void A_parallel_gateway_after_a_triggered_wait_state_forks()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><receiveTask id="service" /><parallelGateway id="fork" /><userTask id="a" /><userTask id="b" /><userTask id="c" />
            {Chain("s", "service", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}{Flow("fork", "c")}
            """);
        sim.Complete("service").OpenTasks.Count().ShouldBe(3);
    }

    private static readonly string InclusiveDiverging = $$"""
        <startEvent id="s" /><inclusiveGateway id="inclusiveGw" />
        <userTask id="t1" name="Task 1" /><userTask id="t2" name="Task 2" /><userTask id="t3" name="Task 3" />
        {{Flow("s", "inclusiveGw")}}
        {{Flow("inclusiveGw", "t1", condition: "${input == 1}")}}{{Flow("inclusiveGw", "t2", condition: "${input <= 2}")}}{{Flow("inclusiveGw", "t3", condition: "${input <= 3}")}}
        """;

    [Fact, Camunda7(G, "InclusiveGatewayTest.testDivergingInclusiveGateway")]
    public void Inclusive_diverging_takes_every_flow_whose_condition_holds()
    {
        Steps.Run(InclusiveDiverging, new { input = 1 }).TaskNames().ShouldBe(["Task 1", "Task 2", "Task 3"]);
        Steps.Run(InclusiveDiverging, new { input = 2 }).TaskNames().ShouldBe(["Task 2", "Task 3"]);
        Steps.Run(InclusiveDiverging, new { input = 3 }).TaskNames().ShouldBe(["Task 3"]);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testMergingInclusiveGateway")]
    public void Inclusive_merge_joins_the_tokens_into_one()
    {
        Steps.Run($$"""
            <startEvent id="s" /><inclusiveGateway id="fork" /><inclusiveGateway id="merge" /><userTask id="t" /><endEvent id="e" />
            {{Flow("s", "fork")}}{{Flow("fork", "merge", "a", "${input > 1}")}}{{Flow("fork", "merge", "b", "${input > 0}")}}{{Flow("fork", "merge", "c", "${input > 5}")}}{{Chain("merge", "t", "e")}}
            """, new { input = 2 }).OpenTasks.Count().ShouldBe(1);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testPartialMergingInclusiveGateway")]
    public void Inclusive_join_waits_for_a_token_that_can_still_arrive()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><inclusiveGateway id="fork" /><userTask id="partialTask" /><inclusiveGateway id="join" /><userTask id="theTask" /><endEvent id="e" />
            {{Flow("s", "fork")}}{{Flow("fork", "partialTask", condition: "${input > 1}")}}{{Flow("fork", "join", "direct", "${input > 0}")}}{{Flow("partialTask", "join")}}{{Chain("join", "theTask", "e")}}
            """, new { input = 2 });
        sim.TaskKeys().ShouldBe(["partialTask"]);
        sim.Complete("partialTask").TaskKeys().ShouldBe(["theTask"]);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testNoSequenceFlowSelected")]
    public void Inclusive_with_no_flow_selected_fails_at_the_gateway()
    {
        var sim = Steps.Run(InclusiveDiverging, new { input = 4 });
        sim.Status.ShouldBe("failed");
        sim.Of<RaiseIncident>().Single().ElementId.ShouldBe("inclusiveGw");
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testParentActivationOnNonJoiningEnd")]
    public void Inclusive_branches_ending_without_a_join_end_the_instance_with_the_last()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><inclusiveGateway id="fork" /><userTask id="a1" /><userTask id="b1" /><userTask id="a2" /><userTask id="b2" /><endEvent id="ea" /><endEvent id="eb" />
            {Flow("s", "fork")}{Flow("fork", "a1")}{Flow("fork", "b1")}{Chain("a1", "a2", "ea")}{Chain("b1", "b2", "eb")}
            """);
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Complete("a1").Complete("b1").OpenTasks.Count().ShouldBe(2);
        sim.Complete("a2").WaitingAt.ShouldBe(["b2"]);
        sim.Complete("b2").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testWhitespaceInExpression")]
    public void Inclusive_condition_with_whitespace_evaluates()
    {
        Steps.Run($$"""
            <startEvent id="s" /><inclusiveGateway id="gw" /><userTask id="t1" /><userTask id="t2" />
            {{Flow("s", "gw")}}{{Flow("gw", "t1", condition: "\n ${ input \n == 1 } \n")}}{{Flow("gw", "t2", condition: "${input \n != 1}")}}
            """, new { input = 1 }).TaskKeys().ShouldBe(["t1"]);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testUnknownVariableInExpression")]
    public void Inclusive_condition_on_an_unknown_variable_fails()
    {
        var sim = Steps.Run(InclusiveDiverging, new { iinput = 1 });
        sim.Status.ShouldBe("failed");
        sim.Errors.ShouldContain(e => e.Contains("inclusiveGw"));
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testDecideBasedOnBeanProperty")]
    public void Inclusive_decides_on_a_property_of_an_object_variable()
    {
        Steps.Run($$"""
            <startEvent id="s" /><inclusiveGateway id="gw" /><userTask id="basic" name="Basic service" /><userTask id="std" name="Standard service" /><userTask id="gold" name="Gold Member service" />
            {{Flow("s", "gw")}}{{Flow("gw", "basic", condition: "${order.price < 100}")}}{{Flow("gw", "std", condition: "${order.price >= 100}")}}{{Flow("gw", "gold", condition: "${order.price > 125}")}}
            """, new { order = new Dictionary<string, object?> { ["price"] = 150L } }).TaskNames().ShouldBe(["Gold Member service", "Standard service"]);
    }

    private static readonly string InclusiveDefault = $$"""
        <startEvent id="s" /><inclusiveGateway id="gw" default="toDefault" />
        <userTask id="one" name="Input is one" /><userTask id="oneOrThree" name="Input is three or one" /><userTask id="theTask2" name="Default input" />
        {{Flow("s", "gw")}}{{Flow("gw", "one", condition: "${input == 1}")}}{{Flow("gw", "oneOrThree", condition: "${input == 3 || input == 1}")}}{{Flow("gw", "theTask2", "toDefault")}}
        """;

    [Fact, Camunda7(G, "InclusiveGatewayTest.testDefaultSequenceFlow")]
    public void Inclusive_takes_the_default_flow_only_when_no_condition_holds()
    {
        Steps.Run(InclusiveDefault, new { input = 1 }).TaskNames().ShouldBe(["Input is one", "Input is three or one"]);
        Steps.Run(InclusiveDefault, new { input = 3 }).TaskNames().ShouldBe(["Input is three or one"]);
        Steps.Run(InclusiveDefault, new { input = 5 }).TaskNames().ShouldBe(["Default input"]);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testDefaultSequenceFlowExecutionIsActive")]
    public void Inclusive_default_flow_leaves_an_active_token_at_its_task()
    {
        var sim = Steps.Run(InclusiveDefault, new { input = 5 });
        sim.State().Executions.Single(e => e.ElementId == "theTask2").State.ShouldBe(ExecutionState.Waiting);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testSplitMergeSplit")]
    public void Inclusive_join_that_splits_again_by_its_default_flow_continues_once()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><inclusiveGateway id="fork" /><userTask id="a" /><userTask id="b" /><inclusiveGateway id="joinSplit" default="toAfter" /><userTask id="after" /><endEvent id="e" />
            {{Flow("s", "fork")}}{{Flow("fork", "a", condition: "${input == 1}")}}{{Flow("fork", "b", condition: "${input == 1}")}}{{Flow("a", "joinSplit")}}{{Flow("b", "joinSplit")}}{{Flow("joinSplit", "after", "toAfter")}}{{Flow("after", "e")}}
            """, new { input = 1 });
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Complete("a").Complete("b").TaskKeys().ShouldBe(["after"]);
    }

    [Fact, Camunda7(G, "InclusiveGatewayTest.testNoIdOnSequenceFlow")]
    public void Inclusive_with_flows_without_ids_runs()
    {
        const string model = """
            <startEvent id="s" /><inclusiveGateway id="gw" /><userTask id="one" name="Input is one" /><userTask id="more" name="Input is more than one" />
            <sequenceFlow sourceRef="s" targetRef="gw" />
            <sequenceFlow sourceRef="gw" targetRef="one"><conditionExpression xsi:type="tFormalExpression">${input == 1}</conditionExpression></sequenceFlow>
            <sequenceFlow sourceRef="gw" targetRef="more"><conditionExpression xsi:type="tFormalExpression">${input &gt; 1 || input == 1}</conditionExpression></sequenceFlow>
            """;
        Steps.Run(model, new { input = 3 }).TaskNames().ShouldBe(["Input is more than one"]);
        Steps.Run(model, new { input = 1 }).OpenTasks.Count().ShouldBe(2);
    }

    private static readonly string AlertAndTimer = $"""
        <startEvent id="s" /><eventBasedGateway id="egw" />
        <intermediateCatchEvent id="signalEvent"><signalEventDefinition signalRef="alert" /></intermediateCatchEvent>
        <intermediateCatchEvent id="timerEvent"><timerEventDefinition><timeDuration>PT10S</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <userTask id="afterSignal" name="afterSignal" /><userTask id="afterTimer" name="afterTimer" /><endEvent id="e1" /><endEvent id="e2" />
        {Flow("s", "egw")}{Flow("egw", "signalEvent")}{Flow("egw", "timerEvent")}{Chain("signalEvent", "afterSignal", "e1")}{Chain("timerEvent", "afterTimer", "e2")}
        """;

    private static string ThrowAlert => Steps.Executable("throwSignal", $"""
        <startEvent id="ts" /><intermediateThrowEvent id="throw"><signalEventDefinition signalRef="alert" /></intermediateThrowEvent><endEvent id="te" />{Chain("ts", "throw", "te")}
        """);

    [Fact, Camunda7(G, "EventBasedGatewayTest.testCatchSignalCancelsTimer")]
    public void Event_based_gateway_signal_wins_and_withdraws_the_timer()
    {
        var sim = Steps.Run(AlertAndTimer, roots: """<signal id="alert" name="alert" />""", extra: ThrowAlert);
        sim.Subscriptions().ShouldBe(1);
        sim.Jobs().ShouldBe(1);
        sim.Start("throwSignal");
        sim.Subscriptions().ShouldBe(0);
        sim.Jobs().ShouldBe(0);
        sim.TaskNames().ShouldBe(["afterSignal"]);
        sim.CompleteNamed("afterSignal").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(G, "EventBasedGatewayTest.testCatchTimerCancelsSignal")]
    public void Event_based_gateway_timer_wins_and_withdraws_the_signal_subscription()
    {
        var sim = Steps.Run(AlertAndTimer, roots: """<signal id="alert" name="alert" />""");
        sim.Advance("PT10S");
        sim.Subscriptions().ShouldBe(0);
        sim.Jobs().ShouldBe(0);
        sim.TaskNames().ShouldBe(["afterTimer"]);
        sim.CompleteNamed("afterTimer").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(G, "EventBasedGatewayTest.testCatchSignalAndMessageAndTimer")]
    public void Event_based_gateway_message_wins_over_signal_and_timer()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><eventBasedGateway id="egw" />
            <intermediateCatchEvent id="signalEvent"><signalEventDefinition signalRef="alert" /></intermediateCatchEvent>
            <intermediateCatchEvent id="messageEvent"><messageEventDefinition messageRef="newInvoice" /></intermediateCatchEvent>
            <intermediateCatchEvent id="timerEvent"><timerEventDefinition><timeDuration>PT10S</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <userTask id="afterSignal" /><userTask id="afterMessage" name="afterMessage" /><userTask id="afterTimer" />
            {Flow("s", "egw")}{Flow("egw", "signalEvent")}{Flow("egw", "messageEvent")}{Flow("egw", "timerEvent")}
            {Flow("signalEvent", "afterSignal")}{Flow("messageEvent", "afterMessage")}{Flow("timerEvent", "afterTimer")}
            """, roots: """<signal id="alert" name="alert" /><message id="newInvoice" name="newInvoice" />""");
        sim.Subscriptions().ShouldBe(2);
        sim.Subscriptions(WaitKind.Message).ShouldBe(1);
        sim.Subscriptions(WaitKind.Signal).ShouldBe(1);
        sim.Jobs().ShouldBe(1);
        sim.Message("newInvoice");
        sim.Subscriptions().ShouldBe(0);
        sim.Jobs().ShouldBe(0);
        sim.CompleteNamed("afterMessage").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(G, "EventBasedGatewayTest.testConnectedToActitiy")]
    public void Event_based_gateway_connected_to_a_task_is_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><eventBasedGateway id="egw" /><userTask id="t" />
            <intermediateCatchEvent id="timer"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            {Flow("s", "egw")}{Flow("egw", "t")}{Flow("egw", "timer")}
            """).Problems.ShouldContain(p => p.Severity == Model.ProblemSeverity.Error && (p.ElementId == "egw" || p.ElementId == "t"));
    }

    [Fact, Camunda7(G, "EventBasedGatewayTest.testInvalidSequenceFlow")]
    public void Event_based_gateway_target_with_another_incoming_flow_is_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><eventBasedGateway id="egw" /><userTask id="t" />
            <intermediateCatchEvent id="timer"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="timer2"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            {Flow("s", "egw")}{Flow("egw", "timer")}{Flow("egw", "timer2")}{Flow("t", "timer")}
            """).HasErrors.ShouldBeTrue();
    }

    [Fact, Camunda7(G, "EventBasedGatewayTest.testTimeCycle")]
    public void Event_based_gateway_with_a_timer_cycle_fires_once_and_goes_on()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><eventBasedGateway id="egw" />
            <intermediateCatchEvent id="timer"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></intermediateCatchEvent>
            <intermediateCatchEvent id="msg"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            <userTask id="t" /><endEvent id="e" /><endEvent id="e2" />
            {Flow("s", "egw")}{Flow("egw", "timer")}{Flow("egw", "msg")}{Chain("timer", "t", "e")}{Flow("msg", "e2")}
            """, roots: """<message id="m" name="m" />""");
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H");
        sim.Jobs().ShouldBe(0);
        sim.Complete("t").Status.ShouldBe("completed");
    }
}
