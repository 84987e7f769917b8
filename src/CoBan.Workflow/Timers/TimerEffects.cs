using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Timers;

/// <summary>What a fired timer does, by purpose, inside the unit of work that marked it Fired.</summary>
public sealed class TimerEffects(ReminderActions reminders, StartEventTimers startEvents)
{
    public async Task ApplyAsync(UnitOfWork unit, ScheduledTimer timer, CancellationToken ct)
    {
        switch (timer.Purpose)
        {
            case TimerPurpose.Engine when timer.InstanceId is { } instanceId && timer.TimerId is { } timerId:
                // The engine ignores a timer it no longer waits for, so a stale firing changes nothing.
                unit.Enqueue(await unit.LoadAsync(instanceId, ct), new FireTimer(timerId));
                break;
            case TimerPurpose.Reminder or TimerPurpose.Escalation:
                await reminders.FireAsync(unit, timer, ct);
                break;
            case TimerPurpose.StartEvent:
                await startEvents.FireAsync(unit, timer, ct);
                break;
        }
    }
}
