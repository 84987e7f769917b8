namespace CoBan.Workflow.Timers;

/// <summary>CoBan:Timers — how timers are fired (docs/timers.md).</summary>
public sealed class TimerOptions
{
    public const string Section = "CoBan:Timers";

    /// <summary>
    /// "Quartz" (default): a Quartz 4 persistent store in the service's database rings the bell for every
    /// pending timer. "Manual": no scheduler; something else calls <see cref="TimerRunner.FireDueAsync"/>
    /// (tests driving a manual clock).
    /// </summary>
    public string Scheduler { get; set; } = "Quartz";

    public bool UsesQuartz => !Scheduler.Equals("Manual", StringComparison.OrdinalIgnoreCase);

    /// <summary>How often every pending row is checked to have its trigger (and start events are reconciled).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timers fired in one transaction when many are due together; a failing batch is retried one by one.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Quartz worker threads.</summary>
    public int Threads { get; set; } = 4;

    /// <summary>How long an idle scheduler waits before looking for due triggers again (Quartz's minimum is 1 s).</summary>
    public TimeSpan IdleWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A trigger this late is a misfire; Quartz then fires it at once (never drops it).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>PostgreSQL cluster: how often a node checks in; another node takes over a silent node's triggers after about three of these.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>PostgreSQL cluster: how late a check-in may be before the node counts as dead.</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>This node's id in the cluster; empty: generated (host name + time).</summary>
    public string? NodeId { get; set; }
}

/// <summary>
/// CoBan:Reminders — the defaults for deadlines whose matter or task element says nothing
/// (coban:remindBefore / coban:escalateAfter on a task win; a matter's defaults come from the cases feature).
/// </summary>
public sealed class ReminderOptions
{
    public const string Section = "CoBan:Reminders";

    /// <summary>Remind the case owner this many working days before due; null: no reminder.</summary>
    public int? RemindBeforeWorkingDays { get; set; } = 1;

    /// <summary>The supervisor is alerted this many working days after the duty leader (who is alerted when it falls due).</summary>
    public int EscalateAfterWorkingDays { get; set; } = 2;

    /// <summary>Local time (Asia/Shanghai) reminders and daily repeats go out, e.g. "09:00".</summary>
    public TimeOnly Hour { get; set; } = new(9, 0);

    /// <summary>Repeat the overdue alerts every working day while the deadline stays overdue.</summary>
    public bool RepeatDaily { get; set; } = true;

    /// <summary>
    /// Working hours for alerts of a bureau that posts no readable service hours: an alert that would go out before
    /// <see cref="Opens"/>, at or after <see cref="Closes"/>, or on a day off goes out when the next working day opens.
    /// </summary>
    public TimeOnly Opens { get; set; } = new(8, 30);

    /// <inheritdoc cref="Opens"/>
    public TimeOnly Closes { get; set; } = new(17, 30);

    public Engine.Time.ServiceHours OfficeHours => Closes > Opens ? new(Opens, Closes) : ReminderPolicy.OfficeHours;
}
