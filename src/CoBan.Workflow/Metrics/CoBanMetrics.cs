using System.Diagnostics.Metrics;

namespace CoBan.Workflow.Metrics;

/// <summary>
/// The service's own counters and histograms (meter "CoBan.Workflow"), recorded where the work happens. What is read
/// from the database (backlogs, pending timers, open incidents) is sampled at scrape time by Hosting/OperationsGauges.
/// docs/operations.md lists every metric with what to alert on.
/// </summary>
public static class CoBanMetrics
{
    public const string MeterName = "CoBan.Workflow";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>Units of work committed (one user action, timer batch or service job and everything it set off).</summary>
    public static readonly Counter<long> Units = Meter.CreateCounter<long>("coban.workflow.units", "{unit}", "Units of work committed");

    /// <summary>Workflow steps (engine advances) committed.</summary>
    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("coban.workflow.steps", "{step}", "Workflow steps committed");

    /// <summary>How long a committed unit of work took, from its transaction's start to its commit.</summary>
    public static readonly Histogram<double> UnitDuration = Meter.CreateHistogram<double>("coban.workflow.unit.duration", "s", "Duration of committed units of work");

    /// <summary>Units run again after losing a race or meeting a deadlock (PostgreSQL); kind = lost-race | transient.</summary>
    public static readonly Counter<long> UnitRetries = Meter.CreateCounter<long>("coban.workflow.unit.retries", "{retry}", "Units of work run again after a conflict or deadlock");

    /// <summary>Units given up after their retries (the caller got 409 or 503).</summary>
    public static readonly Counter<long> UnitFailures = Meter.CreateCounter<long>("coban.workflow.unit.given_up", "{unit}", "Units of work given up after retries");

    /// <summary>Timers that took effect.</summary>
    public static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("coban.timers.fired", "{timer}", "Timers fired");

    /// <summary>How late a timer took effect after its due time.</summary>
    public static readonly Histogram<double> TimerLateness = Meter.CreateHistogram<double>("coban.timers.lateness", "s", "Time from a timer's due time to its firing");

    /// <summary>Delivery attempts by channel and outcome (sent, not-sent, ambiguous, refused).</summary>
    public static readonly Counter<long> DeliveryAttempts = Meter.CreateCounter<long>("coban.outbox.attempts", "{attempt}", "Notice delivery attempts");
}
