namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// What a BPMN timer says: <c>timeDuration</c> → <see cref="Duration"/>, <c>timeDate</c> → <see cref="Date"/>,
/// <c>timeCycle</c> → <see cref="Cycle"/> (an ISO 8601 repeating interval) or <see cref="Cron"/>
/// (a Quartz cron expression, which Camunda also accepts in a timeCycle).
/// </summary>
public enum TimerKind
{
    Duration,
    Date,
    Cycle,
    Cron,
}
