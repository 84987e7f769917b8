using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Simulation;

/// <summary>
/// Models that loop for ever must spend the simulation's budget and stop. Before the simulator worked
/// from an explicit stack, each of these recursed (Absorb → FireDueTimers → Apply → Absorb) until the
/// thread's stack overflowed, which no catch can stop: the test host itself died. So these tests
/// assert the budget answer; without the fix they do not fail, they crash the run.
/// </summary>
public class SimulationBudgetTests
{
    /// <summary>A non-interrupting boundary timer cycling every second on a task nobody completes.</summary>
    private const string EverySecond = """
        <startEvent id="s" /><userTask id="wait" />
        <boundaryEvent id="tick" attachedToRef="wait" cancelActivity="false"><timerEventDefinition><timeCycle>R/PT1S</timeCycle></timerEventDefinition></boundaryEvent>
        <endEvent id="e" /><endEvent id="ticked" />
        <sequenceFlow id="f1" sourceRef="s" targetRef="wait" /><sequenceFlow id="f2" sourceRef="wait" targetRef="e" /><sequenceFlow id="f3" sourceRef="tick" targetRef="ticked" />
        """;

    /// <summary>A process started by a message whose end event throws that same message.</summary>
    private const string RestartsItself = """
        <startEvent id="s"><messageEventDefinition messageRef="m" /></startEvent>
        <endEvent id="e"><messageEventDefinition messageRef="m" /></endEvent>
        <sequenceFlow id="f" sourceRef="s" targetRef="e" />
        """;

    private static SimulationOptions WithBudget(SimulationBudget budget) => Play.Options() with { Budget = budget };

    [Fact]
    public void A_one_second_cycle_advanced_ten_years_stops_at_the_timer_budget_and_keeps_the_clock_where_it_stopped()
    {
        var result = Scenario.Run(Xml(EverySecond), null, Clock.T0, null,
            [new AdvanceStep("P10Y"), new AdvanceStep("PT1S")], WithBudget(new SimulationBudget { MaxTimerFirings = 500 }));
        result.Spent.ShouldBe(new BudgetSpent(SimulationBudget.TimerFirings, 500));
        result.State.ShouldBe("failed");
        // The 500th firing was due 500 s after the start; the old simulator set the clock to ten years on.
        result.Now.ShouldBe(Clock.T0.AddSeconds(500));
        result.Trace.Count(t => t == "ticked").ShouldBe(500);
    }

    [Fact]
    public void A_loop_through_a_timer_already_due_fires_iteratively_until_the_budget_is_spent()
    {
        // Each pass waits on a date in the past, so the timer is due at once and fires from the work
        // stack (formerly: FireDueTimers → Apply → Absorb → FireDueTimers, one stack frame set per pass).
        var sim = new Simulator(Parse("""
            <startEvent id="s" /><exclusiveGateway id="again" />
            <intermediateCatchEvent id="past"><timerEventDefinition><timeDate>2020-01-01T00:00:00+08:00</timeDate></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f1" sourceRef="s" targetRef="again" /><sequenceFlow id="f2" sourceRef="again" targetRef="past" /><sequenceFlow id="f3" sourceRef="past" targetRef="again" />
            """), WithBudget(new SimulationBudget { MaxTimerFirings = 200_000, MaxSteps = 20_000 })).Start(now: Clock.T0);
        sim.Spent.ShouldBe(new BudgetSpent(SimulationBudget.Steps, 20_000));
        sim.Now.ShouldBe(Clock.T0);
    }

    [Fact]
    public void A_message_end_event_that_restarts_its_own_process_stops_at_the_instance_budget()
    {
        var result = Scenario.Run(Xml(RestartsItself, roots: """<message id="m" name="again" />"""), null, Clock.T0, null, [],
            WithBudget(new SimulationBudget { MaxInstances = 50 }), startEventId: "s");
        result.Spent.ShouldBe(new BudgetSpent(SimulationBudget.Instances, 50));
        result.Trace.Count(t => t == "e").ShouldBe(50);
    }

    [Fact]
    public void A_process_with_only_a_message_start_event_starts_at_the_start_event_named()
    {
        var sim = new Simulator(Parse("""
            <startEvent id="byMail"><messageEventDefinition messageRef="m" /></startEvent><userTask id="t" />
            <sequenceFlow id="f" sourceRef="byMail" targetRef="t" />
            """, """<message id="m" name="网上申请" />"""), Play.Options()).Start(now: Clock.T0, startEventId: "byMail");
        sim.Errors.ShouldBeEmpty();
        sim.WaitingAt.ShouldBe(["t"]);
    }

    [Fact]
    public void A_cancelled_token_stops_the_run_as_spent_wall_time()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = Scenario.Run(Xml(EverySecond), null, Clock.T0, null, [],
            WithBudget(new SimulationBudget { Cancellation = cancelled.Token }));
        result.Spent!.Budget.ShouldBe(SimulationBudget.WallTime);
    }

    [Fact]
    public void Models_over_the_size_or_element_budget_are_refused_before_running()
    {
        var xml = Xml(EverySecond);
        Scenario.Run(xml, null, Clock.T0, null, [], WithBudget(new SimulationBudget { MaxModelChars = 100 }))
            .Spent.ShouldBe(new BudgetSpent(SimulationBudget.ModelSize, 100));
        Scenario.Run(xml, null, Clock.T0, null, [], WithBudget(new SimulationBudget { MaxElements = 5 }))
            .Spent.ShouldBe(new BudgetSpent(SimulationBudget.Elements, 5));
    }
}
