using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary><see cref="ActivityScenarios"/>, continued: multi-instance activities and event sub-processes (one class in two files, each readable at once).</summary>
public partial class ActivityScenarios
{
    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelUserTasksBasedOnCollection")]
    public void Parallel_user_tasks_are_created_per_element_of_a_collection()
    {
        var sim = Steps.Run(ByCollection, new { assigneeList = new object[] { "kermit", "gonzo", "mispiggy", "fozzie", "bubba" } });
        sim.OpenTasks.Select(t => t.Command.Assignee).Order(StringComparer.Ordinal).ShouldBe(["bubba", "fozzie", "gonzo", "kermit", "mispiggy"]);
        sim.Complete("miTasks").Complete("miTasks").Complete("miTasks");
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testEmptyCollectionInMI")]
    public void An_empty_collection_skips_the_activity()
    {
        var sim = Steps.Run(ByCollection, new { assigneeList = Array.Empty<object>() });
        sim.OpenTasks.ShouldBeEmpty();
        sim.Status.ShouldBe("completed");
        sim.Trace.ShouldBe(["s", "miTasks", "theEnd"]);
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelUserTasksCustomExtensions")]
    public void Sequential_user_tasks_from_a_collection_get_one_assignee_each_in_order()
    {
        var list = new object[] { "kermit", "gonzo", "fozzie" };
        var sim = Steps.Run($$"""
            <startEvent id="s" /><userTask id="miTasks" camunda:assignee="${assignee}">
              <multiInstanceLoopCharacteristics isSequential="true" camunda:collection="assigneeList" camunda:elementVariable="assignee" />
            </userTask><endEvent id="e" />{{Chain("s", "miTasks", "e")}}
            """, new { assigneeList = list });
        foreach (var assignee in list)
        {
            sim.OpenTasks.Single().Command.Assignee.ShouldBe(assignee);
            sim.Complete("miTasks");
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testNestedParallelUserTasks")]
    public void Parallel_user_tasks_nested_in_a_parallel_sub_process_all_open()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="outer">{Parallel("3")}<startEvent id="os" /><userTask id="miTasks" name="My Task" camunda:assignee="kermit">{Parallel("2")}</userTask><endEvent id="oe" />{Chain("os", "miTasks", "oe")}</subProcess>
            <endEvent id="e" />{Chain("s", "outer", "e")}
            """);
        sim.OpenTasks.Count().ShouldBe(6);
        while (sim.OpenTasks.Any())
        {
            sim.OpenTasks.First().Name.ShouldBe("My Task");
            sim.Complete("miTasks");
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialScriptTasks", Gap = "script task: scripts do not run (refused by name)")]
    public void Sequential_script_tasks_are_refused_by_name()
    {
        Steps.Read($$"""<startEvent id="s" /><scriptTask id="miScriptTask" scriptFormat="groovy">{{Sequential("${nrOfLoops}")}}<script>sum = sum + loopCounter</script></scriptTask><endEvent id="e" />{{Chain("s", "miScriptTask", "e")}}""")
            .ShouldBeRefused("miScriptTask", "scriptTask");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelScriptTasks", Gap = "script task: scripts do not run (refused by name)")]
    public void Parallel_script_tasks_are_refused_by_name()
    {
        Steps.Read($$"""<startEvent id="s" /><scriptTask id="miScriptTask" scriptFormat="groovy">{{Parallel("${nrOfLoops}")}}<script>sum = sum + loopCounter</script></scriptTask><endEvent id="e" />{{Chain("s", "miScriptTask", "e")}}""")
            .ShouldBeRefused("miScriptTask", "scriptTask");
    }

    private static string SequentialSub(string completion = "", string inner = "") => $$"""
        <startEvent id="s" />
        <subProcess id="miSubProcess">{{Sequential("4", completion)}}<startEvent id="ss" /><parallelGateway id="fork" /><userTask id="one" name="task one" /><userTask id="two" name="task two" /><parallelGateway id="join" /><endEvent id="se" />
          {{Flow("ss", "fork")}}{{Flow("fork", "one")}}{{Flow("fork", "two")}}{{Flow("one", "join")}}{{Flow("two", "join")}}{{Flow("join", "se")}}</subProcess>
        {{inner}}<endEvent id="e" />{{Chain("s", "miSubProcess", "e")}}
        """;

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialSubProcess")]
    public void A_sequential_sub_process_runs_its_two_tasks_four_times()
    {
        var sim = Steps.Run(SequentialSub());
        for (var i = 0; i < 4; i++)
        {
            sim.TaskNames().ShouldBe(["task one", "task two"]);
            sim.CompleteNamed("task one").CompleteNamed("task two");
            if (i != 3) sim.WaitingAt.Count().ShouldBe(2);
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialSubProcessEndEvent")]
    public void A_sequential_sub_process_ending_by_its_end_event_starts_the_next_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="miSubProcess">{Sequential("4")}<startEvent id="ss" /><userTask id="one" name="task one" /><endEvent id="se" />{Chain("ss", "one", "se")}</subProcess>
            <endEvent id="e" />{Chain("s", "miSubProcess", "e")}
            """);
        for (var i = 0; i < 4; i++)
        {
            sim.TaskNames().ShouldBe(["task one"]);
            sim.CompleteNamed("task one");
            if (i != 3) sim.WaitingAt.Count().ShouldBe(1);
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialSubProcessWithTimer")]
    public void A_timer_on_a_sequential_sub_process_interrupts_it()
    {
        var sim = Steps.Run(SequentialSub(inner: """<boundaryEvent id="timer" attachedToRef="miSubProcess"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent><userTask id="taskAfterTimer" /><endEvent id="e2" /><sequenceFlow id="tf" sourceRef="timer" targetRef="taskAfterTimer" /><sequenceFlow id="tf2" sourceRef="taskAfterTimer" targetRef="e2" />"""));
        sim.OpenTasks.Count().ShouldBe(2);
        sim.Complete("one").Complete("two").OpenTasks.Count().ShouldBe(2);
        sim.Advance("PT1H").TaskKeys().ShouldBe(["taskAfterTimer"]);
        sim.Complete("taskAfterTimer").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testSequentialSubProcessCompletionCondition")]
    public void The_completion_condition_stops_a_sequential_sub_process_after_three_runs()
    {
        var sim = Steps.Run(SequentialSub("<completionCondition>${loopCounter == 2}</completionCondition>"));
        for (var i = 0; i < 3; i++)
        {
            sim.TaskNames().ShouldBe(["task one", "task two"]);
            sim.CompleteNamed("task one").CompleteNamed("task two");
        }
        sim.Status.ShouldBe("completed");
    }

    [Fact, Camunda7(MI, "MultiInstanceTest.testParallelSubProcess")]
    public void A_parallel_sub_process_opens_the_tasks_of_every_instance()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><subProcess id="miSubProcess">{Parallel("2")}<startEvent id="ss" /><parallelGateway id="fork" /><userTask id="one" /><userTask id="two" /><parallelGateway id="join" /><endEvent id="se" />
              {Flow("ss", "fork")}{Flow("fork", "one")}{Flow("fork", "two")}{Flow("one", "join")}{Flow("two", "join")}{Flow("join", "se")}</subProcess>
            <endEvent id="e" />{Chain("s", "miSubProcess", "e")}
            """);
        sim.OpenTasks.Count().ShouldBe(4);
        while (sim.OpenTasks.Any()) sim.Complete(sim.OpenTasks.First().ElementId);
        sim.Status.ShouldBe("completed");
    }

    private static readonly string CancelSubscriptions = $"""
        <startEvent id="s" /><userTask id="taskBeforeInterruptingEventSuprocess" /><endEvent id="e" />{Chain("s", "taskBeforeInterruptingEventSuprocess", "e")}
        <subProcess id="byMessage" triggeredByEvent="true"><startEvent id="ms"><messageEventDefinition messageRef="m" /></startEvent><userTask id="taskAfterMessageStartEvent" /><endEvent id="me" />{Chain("ms", "taskAfterMessageStartEvent", "me")}</subProcess>
        <subProcess id="bySignal" triggeredByEvent="true"><startEvent id="gs"><signalEventDefinition signalRef="sig" /></startEvent><userTask id="tastAfterSignalStartEvent" /><endEvent id="ge" />{Chain("gs", "tastAfterSignalStartEvent", "ge")}</subProcess>
        """;

    private const string CancelRoots = """<message id="m" name="newMessage" /><signal id="sig" name="newSignal" />""";

    [Fact, Camunda7(ESP, "InterruptingEventSubProcessTest.testCancelEventSubscriptionsWhenReceivingAMessage")]
    public void An_interrupting_message_start_withdraws_the_other_event_sub_processes()
    {
        var sim = Steps.Run(CancelSubscriptions, roots: CancelRoots);
        sim.TaskKeys().ShouldBe(["taskBeforeInterruptingEventSuprocess"]);
        sim.Subscriptions().ShouldBe(2);
        sim.Message("newMessage").TaskKeys().ShouldBe(["taskAfterMessageStartEvent"]);
        sim.Subscriptions().ShouldBe(0);
        sim.Signal("newSignal").TaskKeys().ShouldBe(["taskAfterMessageStartEvent"]);
        sim.Complete("taskAfterMessageStartEvent").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(ESP, "InterruptingEventSubProcessTest.testCancelEventSubscriptionsWhenReceivingASignal")]
    public void An_interrupting_signal_start_withdraws_the_other_event_sub_processes()
    {
        var sim = Steps.Run(CancelSubscriptions, roots: CancelRoots);
        sim.Signal("newSignal").TaskKeys().ShouldBe(["tastAfterSignalStartEvent"]);
        sim.Subscriptions().ShouldBe(0);
        sim.Message("newMessage").Errors.ShouldContain(e => e.Contains("newMessage"));
        sim.Complete("tastAfterSignalStartEvent").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(ESP, "InterruptingEventSubProcessTest.testCancelTimer")]
    public void An_interrupting_start_withdraws_the_timer_of_the_interrupted_task()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="taskBeforeInterruptingEventSuprocess" />
            <boundaryEvent id="timer" attachedToRef="taskBeforeInterruptingEventSuprocess"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="e" /><endEvent id="te" />{Chain("s", "taskBeforeInterruptingEventSuprocess", "e")}{Flow("timer", "te")}
            <subProcess id="byMessage" triggeredByEvent="true"><startEvent id="ms"><messageEventDefinition messageRef="m" /></startEvent><userTask id="taskAfterMessageStartEvent" /><endEvent id="me" />{Chain("ms", "taskAfterMessageStartEvent", "me")}</subProcess>
            """, roots: CancelRoots);
        sim.Jobs().ShouldBe(1);
        sim.Message("newMessage").TaskKeys().ShouldBe(["taskAfterMessageStartEvent"]);
        sim.Jobs().ShouldBe(0);
        sim.Complete("taskAfterMessageStartEvent").Status.ShouldBe("completed");
    }

    [Fact, Camunda7(ESP, "InterruptingEventSubProcessTest.testTimeCycle")]
    public void An_interrupting_timer_cycle_start_fires_once_and_takes_over()
    {
        var sim = Steps.Run($"""
            <startEvent id="s" /><userTask id="task" /><endEvent id="e" />{Chain("s", "task", "e")}
            <subProcess id="esp" triggeredByEvent="true"><startEvent id="ts"><timerEventDefinition><timeCycle>R2/PT1H</timeCycle></timerEventDefinition></startEvent><userTask id="eventSubProcessTask" /><endEvent id="ee" />{Chain("ts", "eventSubProcessTask", "ee")}</subProcess>
            """);
        sim.Subscriptions().ShouldBe(0);
        sim.TaskKeys().ShouldBe(["task"]);
        sim.Jobs().ShouldBe(1);
        sim.Advance("PT1H");
        sim.Jobs().ShouldBe(0);
        sim.TaskKeys().ShouldBe(["eventSubProcessTask"]);
        sim.Complete("eventSubProcessTask").Status.ShouldBe("completed");
    }

    private static string UnderProcess(int messageStarts, bool interrupting = true)
    {
        var esps = string.Concat(Enumerable.Range(1, messageStarts).Select(n => $"""
            <subProcess id="esp{n}" triggeredByEvent="true"><startEvent id="ms{n}" isInterrupting="{(interrupting ? "true" : "false")}"><messageEventDefinition messageRef="m{n}" /></startEvent>
              <userTask id="{(n == 1 ? "eventSubProcessTask" : $"other{n}")}" /><endEvent id="me{n}" />{Chain($"ms{n}", n == 1 ? "eventSubProcessTask" : $"other{n}", $"me{n}")}</subProcess>
            """));
        return $"""<startEvent id="s" /><userTask id="task" /><endEvent id="e" />{Chain("s", "task", "e")}{esps}""";
    }

    private const string UnderProcessRoots = """<message id="m1" name="newMessage" /><message id="m2" name="otherMessage" />""";

    private static void InterruptingUnderProcess(int messageStarts)
    {
        var sim = Steps.Run(UnderProcess(messageStarts), roots: UnderProcessRoots);
        sim.Subscriptions().ShouldBe(messageStarts);
        sim.Complete("task").Status.ShouldBe("completed");
        sim.Subscriptions().ShouldBe(0);

        sim = Steps.Run(UnderProcess(messageStarts), roots: UnderProcessRoots);
        sim.Message("newMessage").TaskKeys().ShouldBe(["eventSubProcessTask"]);
        sim.Complete("eventSubProcessTask").Status.ShouldBe("completed");
        sim.Subscriptions().ShouldBe(0);
    }

    [Fact, Camunda7(ESP, "MessageEventSubprocessTest.testInterruptingUnderProcessDefinition")]
    public void An_interrupting_message_event_sub_process_takes_over_or_is_withdrawn_when_the_instance_ends() => InterruptingUnderProcess(1);

    [Fact, Camunda7(ESP, "MessageEventSubprocessTest.testTwoInterruptingUnderProcessDefinition")]
    public void Two_interrupting_message_event_sub_processes_leave_no_subscription_behind() => InterruptingUnderProcess(2);

    [Fact, Camunda7(ESP, "MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition")]
    public void A_non_interrupting_message_event_sub_process_runs_beside_the_work_and_the_instance_ends_after_both()
    {
        var sim = Steps.Run(UnderProcess(1, interrupting: false), roots: UnderProcessRoots);
        sim.Subscriptions().ShouldBe(1);
        sim.Complete("task").Status.ShouldBe("completed");
        sim.Subscriptions().ShouldBe(0);

        sim = Steps.Run(UnderProcess(1, interrupting: false), roots: UnderProcessRoots);
        sim.Message("newMessage").OpenTasks.Count().ShouldBe(2);
        sim.Complete("task").Status.ShouldBe("waiting");
        sim.Complete("eventSubProcessTask").Status.ShouldBe("completed");

        sim = Steps.Run(UnderProcess(1, interrupting: false), roots: UnderProcessRoots);
        sim.Message("newMessage").OpenTasks.Count().ShouldBe(2);
        sim.Complete("eventSubProcessTask").Status.ShouldBe("waiting");
        sim.Complete("task").Status.ShouldBe("completed");
    }
}
