using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Tests.Support;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

public class GatewayTests
{
    private static readonly string Exclusive = $"""
        <startEvent id="s" />
        <exclusiveGateway id="gw" default="toSmall" />
        <endEvent id="big" /><endEvent id="medium" /><endEvent id="small" />
        {Flow("s", "gw")}
        {Flow("gw", "big", "toBig", "${amount > 100}")}
        {Flow("gw", "medium", "toMedium", "${amount > 10}")}
        {Flow("gw", "small", "toSmall")}
        """;

    [Theory]
    [InlineData(500, "big")]
    [InlineData(50, "medium")]
    [InlineData(5, "small")]
    public void Exclusive_gateway_takes_the_first_true_condition_in_order_else_the_default(int amount, string end)
    {
        var sim = Play.Model(Exclusive, new { amount });
        sim.Status.ShouldBe("completed");
        sim.Trace.ShouldBe(["s", "gw", end]);
    }

    [Fact]
    public void Exclusive_gateway_with_no_true_condition_and_no_default_raises_an_incident_at_the_gateway()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><exclusiveGateway id="gw" /><endEvent id="a" />
            {Flow("s", "gw")}{Flow("gw", "a", condition: "${amount > 100}")}
            """, new { amount = 1 });
        sim.Status.ShouldBe("failed");
        sim.State().Executions.Single().State.ShouldBe(ExecutionState.Incident);
        sim.Of<RaiseIncident>().Single().ElementId.ShouldBe("gw");
    }

    [Fact]
    public void A_condition_naming_a_missing_variable_raises_an_incident_that_a_retry_clears_once_the_variable_is_set()
    {
        var sim = Play.Model(Exclusive, null);
        sim.Status.ShouldBe("failed");
        var execution = sim.State().Executions.Single();
        var result = Executor.Advance(sim.Main!.Definition, sim.State(), new SetVariables(new Dictionary<string, object?> { ["amount"] = 1000L }), Clock.T0);
        result = Executor.Advance(sim.Main.Definition, result.State, new RetryIncident(execution.Id), Clock.T0);
        result.State.Status.ShouldBe(InstanceStatus.Completed);
        result.Commands.OfType<ResolveIncident>().ShouldHaveSingleItem();
        result.Trace.Where(t => t.Kind == TraceKind.Entered).Select(t => t.ElementId).ShouldBe(["gw", "big"]);
    }

    private static readonly string ForkJoin = $"""
        <startEvent id="s" /><parallelGateway id="fork" />
        <userTask id="a" /><userTask id="b" />
        <parallelGateway id="join" /><endEvent id="e" />
        {Flow("s", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}{Flow("a", "join")}{Flow("b", "join")}{Flow("join", "e")}
        """;

    [Fact]
    public void Parallel_join_waits_for_every_branch_then_fires_once()
    {
        var sim = Play.Model(ForkJoin);
        sim.OpenTasks.Select(t => t.ElementId).OrderBy(x => x).ShouldBe(["a", "b"]);
        sim.Complete("b");
        sim.WaitingAt.OrderBy(x => x).ShouldBe(["a", "join"]);
        sim.Status.ShouldBe("waiting");
        sim.Complete("a");
        sim.Status.ShouldBe("completed");
        sim.Trace.Count(t => t == "e").ShouldBe(1);
    }

    [Fact]
    public void Parallel_join_state_survives_serialisation_between_the_two_branches()
    {
        var sim = Play.Model(ForkJoin);
        sim.Complete("a");
        var saved = StateJson.Serialize(sim.State());
        var restored = StateJson.Deserialize(saved);
        var taskB = sim.OpenTasks.Single(t => t.ElementId == "b").TaskId;
        var result = Executor.Advance(sim.Main!.Definition, restored, new CompleteTask(taskB), Clock.T0);
        result.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public void Parallel_join_after_an_exclusive_choice_waits_for_ever_strict_semantics_without_discard_propagation()
    {
        // bpmn-engine would complete this (it sends a "discard" down the untaken branch);
        // CoBan follows BPMN 2.0 and Camunda 7: the join needs a token on every incoming flow.
        var sim = Play.Model($"""
            <startEvent id="s" /><exclusiveGateway id="xor" default="toB" />
            <task id="a" /><task id="b" /><parallelGateway id="join" /><endEvent id="e" />
            {Flow("s", "xor")}{Flow("xor", "a", "toA", "${goA}")}{Flow("xor", "b", "toB")}
            {Flow("a", "join")}{Flow("b", "join")}{Flow("join", "e")}
            """, new { goA = true });
        sim.Status.ShouldBe("waiting");
        sim.WaitingAt.ShouldBe(["join"]);
    }

    [Fact]
    public void Inclusive_gateway_forks_every_true_branch_and_joins_exactly_those()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><inclusiveGateway id="split" />
            <userTask id="a" /><userTask id="b" /><userTask id="c" />
            <inclusiveGateway id="merge" /><endEvent id="e" />
            {Flow("s", "split")}
            {Flow("split", "a", condition: "${x > 0}")}{Flow("split", "b", condition: "${x > 5}")}{Flow("split", "c", condition: "${x > 50}")}
            {Flow("a", "merge")}{Flow("b", "merge")}{Flow("c", "merge")}{Flow("merge", "e")}
            """, new { x = 10 });
        sim.OpenTasks.Select(t => t.ElementId).OrderBy(x => x).ShouldBe(["a", "b"]);
        sim.Complete("a");
        sim.Status.ShouldBe("waiting");
        sim.Complete("b");
        sim.Status.ShouldBe("completed");
        sim.Trace.Count(t => t == "merge").ShouldBe(2);
        sim.Trace.Count(t => t == "e").ShouldBe(1);
    }

    [Fact]
    public void Inclusive_join_fires_when_the_last_token_that_could_reach_it_ends_elsewhere()
    {
        var sim = Play.Model($"""
            <startEvent id="s" /><parallelGateway id="fork" />
            <userTask id="a" /><userTask id="b" /><exclusiveGateway id="x" default="toMerge" /><endEvent id="away" />
            <inclusiveGateway id="merge" /><endEvent id="e" />
            {Flow("s", "fork")}{Flow("fork", "a")}{Flow("fork", "b")}
            {Flow("a", "merge")}{Flow("b", "x")}{Flow("x", "away", "toAway", "${leave}")}{Flow("x", "merge", "toMerge")}
            {Flow("merge", "e")}
            """, new { leave = true });
        sim.Complete("a");
        sim.WaitingAt.OrderBy(x => x).ShouldBe(["b", "merge"]);
        sim.Complete("b");
        sim.Status.ShouldBe("completed");
        sim.Trace.ShouldContain("away");
        sim.Trace.ShouldContain("e");
    }

    [Fact]
    public void Event_based_gateway_race_the_first_event_wins_and_the_others_are_withdrawn()
    {
        var model = $"""
            <startEvent id="s" /><eventBasedGateway id="race" />
            <intermediateCatchEvent id="reply"><messageEventDefinition messageRef="m" /></intermediateCatchEvent>
            <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="answered" /><endEvent id="late" />
            {Flow("s", "race")}{Flow("race", "reply")}{Flow("race", "timeout")}{Flow("reply", "answered")}{Flow("timeout", "late")}
            """;
        const string roots = """<message id="m" name="申请人答复" />""";

        var byMessage = Play.Model(model, roots: roots);
        byMessage.Of<ScheduleTimer>().ShouldHaveSingleItem().Due.ShouldBe(Clock.T0.AddHours(2));
        byMessage.Message("申请人答复");
        byMessage.Trace.ShouldBe(["s", "race", "reply", "answered"]);
        byMessage.Of<CancelTimer>().ShouldHaveSingleItem();
        byMessage.Timers.ShouldBeEmpty();

        var byTimer = Play.Model(model, roots: roots).Advance("PT2H");
        byTimer.Trace.ShouldBe(["s", "race", "timeout", "late"]);
        byTimer.Of<UnsubscribeMessage>().ShouldHaveSingleItem();
        byTimer.Status.ShouldBe("completed");
    }
}
