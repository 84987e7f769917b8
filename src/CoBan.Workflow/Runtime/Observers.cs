using CoBan.Workflow.Data;
using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Tasks;
using CoBan.Workflow.Timers;

namespace CoBan.Workflow.Runtime;

/// <summary>One applied step, as features see it inside the transaction (before it commits).</summary>
public sealed class StepContext
{
    public required CoBanDbContext Db { get; init; }
    public required ProcessInstance Instance { get; init; }
    public required Stimulus Stimulus { get; init; }
    public required AdvanceResult Result { get; init; }
    public required Actor Actor { get; init; }
    public required DateTimeOffset Now { get; init; }
    public List<WorkTask> CreatedTasks { get; } = [];
    public List<WorkTask> EndedTasks { get; } = [];
    public required UnitOfWork Unit { get; init; }
}

/// <summary>
/// Lets a feature react to steps in the same transaction (the cases feature updates case status;
/// reminders add their timers). Called after the step's commands are applied.
/// </summary>
public interface IStepObserver
{
    ValueTask OnStepAsync(StepContext step, CancellationToken ct);
}

/// <summary>Runs after the unit of work commits: hands new timers to the scheduler, wakes dispatchers.</summary>
public interface IAfterCommit
{
    ValueTask AfterCommitAsync(CommittedUnit unit, CancellationToken ct);
}

public sealed record CommittedUnit(IReadOnlyList<ScheduledTimer> TimersAdded, IReadOnlyList<ScheduledTimer> TimersCancelled, bool ServiceJobsAdded, bool NoticesAdded);
