using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>Camunda 7's BoundaryTimerEventTest, MessageBoundaryEventTest and BoundaryErrorEventTest, as scenarios.</summary>
public partial class BoundaryScenarios
{
    private const string B = "boundary events";

    private static string Timer(string id, string on, string duration, bool interrupting = true) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{on}" cancelActivity="{(interrupting ? "true" : "false")}"><timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></boundaryEvent>""";

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testMultipleTimersOnUserTask")]
    public void The_earliest_of_three_timers_on_a_task_fires_and_withdraws_the_others()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="first" name="First Task" />
            {Timer("t2h", "first", "PT2H")}{Timer("t1h", "first", "PT1H")}{Timer("t3h", "first", "PT3H")}
            <userTask id="second" name="Second Task" /><userTask id="third" name="Third Task" /><userTask id="fourth" name="Fourth Task" />
            {Flow("s", "first")}{Flow("t2h", "second")}{Flow("t1h", "third")}{Flow("t3h", "fourth")}
            """);
        sim.Jobs().ShouldBe(3);
        sim.Advance("PT1H0M5S");
        sim.Jobs().ShouldBe(0);
        sim.TaskNames().ShouldBe(["Third Task"]);
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testTimerOnNestingOfSubprocesses")]
    public void A_timer_on_an_outer_sub_process_cancels_the_nested_one()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" />
            <subProcess id="outer"><startEvent id="os" />
              <subProcess id="inner"><startEvent id="is" /><parallelGateway id="fork" /><userTask id="i1" name="Inner subprocess task 1" /><userTask id="i2" name="Inner subprocess task 2" />
                {Flow("is", "fork")}{Flow("fork", "i1")}{Flow("fork", "i2")}</subProcess>
              {Flow("os", "inner")}</subProcess>
            {Timer("timer", "outer", "PT1H")}<userTask id="after" name="task outside subprocess" />
            {Flow("s", "outer")}{Flow("timer", "after")}
            """);
        sim.TaskNames().ShouldBe(["Inner subprocess task 1", "Inner subprocess task 2"]);
        sim.Advance("PT1H").TaskNames().ShouldBe(["task outside subprocess"]);
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testExpressionOnTimer")]
    public void A_timer_duration_from_an_expression_fires_after_that_duration()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><userTask id="t" />
            <boundaryEvent id="timer" attachedToRef="t"><timerEventDefinition><timeDuration>${duration}</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="e" /><endEvent id="te" />{{Chain("s", "t", "e")}}{{Flow("timer", "te")}}
            """, new { duration = "PT1H" });
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H0M5S");
        sim.Jobs().ShouldBe(0);
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testTimerInSingleTransactionProcess")]
    public void An_instance_that_ends_in_one_step_leaves_no_timer_behind()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" />
            <subProcess id="sub"><startEvent id="ss" /><endEvent id="se" />{Flow("ss", "se")}</subProcess>
            {Timer("timer", "sub", "PT1H")}<endEvent id="e" /><endEvent id="te" />{Chain("s", "sub", "e")}{Flow("timer", "te")}
            """);
        sim.Status.ShouldBe("completed");
        sim.Jobs().ShouldBe(0);
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testRepeatingTimerWithCancelActivity")]
    public void An_interrupting_cycle_timer_that_loops_back_to_its_task_recreates_one_task_and_one_timer()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t" />
            <boundaryEvent id="timer" attachedToRef="t"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></boundaryEvent>
            <endEvent id="e" />{Chain("s", "t", "e")}{Flow("timer", "t")}
            """);
        sim.Jobs().ShouldBe(1);
        sim.OpenTasks.Count().ShouldBe(1);
        sim.Advance("PT1H");
        sim.Jobs().ShouldBe(1);
        sim.OpenTasks.Count().ShouldBe(1);
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testMultipleOutgoingSequenceFlows")]
    public void An_interrupting_timer_with_two_outgoing_flows_opens_two_tasks()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="t" />{Timer("timer", "t", "PT1H")}<userTask id="a" /><userTask id="b" /><endEvent id="e" /><endEvent id="ea" /><endEvent id="eb" />
            {Chain("s", "t", "e")}{Flow("timer", "a")}{Flow("timer", "b")}{Flow("a", "ea")}{Flow("b", "eb")}
            """);
        sim.Advance("PT1H").OpenTasks.Count().ShouldBe(2);
        sim.Complete("a").Complete("b").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testMultipleOutgoingSequenceFlowsOnSubprocess")]
    public void An_interrupting_timer_on_a_sub_process_with_two_outgoing_flows_opens_two_tasks()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><startEvent id="ss" /><userTask id="inner" /><endEvent id="se" />{Chain("ss", "inner", "se")}</subProcess>
            {Timer("timer", "sub", "PT1H")}<userTask id="a" /><userTask id="b" /><endEvent id="e" /><endEvent id="ea" /><endEvent id="eb" />
            {Chain("s", "sub", "e")}{Flow("timer", "a")}{Flow("timer", "b")}{Flow("a", "ea")}{Flow("b", "eb")}
            """);
        sim.Advance("PT1H").TaskKeys().ShouldBe(["a", "b"]);
        sim.Complete("a").Complete("b").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testMultipleOutgoingSequenceFlowsOnSubprocessMi")]
    public void An_interrupting_timer_on_a_multi_instance_sub_process_with_two_outgoing_flows_opens_two_tasks()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="sub"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics>
              <startEvent id="ss" /><userTask id="inner" /><endEvent id="se" />{Chain("ss", "inner", "se")}</subProcess>
            {Timer("timer", "sub", "PT1H")}<userTask id="a" /><userTask id="b" /><endEvent id="e" /><endEvent id="ea" /><endEvent id="eb" />
            {Chain("s", "sub", "e")}{Flow("timer", "a")}{Flow("timer", "b")}{Flow("a", "ea")}{Flow("b", "eb")}
            """);
        sim.OpenTasks.Count().ShouldBe(3);
        sim.Advance("PT1H").TaskKeys().ShouldBe(["a", "b"]);
        sim.Complete("a").Complete("b").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "BoundaryTimerEventTest.testInterruptingTimerDuration")]
    public void An_interrupting_timer_moves_the_work_to_the_escalation_task()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="first" name="First line support" />{Timer("timer", "first", "PT4H")}
            <userTask id="second" name="Handle escalated issue" /><endEvent id="e" />{Chain("s", "first", "e")}{Flow("timer", "second")}
            """);
        sim.TaskNames().ShouldBe(["First line support"]);
        sim.Advance("PT4H").TaskNames().ShouldBe(["Handle escalated issue"]);
    }

    private const string MessageRoots = """<message id="m1" name="messageName" /><message id="m2" name="messageName_2" /><message id="m1b" name="messageName_1" /><message id="mo" name="messageName2" />""";

    private static string MessageBoundary(string id, string on, string message) =>
        $"""<boundaryEvent id="{id}" attachedToRef="{on}"><messageEventDefinition messageRef="{message}" /></boundaryEvent>""";

    private static readonly string SingleMessage = $"""
        <startEvent id="s" /><userTask id="task" />{MessageBoundary("msg", "task", "m1")}
        <userTask id="taskAfterMessage" /><userTask id="taskAfterTask" /><endEvent id="e1" /><endEvent id="e2" />
        {Chain("s", "task", "taskAfterTask", "e1")}{Chain("msg", "taskAfterMessage", "e2")}
        """;

    [Fact, Camunda7(B, "MessageBoundaryEventTest.testSingleBoundaryMessageEvent")]
    public void A_message_boundary_cancels_the_task_and_completing_the_task_withdraws_the_subscription()
    {
        var sim = Steps.Run(SingleMessage, roots: MessageRoots);
        sim.Subscriptions().ShouldBe(1);
        sim.Message("messageName").TaskKeys().ShouldBe(["taskAfterMessage"]);
        sim.Complete("taskAfterMessage").Status.ShouldBe("completed");

        sim = Steps.Run(SingleMessage, roots: MessageRoots);
        sim.Complete("task");
        sim.Subscriptions().ShouldBe(0);
        sim.TaskKeys().ShouldBe(["taskAfterTask"]);
        sim.Complete("taskAfterTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "MessageBoundaryEventTest.testDoubleBoundaryMessageEventSameMessageId")]
    public void Two_message_boundaries_for_the_same_message_on_one_task_are_refused()
    {
        Steps.Read($"""
            <startEvent id="s" /><userTask id="task" />{MessageBoundary("b1", "task", "m1")}{MessageBoundary("b2", "task", "m1")}
            <endEvent id="e" /><endEvent id="e1" /><endEvent id="e2" />{Chain("s", "task", "e")}{Flow("b1", "e1")}{Flow("b2", "e2")}
            """, roots: MessageRoots).ShouldBeRefused("b2", "messageName");
    }

    private static readonly string DoubleMessage = $"""
        <startEvent id="s" /><userTask id="task" />{MessageBoundary("b1", "task", "m1b")}{MessageBoundary("b2", "task", "m2")}
        <userTask id="taskAfterMessage_1" /><userTask id="taskAfterMessage_2" /><userTask id="taskAfterTask" /><endEvent id="e" /><endEvent id="e1" /><endEvent id="e2" />
        {Chain("s", "task", "taskAfterTask", "e")}{Chain("b1", "taskAfterMessage_1", "e1")}{Chain("b2", "taskAfterMessage_2", "e2")}
        """;

    [Fact, Camunda7(B, "MessageBoundaryEventTest.testDoubleBoundaryMessageEvent")]
    public void The_first_of_two_message_boundaries_wins_and_withdraws_the_other()
    {
        var sim = Steps.Run(DoubleMessage, roots: MessageRoots);
        sim.Subscriptions().ShouldBe(2);
        sim.Message("messageName_1");
        sim.Message("messageName_2").Errors.ShouldContain(e => e.Contains("messageName_2"));
        sim.TaskKeys().ShouldBe(["taskAfterMessage_1"]);
        sim.Complete("taskAfterMessage_1").Status.ShouldBe("completed");

        sim = Steps.Run(DoubleMessage, roots: MessageRoots);
        sim.Complete("task");
        sim.Subscriptions().ShouldBe(0);
        sim.Complete("taskAfterTask").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(B, "MessageBoundaryEventTest.testDoubleBoundaryMessageEventMultiInstance")]
    public void Message_boundaries_on_a_multi_instance_task_guard_every_instance_until_the_last_completes()
    {
        var model = $"""
            <startEvent id="s" /><userTask id="task"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>5</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            {MessageBoundary("b1", "task", "m1b")}{MessageBoundary("b2", "task", "m2")}
            <userTask id="taskAfterMessage_1" /><userTask id="taskAfterMessage_2" /><userTask id="taskAfterTask" /><endEvent id="e" /><endEvent id="e1" /><endEvent id="e2" />
            {Chain("s", "task", "taskAfterTask", "e")}{Chain("b1", "taskAfterMessage_1", "e1")}{Chain("b2", "taskAfterMessage_2", "e2")}
            """;
        var sim = Steps.Run(model, roots: MessageRoots);
        sim.OpenTasks.Count().ShouldBe(5);
        sim.Subscriptions().ShouldBe(2);
        sim.Message("messageName_1").TaskKeys().ShouldBe(["taskAfterMessage_1"]);
        sim.Subscriptions().ShouldBe(0);
        sim.Complete("taskAfterMessage_1").Status.ShouldBe("completed");

        sim = Steps.Run(model, roots: MessageRoots);
        for (var i = 0; i < 4; i++)
        {
            sim.Complete("task");
            sim.Subscriptions().ShouldBe(2);
        }
        sim.Complete("task");
        sim.Subscriptions().ShouldBe(0);
        sim.Complete("taskAfterTask").Status.ShouldBe("completed");
    }
}
