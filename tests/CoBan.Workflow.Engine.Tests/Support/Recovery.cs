using System.Text.Json;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Tests.Support;

/// <summary>Saving and restoring instance state: a restored state must behave exactly like the original.</summary>
public static class Recovery
{
    public static InstanceState RoundTrip(InstanceState state) => StateJson.Deserialize(StateJson.Serialize(state));

    /// <summary>
    /// Applies the stimulus to the state as it is and to the state after a JSON round trip (as a host
    /// restarted between two steps would); both must give the same outcome, state, commands and trace.
    /// Returns the result of the restored run.
    /// </summary>
    public static AdvanceResult Advance(ProcessDefinition definition, InstanceState? state, Stimulus stimulus, DateTimeOffset now, EngineOptions? options = null)
    {
        var direct = Executor.Advance(definition, state, stimulus, now, options);
        var restored = Executor.Advance(definition, state is null ? null : RoundTrip(state), stimulus, now, options);
        restored.Outcome.ShouldBe(direct.Outcome);
        StateJson.Serialize(restored.State).ShouldBe(StateJson.Serialize(direct.State));
        Describe(restored.Commands).ShouldBe(Describe(direct.Commands));
        restored.Trace.ShouldBe(direct.Trace);
        return restored;
    }

    /// <summary>Commands by value (records compare their lists and maps by reference).</summary>
    public static List<string> Describe(IEnumerable<Command> commands) =>
        commands.Select(c => c.GetType().Name + JsonSerializer.Serialize(c, c.GetType())).ToList();
}
