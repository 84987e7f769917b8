using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Camunda;

/// <summary><see cref="EventScenarios"/>, continued: conditional events and starts, non-interrupting timers (one class in two files, each readable at once).</summary>
public partial class EventScenarios
{
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
