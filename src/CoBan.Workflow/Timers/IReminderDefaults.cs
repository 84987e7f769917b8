using CoBan.Workflow.Data;
using Microsoft.Extensions.Options;

namespace CoBan.Workflow.Timers;

/// <summary>
/// The reminder defaults for a new deadline when its element says nothing. The cases feature replaces
/// this with the matter's RemindBeforeWorkingDays / EscalateAfterWorkingDays; until then CoBan:Reminders.
/// </summary>
public interface IReminderDefaults
{
    ValueTask<ReminderPolicy> ForAsync(CoBanDbContext db, DeadlineSpec spec, CancellationToken ct);
}

public sealed class ConfiguredReminderDefaults(IOptions<ReminderOptions> options) : IReminderDefaults
{
    public ValueTask<ReminderPolicy> ForAsync(CoBanDbContext db, DeadlineSpec spec, CancellationToken ct) =>
        ValueTask.FromResult(ReminderPolicy.From(options.Value));
}
