using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary>Camunda 7's CallActivityTest, MultiInstanceTest and InterruptingEventSubProcessTest, as scenarios.</summary>
public partial class ActivityScenarios
{
    private const string CA = "call activity";
    private const string MI = "multi-instance";
    private const string ESP = "event sub-process";

    private static string SimpleSub(string id = "simpleSubProcess", string taskName = "Task in subprocess") => Steps.Executable(id, $"""
        <startEvent id="{id}S" /><userTask id="{id}T" name="{taskName}" /><endEvent id="{id}E" />{Chain(id + "S", id + "T", id + "E")}
        """);

    private static string Caller(string calledElement) => $"""
        <startEvent id="s" /><userTask id="before" name="Task before subprocess" /><callActivity id="call" calledElement="{calledElement}" />
        <userTask id="after" name="Task after subprocess" /><endEvent id="e" />{Chain("s", "before", "call", "after", "e")}
        """;

    [Fact, Camunda7(CA, "CallActivityTest.testCallSimpleSubProcess")]
    public void A_call_activity_runs_the_called_process_and_goes_on_when_it_ends()
    {
        var sim = Steps.Run(Caller("simpleSubProcess"), extra: SimpleSub());
        sim.TaskNames().ShouldBe(["Task before subprocess"]);
        sim.CompleteNamed("Task before subprocess").TaskNames().ShouldBe(["Task in subprocess"]);
        sim.CompleteNamed("Task in subprocess").TaskNames().ShouldBe(["Task after subprocess"]);
        sim.CompleteNamed("Task after subprocess").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(CA, "CallActivityTest.testCallSimpleSubProcessWithExpressions")]
    public void The_called_element_may_be_an_expression()
    {
        var sim = Steps.Run(Caller("${simpleSubProcessExpression}"), extra: SimpleSub());
        sim.CompleteNamed("Task before subprocess", new { simpleSubProcessExpression = "simpleSubProcess" }).TaskNames().ShouldBe(["Task in subprocess"]);
        sim.CompleteNamed("Task in subprocess").CompleteNamed("Task after subprocess").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(CA, "CallActivityTest.testSubProcessEndsSuperProcess")]
    public void The_called_process_ending_ends_the_caller_when_the_call_is_its_last_step()
    {
        var sim = Steps.Run($"""<startEvent id="s" /><callActivity id="call" calledElement="simpleSubProcess" /><endEvent id="e" />{Chain("s", "call", "e")}""", extra: SimpleSub());
        sim.TaskNames().ShouldBe(["Task in subprocess"]);
        sim.CompleteNamed("Task in subprocess").Status.ShouldBe("completed");
        sim.Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(CA, "CallActivityTest.testCallParallelSubProcess")]
    public void A_called_process_with_parallel_tasks_ends_after_both()
    {
        var sim = Steps.Run($"""<startEvent id="s" /><callActivity id="call" calledElement="parallel" /><endEvent id="e" />{Chain("s", "call", "e")}""",
            extra: Steps.Executable("parallel", $"""
                <startEvent id="ps" /><parallelGateway id="fork" /><userTask id="a" name="Task A" /><userTask id="b" name="Task B" /><parallelGateway id="join" /><endEvent id="pe" />
                {Flow("ps", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}{Flow("a", "join")}{Flow("b", "join")}{Flow("join", "pe")}
                """));
        sim.TaskNames().ShouldBe(["Task A", "Task B"]);
        sim.CompleteNamed("Task A").OpenTasks.Count().ShouldBe(1);
        sim.CompleteNamed("Task B").Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(CA, "CallActivityTest.testCallSequentialSubProcessWithExpressions")]
    public void A_called_element_expression_is_evaluated_each_time_the_call_starts()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><userTask id="before" name="Task before subprocess" /><callActivity id="call" calledElement="${simpleSubProcessExpression}" />
            <userTask id="after" name="Task after subprocess" />
            <userTask id="before2" name="Task before subprocess" /><callActivity id="call2" calledElement="${simpleSubProcessExpression}" /><userTask id="after2" name="Task after subprocess" /><endEvent id="e" />
            {{Chain("s", "before", "call", "after", "before2", "call2", "after2", "e")}}
            """, extra: SimpleSub() + SimpleSub("simpleSubProcess2", "Task in subprocess 2"));
        sim.CompleteNamed("Task before subprocess", new { simpleSubProcessExpression = "simpleSubProcess" }).TaskNames().ShouldBe(["Task in subprocess"]);
        sim.CompleteNamed("Task in subprocess").CompleteNamed("Task after subprocess");
        sim.CompleteNamed("Task before subprocess", new { simpleSubProcessExpression = "simpleSubProcess2" }).TaskNames().ShouldBe(["Task in subprocess 2"]);
        sim.CompleteNamed("Task in subprocess 2").CompleteNamed("Task after subprocess").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(CA, "CallActivityTest.testTimerOnCallActivity")]
    public void A_timer_on_a_call_activity_cancels_the_called_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><callActivity id="call" calledElement="simpleSubProcess" />
            <boundaryEvent id="timer" attachedToRef="call"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <userTask id="esc" name="Escalated Task" /><endEvent id="e" /><endEvent id="e2" />{Chain("s", "call", "e")}{Chain("timer", "esc", "e2")}
            """, extra: SimpleSub());
        sim.TaskNames().ShouldBe(["Task in subprocess"]);
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H").TaskNames().ShouldBe(["Escalated Task"]);
        sim.CompleteNamed("Escalated Task").Instances.ShouldAllBe(i => i.State!.IsEnded);
    }

    [Fact, Camunda7(CA, "CallActivityTest.testSubProcessWithDataInputOutput")]
    public void In_and_out_mappings_copy_variables_into_and_out_of_the_called_process()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" />
            <callActivity id="call" calledElement="simpleSubProcess"><extensionElements><camunda:in source="superVariable" target="subVariable" /><camunda:out source="subVariable" target="superVariable" /></extensionElements></callActivity>
            <userTask id="inSuper" name="Task in super process" />
            <callActivity id="call2" calledElement="simpleSubProcess"><extensionElements><camunda:in sourceExpression="${x+5}" target="y" /><camunda:out sourceExpression="${y+5}" target="z" /></extensionElements></callActivity>
            <userTask id="last" name="Task in super process" /><endEvent id="e" />{{Chain("s", "call", "inSuper", "call2", "last", "e")}}
            """, new { superVariable = "Hello from the super process." }, extra: SimpleSub());
        sim.TaskNames().ShouldBe(["Task in subprocess"]);
        sim.Instances[1].State!.Variables["subVariable"].ShouldBe("Hello from the super process.");
        sim.SetVariables(Play.Vars(new { subVariable = "Hello from sub process." })!, instance: 1);
        sim.State().Variables["superVariable"].ShouldBe("Hello from the super process.");
        sim.CompleteNamed("Task in subprocess").TaskNames().ShouldBe(["Task in super process"]);
        sim.State().Variables["superVariable"].ShouldBe("Hello from sub process.");
        sim.Complete("inSuper", Play.Vars(new { x = 5L }));
        sim.Instances[2].State!.Variables["y"].ShouldBe(10L);
        sim.CompleteNamed("Task in subprocess");
        sim.State().Variables["z"].ShouldBe(15L);
    }

    private static string MiTask(string loop, string task = """<userTask id="miTasks" name="My Task" camunda:assignee="kermit_${loopCounter}">{0}</userTask>""") =>
        task.Replace("{0}", loop, StringComparison.Ordinal);

    private static string Sequential(string cardinality, string completion = "") =>
        $"""<multiInstanceLoopCharacteristics isSequential="true"><loopCardinality>{cardinality}</loopCardinality>{completion}</multiInstanceLoopCharacteristics>""";

    private static string Parallel(string cardinality, string completion = "") =>
        $"""<multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>{cardinality}</loopCardinality>{completion}</multiInstanceLoopCharacteristics>""";

    private static readonly string SequentialUserTasks = $$"""
        <startEvent id="s" />{{MiTask(Sequential("${nrOfLoops}", "<completionCondition>${nrOfCompletedInstances == 5}</completionCondition>"))}}
        <boundaryEvent id="timer" attachedToRef="miTasks"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
        <userTask id="taskAfterTimer" /><endEvent id="e" /><endEvent id="e2" />{{Chain("s", "miTasks", "e")}}{{Chain("timer", "taskAfterTimer", "e2")}}
        """;

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialUserTasks")]
    public void Sequential_user_tasks_come_one_after_another_with_the_loop_counter()
    {
        var sim = Steps.Run(SequentialUserTasks, new { nrOfLoops = 3 });
        for (var i = 0; i < 3; i++)
        {
            var task = sim.OpenTasks.Single();
            task.Name.ShouldBe("My Task");
            task.Command.Assignee.ShouldBe($"kermit_{i}");
            sim.Complete("miTasks");
        }
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialUserTasksWithTimer")]
    public void A_timer_on_sequential_user_tasks_interrupts_them_all()
    {
        var sim = Steps.Run(SequentialUserTasks, new { nrOfLoops = 3 });
        sim.Complete("miTasks").Advance("PT1H").TaskKeys().ShouldBe(["taskAfterTimer"]);
        sim.Complete("taskAfterTimer").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialUserTasksCompletionCondition")]
    public void The_completion_condition_stops_sequential_user_tasks_early()
    {
        var sim = Steps.Run(SequentialUserTasks, new { nrOfLoops = 10 });
        for (var i = 0; i < 5; i++) sim.Complete("miTasks");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testNestedSequentialUserTasks")]
    public void Sequential_user_tasks_nested_in_a_sequential_sub_process_come_one_at_a_time()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="outer">{Sequential("3")}<startEvent id="os" /><userTask id="miTasks" name="My Task" camunda:assignee="kermit">{Sequential("1")}</userTask><endEvent id="oe" />{Chain("os", "miTasks", "oe")}</subProcess>
            <endEvent id="e" />{Chain("s", "outer", "e")}
            """);
        for (var i = 0; i < 3; i++)
        {
            var task = sim.OpenTasks.Single();
            task.Name.ShouldBe("My Task");
            task.Command.Assignee.ShouldBe("kermit");
            sim.Complete("miTasks");
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelUserTasks")]
    public void Parallel_user_tasks_open_together_and_the_activity_ends_after_the_last()
    {
        var sim = Steps.Run($$"""<startEvent id="s" /><userTask id="miTasks" name="My Task ${loopCounter}">{{Parallel("3")}}</userTask><endEvent id="e" />{{Chain("s", "miTasks", "e")}}""");
        sim.TaskNames().ShouldBe(["My Task 0", "My Task 1", "My Task 2"]);
        sim.Complete("miTasks").OpenTasks.Count().ShouldBe(2);
        sim.Complete("miTasks").OpenTasks.Count().ShouldBe(1);
        sim.Complete("miTasks").Status.ShouldBe("completed");
    }

    private static readonly string ParallelReceive = $$"""<startEvent id="s" /><receiveTask id="miTasks" messageRef="m">{{Parallel("3")}}</receiveTask><endEvent id="e" />{{Chain("s", "miTasks", "e")}}""";

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelReceiveTasks")]
    public void Parallel_receive_tasks_each_wait_for_a_message()
    {
        var sim = Steps.Run(ParallelReceive, roots: """<message id="m" name="message" />""");
        sim.Subscriptions().ShouldBe(3);
        sim.Message("message").Message("message").Message("message").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelReceiveTasksAssertEventSubscriptionRemoval")]
    public void A_message_to_one_parallel_receive_task_removes_only_its_subscription()
    {
        var sim = Steps.Run(ParallelReceive, roots: """<message id="m" name="message" />""");
        sim.Message("message").Subscriptions().ShouldBe(2);
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelUserTasksWithTimer")]
    public void A_timer_on_parallel_user_tasks_interrupts_them_all()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><userTask id="miTasks">{{Parallel("3")}}</userTask>
            <boundaryEvent id="timer" attachedToRef="miTasks"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <userTask id="taskAfterTimer" /><endEvent id="e" /><endEvent id="e2" />{{Chain("s", "miTasks", "e")}}{{Chain("timer", "taskAfterTimer", "e2")}}
            """);
        sim.Complete("miTasks").Advance("PT1H").TaskKeys().ShouldBe(["taskAfterTimer"]);
        sim.Complete("taskAfterTimer").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelUserTasksCompletionCondition")]
    public void The_completion_condition_ends_parallel_user_tasks_once_half_are_done()
    {
        var sim = Steps.Run($$"""
            <startEvent id="s" /><userTask id="miTasks">{{Parallel("5", "<completionCondition>${nrOfCompletedInstances / nrOfInstances >= 0.5}</completionCondition>")}}</userTask><endEvent id="e" />{{Chain("s", "miTasks", "e")}}
            """);
        sim.OpenTasks.Count().ShouldBe(5);
        for (var i = 0; i < 3; i++)
        {
            sim.OpenTasks.Count().ShouldBe(5 - i);
            sim.Complete("miTasks");
        }
        sim.Status.ShouldBe("completed");
    }

    private static readonly string ByCollection = $$"""
        <startEvent id="s" /><userTask id="miTasks" camunda:assignee="${assignee}">
          <multiInstanceLoopCharacteristics isSequential="false" camunda:collection="${assigneeList}" camunda:elementVariable="assignee"><completionCondition>${nrOfCompletedInstances == 3}</completionCondition></multiInstanceLoopCharacteristics>
        </userTask><endEvent id="theEnd" />{{Chain("s", "miTasks", "theEnd")}}
        """;
}
