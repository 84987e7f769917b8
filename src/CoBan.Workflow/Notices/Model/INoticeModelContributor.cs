using CoBan.Workflow.Data;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Adds its part to the model a notice is rendered with. Contributors run in ascending
/// <see cref="Order"/>; a later one may overwrite what an earlier one set. The notices feature fills
/// bureau, coordinator, duty leader, vars, form, task and today (order 0) and, as far as the data
/// model allows, the case part (order 10); the cases feature adds or replaces the case, matter,
/// applicant, transfer and chain part with a contributor of a higher order.
/// </summary>
public interface INoticeModelContributor
{
    int Order { get; }

    Task ContributeAsync(NoticeModelContext context, CancellationToken ct);
}

/// <summary>What a contributor may read: the notice row (with its variable snapshot) and the database.</summary>
public sealed class NoticeModelContext
{
    public required CoBanDbContext Db { get; init; }
    public required Notice Notice { get; init; }
    public required NoticeModel Model { get; init; }
    /// <summary>The instance's variables when the step decided the notice.</summary>
    public required IReadOnlyDictionary<string, object?> Variables { get; init; }
    /// <summary>The completing task's form values, when a task completion decided it.</summary>
    public required IReadOnlyDictionary<string, object?> Form { get; init; }
    /// <summary>The moment the notice was decided (its "today").</summary>
    public DateTimeOffset At => Notice.CreatedAt;
}
