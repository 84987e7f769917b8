using CoBan.Workflow.Engine.Execution;

namespace CoBan.Workflow.Engine.Tests.Execution;

/// <summary>StateJson reuses one buffer and writer per thread: no state may leak into another.</summary>
public class StateJsonBufferTests
{
    private static InstanceState State(string processId, object? value) => new()
    {
        ProcessId = processId,
        Variables = { ["x"] = value },
        Executions = { new CoBan.Workflow.Engine.Execution.Execution { Id = 1, ElementId = "review", State = ExecutionState.Waiting } },
    };

    [Fact]
    public void Each_serialised_state_is_its_own_array_though_the_buffer_is_shared()
    {
        var first = StateJson.SerializeToUtf8(State("first", 1L));
        var second = StateJson.SerializeToUtf8(State("second", 2L));

        StateJson.Deserialize(first).ProcessId.ShouldBe("first");
        StateJson.Deserialize(first).Variables["x"].ShouldBe(1L);
        StateJson.Deserialize(second).ProcessId.ShouldBe("second");
    }

    [Fact]
    public void A_state_that_fails_half_way_does_not_spoil_the_next_one()
    {
        // Deeper than the JSON writer allows (1,000): it throws in the middle of the object.
        object? nested = "bottom";
        for (var i = 0; i < 1_100; i++) nested = new Dictionary<string, object?> { ["in"] = nested };
        Should.Throw<InvalidOperationException>(() => StateJson.SerializeToUtf8(State("broken", nested)));

        var json = StateJson.Serialize(State("whole", "完整"));

        json.ShouldBe("""{"v":0,"p":"whole","n":1,"vars":{"x":"完整"},"x":[{"i":1,"e":"review","s":1}]}""");
    }

    [Fact]
    public void A_large_state_and_a_small_one_after_it_both_come_out_whole()
    {
        var large = new string('长', 40_000); // 120,000 bytes of UTF-8: more than the buffer kept per thread
        StateJson.Deserialize(StateJson.SerializeToUtf8(State("large", large))).Variables["x"].ShouldBe(large);
        StateJson.Deserialize(StateJson.SerializeToUtf8(State("small", "短"))).Variables["x"].ShouldBe("短");
    }

    [Fact]
    public void States_written_on_many_threads_at_once_stay_apart()
    {
        var written = new byte[2_000][];
        Parallel.For(0, written.Length, i => written[i] = StateJson.SerializeToUtf8(State($"p{i}", (long)i)));

        for (var i = 0; i < written.Length; i++)
        {
            var state = StateJson.Deserialize(written[i]);
            state.ProcessId.ShouldBe($"p{i}");
            state.Variables["x"].ShouldBe((long)i);
        }
    }
}
