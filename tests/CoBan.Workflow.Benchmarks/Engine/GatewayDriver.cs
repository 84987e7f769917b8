using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>Where the instances of one batch ended.</summary>
public sealed record GatewayTally(int Instances, int Approved, int Rejected, int Wrong, long StoredBytes)
{
    public int ExpectedApproved => (Instances + 1) / 2;
    public int ExpectedRejected => Instances / 2;
    public bool IsHalfAndHalf => Wrong == 0 && Approved == ExpectedApproved && Rejected == ExpectedRejected;
}

/// <summary>
/// Drives user-task-gateway as the models README says: start with approved = (i % 2 == 0), complete
/// `review` at once, check the end event. The driver does what a host does per instance (builds the
/// stimulus and its variables, reads the task id from the CreateUserTask command), nothing more.
/// </summary>
public sealed class GatewayDriver(ProcessDefinition definition, DateTimeOffset now)
{
    public const string Review = "review";
    public const string EndApproved = "endApproved";
    public const string EndRejected = "endRejected";

    /// <summary>The state objects go from one Advance to the next, in memory.</summary>
    public GatewayTally InMemory(int count)
    {
        int approved = 0, rejected = 0, wrong = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Executor.Advance(definition, null, StartWith(i), now);
            var done = Executor.Advance(definition, started.State, new CompleteTask(TaskId(started)), now);
            Tally(i, done, ref approved, ref rejected, ref wrong);
        }
        return new GatewayTally(count, approved, rejected, wrong, 0);
    }

    /// <summary>As the host: the state is stored as JSON after each step and read back before the next.</summary>
    public GatewayTally WithStateJson(int count)
    {
        int approved = 0, rejected = 0, wrong = 0;
        long stored = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Executor.Advance(definition, null, StartWith(i), now);
            var afterStart = StateJson.SerializeToUtf8(started.State);
            var loaded = StateJson.Deserialize(afterStart);
            var done = Executor.Advance(definition, loaded, new CompleteTask(TaskId(started)), now);
            var afterEnd = StateJson.SerializeToUtf8(done.State);
            stored += afterStart.Length + afterEnd.Length;
            Tally(i, done, ref approved, ref rejected, ref wrong);
        }
        return new GatewayTally(count, approved, rejected, wrong, stored);
    }

    /// <summary>What a definition that is not reused would cost: every instance parses the XML first.</summary>
    public static GatewayTally ParsingEach(string xml, string processId, int count, DateTimeOffset now)
    {
        int approved = 0, rejected = 0, wrong = 0;
        for (var i = 0; i < count; i++)
        {
            var own = BenchModels.Parse(xml, processId);
            var started = Executor.Advance(own, null, StartWith(i), now);
            var done = Executor.Advance(own, started.State, new CompleteTask(TaskId(started)), now);
            Tally(i, done, ref approved, ref rejected, ref wrong);
        }
        return new GatewayTally(count, approved, rejected, wrong, 0);
    }

    /// <summary>One instance started with approved = true, waiting at review.</summary>
    public InstanceState WaitingAtReview() => Executor.Advance(definition, null, StartWith(0), now).State;

    private static Start StartWith(int i) => new(new Dictionary<string, object?>(1) { ["approved"] = i % 2 == 0 });

    private static int TaskId(AdvanceResult started)
    {
        foreach (var command in started.Commands)
            if (command is CreateUserTask { ElementId: Review } task) return task.TaskId;
        throw new InvalidOperationException($"the instance did not create the task '{Review}': {started.Outcome} {string.Join("; ", started.Rejections)}");
    }

    private static void Tally(int i, AdvanceResult done, ref int approved, ref int rejected, ref int wrong)
    {
        string? end = null;
        foreach (var command in done.Commands)
            if (command is InstanceCompleted completed) end = completed.EndEventId;
        var expected = i % 2 == 0 ? EndApproved : EndRejected;
        if (done.State.Status != InstanceStatus.Completed || end != expected) wrong++;
        else if (end == EndApproved) approved++;
        else rejected++;
    }
}
