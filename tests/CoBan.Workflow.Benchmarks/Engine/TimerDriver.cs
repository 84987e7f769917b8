using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Benchmarks.Engine;

/// <summary>Where the instances of one timer batch went.</summary>
public sealed record TimerTally(int Instances, int ReachedReview, int ScheduledAt10Ms, int DueBeforeTimeout, int TimedOut, int Completed, int TasksCancelled)
{
    public bool AllTimedOut => ReachedReview == Instances && ScheduledAt10Ms == Instances && DueBeforeTimeout == 0
                               && TimedOut == Instances && Completed == 0 && TasksCancelled == Instances;
}

/// <summary>
/// user-task-timer-boundary in memory: every instance is started at t0 (review waits, a timer is
/// scheduled for t0 + PT0.01S), then the clock moves past 10 ms and the due timers fire in due order.
/// A priority queue stands in for the host's scheduler; the clock is virtual, so nothing sleeps.
/// </summary>
public sealed class TimerDriver(ProcessDefinition definition, DateTimeOffset t0)
{
    public const string EndTimedOut = "endTimedOut";
    public const string EndCompleted = "endCompleted";
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(10); // the model's PT0.01S

    public TimerTally Run(int count)
    {
        var states = new InstanceState[count];
        var scheduler = new PriorityQueue<(int Instance, int TimerId), DateTimeOffset>(count);
        int reachedReview = 0, at10Ms = 0, dueEarly = 0, timedOut = 0, completed = 0, cancelled = 0;
        for (var i = 0; i < count; i++)
        {
            var started = Executor.Advance(definition, null, new Start(), t0);
            states[i] = started.State;
            foreach (var command in started.Commands)
            {
                if (command is CreateUserTask { ElementId: GatewayDriver.Review }) reachedReview++;
                else if (command is ScheduleTimer timer)
                {
                    scheduler.Enqueue((i, timer.TimerId), timer.Due);
                    if (timer.Due - t0 == Timeout) at10Ms++;
                    // Due before the timeout would mean the fraction of PT0.01S was lost.
                    if (timer.Due < t0 + Timeout) dueEarly++;
                }
            }
        }

        var clock = t0 + Timeout + TimeSpan.FromMilliseconds(1);
        while (scheduler.TryPeek(out var timer, out var due) && due <= clock)
        {
            scheduler.Dequeue();
            var fired = Executor.Advance(definition, states[timer.Instance], new FireTimer(timer.TimerId), due);
            states[timer.Instance] = fired.State;
            foreach (var command in fired.Commands)
            {
                if (command is CancelUserTask) cancelled++;
                else if (command is InstanceCompleted { EndEventId: EndTimedOut }) timedOut++;
                else if (command is InstanceCompleted { EndEventId: EndCompleted }) completed++;
            }
        }
        return new TimerTally(count, reachedReview, at10Ms, dueEarly, timedOut, completed, cancelled);
    }
}
