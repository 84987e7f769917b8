using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Model;
using CoBan.Workflow.Engine.Parsing;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.EngineCases.EngineCase;

namespace CoBan.Workflow.Engine.Tests.EngineCases;

/// <summary>boundary-timeout, boundary-non-interupting-timer, timer-event, simple-task, timer-start-event, timers.</summary>
public class TimerCases
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // ---- boundary-timeout.bpmn: user task + interrupting PT0.1S timer, both into a parallel join (⚠DPE) ----

    [Fact]
    public void Boundary_timeout_signalled_in_time_cancels_the_timer_and_the_join_waits_for_ever_for_the_timer_branch()
    {
        var sim = Run("boundary-timeout.bpmn");
        var timer = sim.Of<ScheduleTimer>().Single();
        timer.ElementId.ShouldBe("boundTimeoutEvent");
        timer.Due.ShouldBe(Clock.T0.AddMilliseconds(100));

        sim.Complete("userTask");
        sim.Of<CancelTimer>().Single().TimerId.ShouldBe(timer.TimerId);
        sim.Timers.ShouldBeEmpty();
        // bpmn-engine differs: it discards the boundary branch and completes (start,userTask,join,end).
        // CoBan's parallel join is strict: the boundary branch will never come, so the join keeps waiting.
        sim.Advance("PT1H");
        sim.Trace.ShouldBe(["start", "userTask", "join"]);
        sim.WaitingAt.ShouldBe(["join"]);
        sim.Status.ShouldBe("waiting");
    }

    [Fact]
    public void Boundary_timeout_not_signalled_interrupts_the_task_after_100_ms_and_the_join_waits_for_ever_for_the_task_branch()
    {
        var sim = Run("boundary-timeout.bpmn");
        sim.Advance("PT0.099S");
        sim.WaitingAt.ShouldBe(["userTask"]);
        sim.Advance("PT0.001S");
        sim.Of<CancelUserTask>().Single().ElementId.ShouldBe("userTask");
        sim.OpenTasks.ShouldBeEmpty();
        // bpmn-engine differs: it discards the task branch and completes (start,boundTimeoutEvent,join,end).
        sim.Trace.ShouldBe(["start", "userTask", "boundTimeoutEvent", "join"]);
        sim.WaitingAt.ShouldBe(["join"]);
        sim.Status.ShouldBe("waiting");
    }

    // ---- boundary-non-interupting-timer.bpmn: user task + NON-interrupting PT0.01S timer into a parallel join ----

    [Fact]
    public void Non_interrupting_timer_fires_while_the_task_waits_and_signalling_at_50_ms_completes_the_join()
    {
        var sim = Run("boundary-non-interupting-timer.bpmn");
        sim.Advance("PT0.05S");
        sim.Trace.ShouldBe(["StartEvent_1", "userTask", "boundaryEvent", "join"]);
        sim.OpenTasks.ShouldHaveSingleItem().ElementId.ShouldBe("userTask");
        sim.WaitingAt.OrderBy(x => x).ShouldBe(["join", "userTask"]);

        sim.Complete("userTask");
        sim.Trace.ShouldBe(["StartEvent_1", "userTask", "boundaryEvent", "join", "join", "EndEvent_04z4jtj"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Non_interrupting_timer_signalled_at_once_is_withdrawn_and_the_join_waits_for_ever_for_the_timer_branch()
    {
        var sim = Run("boundary-non-interupting-timer.bpmn");
        sim.Complete("userTask");
        sim.Timers.ShouldBeEmpty();
        sim.Of<CancelTimer>().ShouldHaveSingleItem().ElementId.ShouldBe("boundaryEvent");
        // bpmn-engine differs: it discards the boundary branch and completes. CoBan's strict join waits.
        sim.Advance("PT1H");
        sim.WaitingAt.ShouldBe(["join"]);
        sim.Status.ShouldBe("waiting");
    }

    // ---- timer-event.bpmn ----

    [Fact]
    public void Intermediate_timer_holds_the_token_for_50_ms_then_the_run_completes()
    {
        var sim = Run("timer-event.bpmn");
        sim.Of<ScheduleTimer>().Single().Due.ShouldBe(Clock.T0.AddMilliseconds(50));
        sim.Advance("PT0.049S").WaitingAt.ShouldBe(["duration"]);
        sim.Advance("PT0.001S");
        sim.Trace.ShouldBe(["start", "task1", "duration", "task2", "end"]);
        sim.Status.ShouldBe("completed");
    }

    // ---- simple-task.bpmn: no start event, a task with a timer boundary and no flows ----

    [Fact]
    public void A_task_without_incoming_flows_is_the_implicit_start_and_completes_before_its_timer_is_ever_armed()
    {
        var document = Document("simple-task.bpmn");
        document.HasErrors.ShouldBeFalse();
        document.Processes.Single().Starts.Select(n => n.Id).ShouldBe(["task"]);
        var sim = Run("simple-task.bpmn");
        sim.Trace.ShouldBe(["task"]);
        sim.Of<ScheduleTimer>().ShouldBeEmpty(); // bpmn-engine arms and discards it; a plain task never waits here
        sim.Status.ShouldBe("completed");
    }

    // ---- timer-start-event.bpmn: its only process is not executable ----

    [Fact]
    public void A_file_whose_only_process_is_not_executable_is_refused_as_bpmn_engine_does()
    {
        var document = Document("timer-start-event.bpmn");
        var refusal = document.Problems.Single(p => p.Severity == ProblemSeverity.Error);
        refusal.ElementType.ShouldBe("definitions");
        refusal.MessageEn.ShouldBe("the document has no executable process: at least one process needs isExecutable=\"true\"");
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Info && p.ElementId == "Process_1" && p.MessageEn.StartsWith("the process is not executable"));
        // The intermediate timer with no incoming flow that feeds the join would never run.
        document.Problems.ShouldContain(p => p.Severity == ProblemSeverity.Warning && p.ElementId == "timerStartEvent" && p.MessageEn.Contains("will never run"));

        var sim = new Simulator(document, Play.Options()).Start(now: Clock.T0);
        sim.Errors.ShouldBe(["没有可执行的流程 / no executable process"]);
    }

    // ---- timers.bpmn: timer start cycle, manual task with a non-interrupting boundary, timeDate from a variable, user task with camunda:dueDate ----

    /// <summary>The upstream test travels to 1993-06-25 and passes these variables.</summary>
    private static readonly DateTimeOffset Published = new(1993, 6, 25, 0, 0, 0, Beijing);

    private static Dictionary<string, object?> TimersVariables => new() { ["catchDate"] = "1993-06-26", ["dueDate"] = "1993-06-27" };

    [Fact]
    public void Timers_the_start_event_is_a_timer_cycle_the_host_schedules_not_a_wait_inside_an_instance()
    {
        var document = Document("timers.bpmn");
        document.HasErrors.ShouldBeFalse(string.Join("\n", document.Problems));
        var start = document.Processes.Single().TimerStarts.Single();
        start.Id.ShouldBe("start-cycle");
        start.Event!.Timer!.Kind.ShouldBe(TimerKind.Cycle);
        start.Event.Timer.Text.ShouldBe("R3/PT10H");
        start.Event.Timer.Fixed!.FirstDue(Published).ShouldBe(Published.AddHours(10));
        start.Event.Timer.Fixed.NextDue(Published.AddHours(30), 3).ShouldBeNull(); // R3: three firings, then done

        // bpmn-engine runs the instance and reports activityStatus 'timer'; here there is no instance until it fires.
        var sim = new Simulator(document, Play.Options()).Start(now: Published);
        sim.Errors.ShouldHaveSingleItem().ShouldContain("the process has no none start event: name the start event to trigger");
    }

    [Fact]
    public void Timers_walk_start_fires_manual_task_signalled_date_catch_falls_due_user_task_gets_its_due_date_and_completes()
    {
        var fired = Published.AddHours(10);
        var sim = new Simulator(Document("timers.bpmn"), Play.Options()).Start(null, TimersVariables, fired, "start-cycle");

        sim.WaitingAt.ShouldBe(["task"]);
        sim.Of<CreateUserTask>().Single().Manual.ShouldBeTrue();
        var bound = sim.Of<ScheduleTimer>().Single();
        bound.ElementId.ShouldBe("bound-duration");
        bound.Due.ShouldBe(fired.AddMinutes(1));

        sim.Complete("task");
        sim.Of<CancelTimer>().Single().TimerId.ShouldBe(bound.TimerId); // the boundary is withdrawn with its task
        sim.WaitingAt.ShouldBe(["catch-date"]);
        var date = sim.Of<ScheduleTimer>().Last();
        date.ElementId.ShouldBe("catch-date");
        date.Due.ShouldBe(new DateTimeOffset(1993, 6, 26, 0, 0, 0, Beijing)); // a date without offset is Beijing time

        // bpmn-engine's test cancels the catch at this point; CoBan has no single-activity cancel, so the date falls due.
        sim.AdvanceTo(date.Due.AddSeconds(-1)).WaitingAt.ShouldBe(["catch-date"]);
        sim.AdvanceTo(date.Due);
        sim.WaitingAt.ShouldBe(["user-due"]);
        sim.OpenTasks.Single().Command.Due.ShouldBe(new DateTimeOffset(1993, 6, 27, 0, 0, 0, Beijing));

        sim.Complete("user-due");
        sim.Trace.ShouldBe(["start-cycle", "task", "catch-date", "user-due", "end"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void Timers_the_non_interrupting_minute_fires_to_its_own_end_while_the_manual_task_stays_open()
    {
        var sim = new Simulator(Document("timers.bpmn"), Play.Options()).Start(null, TimersVariables, Published.AddHours(10), "start-cycle");
        sim.Advance("PT1M");
        sim.Trace.ShouldBe(["start-cycle", "task", "bound-duration", "duration-end"]);
        sim.OpenTasks.ShouldHaveSingleItem().ElementId.ShouldBe("task");
        sim.Status.ShouldBe("waiting");
    }

    [Fact]
    public void Timers_a_catch_date_already_past_fires_at_once()
    {
        // Upstream's second run resumes after travelling to 1993-06-28: the date has passed and the timer fires.
        var sim = new Simulator(Document("timers.bpmn"), Play.Options())
            .Start(null, TimersVariables, new DateTimeOffset(1993, 6, 28, 0, 0, 0, Beijing), "start-cycle")
            .Complete("task");
        sim.WaitingAt.ShouldBe(["user-due"]);
    }

    [Fact]
    public void Timers_state_saved_and_restored_at_every_wait_continues_identically()
    {
        var process = Document("timers.bpmn").Processes.Single();
        var options = Play.Options().Engine;
        var now = Published.AddHours(10);

        var started = Recovery.Advance(process, null, new Start(TimersVariables, "start-cycle"), now, options);
        var manual = started.Commands.OfType<CreateUserTask>().Single();
        var confirmed = Recovery.Advance(process, started.State, new CompleteTask(manual.TaskId), now, options);
        var date = confirmed.Commands.OfType<ScheduleTimer>().Single();
        var due = Recovery.Advance(process, confirmed.State, new FireTimer(date.TimerId), date.Due, options);
        var userTask = due.Commands.OfType<CreateUserTask>().Single();
        userTask.ElementId.ShouldBe("user-due");
        var done = Recovery.Advance(process, due.State, new CompleteTask(userTask.TaskId), date.Due, options);
        done.State.Status.ShouldBe(InstanceStatus.Completed);
    }

    [Theory]
    [InlineData("timeDate", "2023-01-32", "invalid timer value '2023-01-32'")]
    [InlineData("timeCycle", "R-3/2023-01-32", "invalid timer value 'R-3/2023-01-32'")]
    public void Timers_invalid_date_and_cycle_variants_are_refused_when_the_model_is_read(string kind, string value, string expected)
    {
        // The same upstream test file's inline variants fail at run time ("Invalid ISO 8601 date", "Unexpected…").
        var document = BpmnReader.Parse($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="bp2" isExecutable="true">
                <userTask id="task" />
                <boundaryEvent id="bound-timer-2" attachedToRef="task"><timerEventDefinition><{kind}>{value}</{kind}></timerEventDefinition></boundaryEvent>
              </process>
            </definitions>
            """);
        var problem = RefusalOf(document, "bound-timer-2", "boundaryEvent");
        problem.MessageEn.ShouldStartWith(expected);
        problem.MessageZh.ShouldContain(value);
        problem.Line.ShouldBe(5);
    }
}
