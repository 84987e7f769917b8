using System.Text;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using Xunit.Abstractions;
using Token = CoBan.Workflow.Engine.Execution.Execution;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Execution;

/// <summary>
/// The state a host stores with every step: every value keeps its kind through JSON, a restored state
/// behaves exactly like the original, and a typical waiting instance stays small.
/// </summary>
public class StateJsonTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Equal values of the same kind, deeply: 1L and 1.0 differ, as do a date and its text.</summary>
    private static void ShouldBeSameValue(object? actual, object? expected, string path)
    {
        if (expected is null)
        {
            actual.ShouldBeNull(path);
            return;
        }
        actual.ShouldNotBeNull(path);
        switch (expected)
        {
            case IReadOnlyList<object?> list:
                var actualList = actual.ShouldBeAssignableTo<IReadOnlyList<object?>>(path)!;
                actualList.Count.ShouldBe(list.Count, path);
                for (var i = 0; i < list.Count; i++) ShouldBeSameValue(actualList[i], list[i], $"{path}[{i}]");
                break;
            case IReadOnlyDictionary<string, object?> map:
                var actualMap = actual.ShouldBeAssignableTo<IReadOnlyDictionary<string, object?>>(path)!;
                actualMap.Keys.Order().ShouldBe(map.Keys.Order(), path);
                foreach (var (k, v) in map) ShouldBeSameValue(actualMap[k], v, $"{path}.{k}");
                break;
            case DateTimeOffset date:
                var actualDate = actual.ShouldBeOfType<DateTimeOffset>(path);
                actualDate.ShouldBe(date, path);
                actualDate.Offset.ShouldBe(date.Offset, path);
                break;
            default:
                actual.GetType().ShouldBe(expected.GetType(), path);
                actual.ShouldBe(expected, path);
                break;
        }
    }

    public static TheoryData<string, object?> ValueKinds() => new()
    {
        { "null", null },
        { "true", true },
        { "false", false },
        { "zero", 0L },
        { "long", 20261001L },
        { "negative long", -42L },
        { "long max", long.MaxValue },
        { "long min", long.MinValue },
        { "whole double", 3.0 },
        { "fraction", 0.1 + 0.2 },
        { "negative double", -2.5 },
        { "big whole double", 1e15 },
        { "huge double", 1.7976931348623157e308 },
        { "tiny double", 5e-324 },
        { "empty text", "" },
        { "chinese text", "浙江省杭州市西湖区行政服务中心 “一窗受理”" },
        { "awkward text", "quote \" backslash \\ newline \n tab \t </script> \u2028 😀 \u0001" },
        { "text that looks like a number", "007" },
        { "text that looks like a date", "2026-10-01T09:00:00+08:00" },
        { "date in Beijing", new DateTimeOffset(2026, 10, 8, 9, 30, 0, TimeSpan.FromHours(8)) },
        { "date in UTC with ticks", new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567) },
        { "date west of UTC", new DateTimeOffset(1993, 6, 26, 0, 0, 0, TimeSpan.FromHours(-5)) },
        { "empty list", new List<object?>() },
        { "mixed list", new List<object?> { 1L, 1.0, "1", true, null, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)) } },
        { "nested list", new List<object?> { new List<object?> { new List<object?> { 3L } } } },
        { "empty map", new Dictionary<string, object?>() },
        { "nested map", new Dictionary<string, object?> { ["申请人"] = new Dictionary<string, object?> { ["姓名"] = "张三", ["材料"] = new List<object?> { "身份证", 2L } } } },
        { "map whose only key is $d", new Dictionary<string, object?> { ["$d"] = "not a date" } },
        { "map whose only key is $d holding a date text", new Dictionary<string, object?> { ["$d"] = "2026-10-01T00:00:00+08:00" } },
        { "map whose only key is $m", new Dictionary<string, object?> { ["$m"] = new Dictionary<string, object?> { ["x"] = 1L } } },
        { "map with $d among other keys", new Dictionary<string, object?> { ["$d"] = "a", ["b"] = 2L } },
    };

    [Theory]
    [MemberData(nameof(ValueKinds))]
    public void Every_kind_of_value_keeps_its_kind_and_value_through_JSON(string kind, object? value)
    {
        var state = new InstanceState { ProcessId = "p" };
        state.Variables["v"] = value;
        state.Executions.Add(new Token { Id = 1, ElementId = "t", State = ExecutionState.Waiting, Locals = new() { ["local"] = value } });

        var restored = Recovery.RoundTrip(state);
        ShouldBeSameValue(restored.Variables["v"], value, kind);
        ShouldBeSameValue(restored.Executions.Single().Locals!["local"], value, kind + " (local)");
        StateJson.Serialize(restored).ShouldBe(StateJson.Serialize(state));
    }

    [Fact]
    public void A_waiting_user_task_is_written_compactly_with_defaults_left_out()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" /><endEvent id="e" />{Chain("s", "t", "e")}""", new { n = 1 });
        StateJson.Serialize(sim.State()).ShouldBe("""{"v":1,"p":"p","n":3,"vars":{"n":1},"x":[{"i":1,"e":"t","s":1,"w":[{"i":2}]}]}""");
    }

    [Fact]
    public void Instance_fields_round_trip_for_running_completed_terminated_and_called_states()
    {
        var states = new[]
        {
            new InstanceState { ProcessId = "p", Version = 7, NextId = 12 },
            new InstanceState { ProcessId = "子流程", Status = InstanceStatus.Completed, Called = true, EndErrorCode = "REFUSED", Version = 3 },
            new InstanceState { ProcessId = "p", Status = InstanceStatus.Terminated, Called = true, EndErrorCode = "" },
        };
        foreach (var state in states)
        {
            var restored = Recovery.RoundTrip(state);
            (restored.ProcessId, restored.Version, restored.Status, restored.NextId, restored.Called, restored.EndErrorCode)
                .ShouldBe((state.ProcessId, state.Version, state.Status, state.NextId, state.Called, state.EndErrorCode));
        }
    }

    /// <summary>
    /// Everything at once: a sub-process with an interrupting working-day timer and an inner task with a
    /// repeating reminder that has fired, a multi-instance body over a collection, a service stopped by an
    /// incident, a receive task with a correlation key, and a parallel join holding an early token.
    /// </summary>
    private static readonly string Complex = $$"""
        <startEvent id="s" /><parallelGateway id="fork" /><parallelGateway id="join" /><endEvent id="e" />
        <subProcess id="handling">
          <startEvent id="hs" /><userTask id="review" coban:due="P3WD" /><endEvent id="he" /><endEvent id="reminded" />
          <boundaryEvent id="remind" attachedToRef="review" cancelActivity="false"><timerEventDefinition><timeCycle>R/PT1H</timeCycle></timerEventDefinition></boundaryEvent>
          {{Chain("hs", "review", "he")}}{{Flow("remind", "reminded")}}
        </subProcess>
        <boundaryEvent id="overdue" attachedToRef="handling"><timerEventDefinition><timeDuration>P5WD</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="late" />
        <userTask id="sign" coban:assignTo="${bureau}">
          <multiInstanceLoopCharacteristics coban:collection="bureaus" coban:elementVariable="bureau" />
        </userTask>
        <serviceTask id="register" coban:action="case.register" />
        <receiveTask id="supplement" messageRef="m" coban:correlationKey="${caseNo}" />
        <task id="quick" />
        {{Flow("s", "fork")}}
        {{Flow("fork", "handling")}}{{Flow("fork", "sign")}}{{Flow("fork", "register")}}{{Flow("fork", "supplement")}}{{Flow("fork", "quick")}}
        {{Flow("handling", "join")}}{{Flow("sign", "join")}}{{Flow("register", "join")}}{{Flow("supplement", "join")}}{{Flow("quick", "join")}}
        {{Flow("join", "e")}}{{Flow("overdue", "late")}}
        """;

    private static Simulator ComplexAtRest()
    {
        var sim = Play.Model(Complex, new
        {
            caseNo = "浙-2026-0001",
            bureaus = new object[] { "市场监管局", "税务局", "社保中心" },
            amount = 12.5,
            accepted = new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8)),
            flags = new Dictionary<string, object?> { ["urgent"] = true, ["pages"] = 12L },
        }, roots: """<message id="m" name="补正材料" />""",
            options: Play.Options(services: new() { ["register"] = new ServiceOutcome(Message: "registry offline") }));
        sim.Advance("PT2H30M");
        sim.Complete("sign");
        return sim;
    }

    [Fact]
    public void A_complex_state_round_trips_field_by_field()
    {
        var state = ComplexAtRest().State();
        state.Executions.Select(e => e.State).Distinct().Order().ShouldBe(
            [ExecutionState.Waiting, ExecutionState.Scope, ExecutionState.MultiInstance, ExecutionState.Joining, ExecutionState.Incident]);
        state.Executions.SelectMany(e => e.Waits ?? []).Select(w => w.Kind).Distinct().Order().ShouldBe(
            [WaitKind.Task, WaitKind.Timer, WaitKind.Message, WaitKind.Service]);
        state.Executions.SelectMany(e => e.Waits ?? []).ShouldContain(w => w.Fired == 2);

        var json = StateJson.Serialize(state);
        var restored = StateJson.Deserialize(json);
        StateJson.Serialize(restored).ShouldBe(json);
        (restored.Version, restored.ProcessId, restored.Status, restored.NextId).ShouldBe((state.Version, state.ProcessId, state.Status, state.NextId));
        foreach (var (name, value) in state.Variables) ShouldBeSameValue(restored.Variables[name], value, name);
        restored.Executions.Count.ShouldBe(state.Executions.Count);
        for (var i = 0; i < state.Executions.Count; i++)
        {
            var (a, b) = (restored.Executions[i], state.Executions[i]);
            (a.Id, a.Parent, a.ElementId, a.State, a.FlowId, a.Incident).ShouldBe((b.Id, b.Parent, b.ElementId, b.State, b.FlowId, b.Incident));
            ShouldBeSameValue(a.Locals, b.Locals, $"execution {b.Id} locals");
            (a.Waits ?? []).ShouldBe(b.Waits ?? []); // Wait is a record of scalars: equal by value
        }
    }

    [Fact]
    public void A_restored_complex_state_continues_exactly_like_the_original_to_the_end()
    {
        var sim = ComplexAtRest();
        var definition = sim.Main!.Definition;
        var now = sim.Now;
        var state = sim.State();
        AdvanceResult Step(Stimulus stimulus) => Recovery.Advance(definition, state, stimulus, now, Play.Options().Engine);
        int Task(string element) => state.Executions.SelectMany(e => e.Waits ?? []).First(w => w.Kind == WaitKind.Task && w.ElementId == element).Id;

        var reminder = state.Executions.SelectMany(e => e.Waits ?? []).Single(w => w.ElementId == "remind");
        now = reminder.Due!.Value;
        state = Step(new FireTimer(reminder.Id)).State;
        state = Step(new CompleteTask(Task("sign"))).State;
        state = Step(new CompleteTask(Task("sign"))).State;
        var incident = state.Executions.Single(e => e.State == ExecutionState.Incident);
        var retried = Step(new RetryIncident(incident.Id));
        state = retried.State;
        state = Step(new CompleteService(retried.Commands.OfType<InvokeService>().Single().CallId, new Dictionary<string, object?> { ["registered"] = true })).State;
        Step(new DeliverMessage("补正材料", "wrong-key")).Outcome.ShouldBe(AdvanceOutcome.Rejected);
        state = Step(new DeliverMessage("补正材料", "浙-2026-0001", new Dictionary<string, object?> { ["pages"] = 4L })).State;
        var done = Step(new CompleteTask(Task("review")));
        done.State.Status.ShouldBe(InstanceStatus.Completed);
        done.State.Variables["pages"].ShouldBe(4L);
        done.State.Variables["registered"].ShouldBe(true);
    }

    [Fact]
    public void The_bench_model_waiting_at_review_serialises_to_at_most_1500_bytes()
    {
        var document = BpmnReader.Parse(File.ReadAllBytes(BenchModel("user-task-gateway.bpmn")));
        var started = Executor.Advance(document.Processes.Single(), null, new Start(new Dictionary<string, object?> { ["approved"] = true }), Clock.T0);
        started.State.WaitingAt.ShouldBe(["review"]);
        var bytes = StateJson.SerializeToUtf8(started.State);
        output.WriteLine($"user-task-gateway waiting at review: {bytes.Length} bytes: {Encoding.UTF8.GetString(bytes)}");
        bytes.Length.ShouldBeLessThanOrEqualTo(1_500);

        var finished = Executor.Advance(document.Processes.Single(), StateJson.Deserialize(bytes), new CompleteTask(started.Commands.OfType<CreateUserTask>().Single().TaskId), Clock.T0);
        finished.Commands.OfType<InstanceCompleted>().Single().EndEventId.ShouldBe("endApproved");
    }
}
