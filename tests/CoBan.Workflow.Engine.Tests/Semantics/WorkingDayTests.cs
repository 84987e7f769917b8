using CoBan.Workflow.Engine.Execution;
using CoBan.Workflow.Engine.Simulation;
using CoBan.Workflow.Engine.Tests.Support;
using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Support.Bpmn;

namespace CoBan.Workflow.Engine.Tests.Semantics;

/// <summary>Working-day durations (P5WD) inside the engine: timers, due dates, the simulator's clock, unknown years.</summary>
public class WorkingDayTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>Monday 2026-12-28, 09:00: three working days are left in 2026.</summary>
    private static readonly DateTimeOffset LateDecember = new(2026, 12, 28, 9, 0, 0, Beijing);

    /// <summary>A calendar that refuses years without a notice instead of counting them provisionally.</summary>
    private static readonly WorkingCalendar Strict = WorkingCalendar.ChinaNational.WithoutProvisionalYears();

    /// <summary>A stand-in for the 2027 notice, loaded by an administrator: only New Year's Day off.</summary>
    private static WorkingCalendar With2027 => WorkingCalendar.ChinaNational.WithYear(
        CalendarYear.FromLists(2027, [new DateOnly(2027, 1, 1)], []));

    private static readonly string Review = $"""
        <startEvent id="s" /><userTask id="review" /><endEvent id="done" />
        <boundaryEvent id="overdue" attachedToRef="review"><timerEventDefinition><timeDuration>P5WD</timeDuration></timerEventDefinition></boundaryEvent>
        <endEvent id="late" />
        {Chain("s", "review", "done")}{Flow("overdue", "late")}
        """;

    [Fact]
    public void A_P5WD_boundary_timer_started_before_National_Day_fires_on_13_October_at_the_same_time()
    {
        var sim = Play.Model(Review);
        Clock.T0.ShouldBe(new DateTimeOffset(2026, 9, 30, 9, 0, 0, Beijing));
        var due = new DateTimeOffset(2026, 10, 13, 9, 0, 0, Beijing);
        sim.Of<ScheduleTimer>().Single().Due.ShouldBe(due);

        sim.AdvanceTo(due.AddMinutes(-1));
        sim.WaitingAt.ShouldBe(["review"]);
        sim.AdvanceTo(due);
        sim.Trace.ShouldBe(["s", "review", "overdue", "late"]);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_user_task_due_in_P3WD_is_due_on_the_adjusted_working_Saturday()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" coban:due="P3WD" />{Chain("s", "t")}""");
        // 10-01..10-07 holiday; 10-08 Thu (1), 10-09 Fri (2), 10-10 Sat worked under 调休 (3).
        sim.Of<CreateUserTask>().Single().Due.ShouldBe(new DateTimeOffset(2026, 10, 10, 9, 0, 0, Beijing));
    }

    [Fact]
    public void The_simulators_clock_advances_by_working_days()
    {
        var sim = Play.Model($"""<startEvent id="s" /><userTask id="t" />{Chain("s", "t")}""");
        sim.Advance("P3WD").Now.ShouldBe(new DateTimeOffset(2026, 10, 10, 9, 0, 0, Beijing));
        sim.Advance("P1WD").Now.ShouldBe(new DateTimeOffset(2026, 10, 12, 9, 0, 0, Beijing));
        sim.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void A_P5WD_timer_reaching_2027_without_its_notice_is_scheduled_on_the_provisional_year_with_no_incident()
    {
        var sim = new Simulator(Bpmn.Parse(Review), Play.Options()).Start(now: LateDecember);
        sim.Of<RaiseIncident>().ShouldBeEmpty();
        // 12-29, 30, 31, then 元旦 (Friday 2027-01-01) off: Monday 01-04, Tuesday 01-05.
        sim.Of<ScheduleTimer>().Single().Due.ShouldBe(new DateTimeOffset(2027, 1, 5, 9, 0, 0, Beijing));
    }

    [Fact]
    public void The_simulator_refuses_a_working_day_step_it_cannot_count_with_a_reason_and_leaves_the_clock()
    {
        var noCalendar = new Simulator(Bpmn.Parse($"""<startEvent id="s" /><userTask id="t" />{Chain("s", "t")}""")).Start(now: Clock.T0);
        noCalendar.Advance("P3WD");
        noCalendar.Now.ShouldBe(Clock.T0);
        noCalendar.Errors.ShouldHaveSingleItem().ShouldContain("needs a working-day calendar");

        var sim = new Simulator(Bpmn.Parse($"""<startEvent id="s" /><userTask id="t" />{Chain("s", "t")}"""), Play.Options(Strict)).Start(now: LateDecember);
        sim.Advance("P5WD");
        sim.Now.ShouldBe(LateDecember);
        sim.Errors.ShouldHaveSingleItem().ShouldContain(new CalendarYearUnknownException(2027).Message);
    }

    [Fact]
    public void A_timer_that_reaches_an_unloaded_year_raises_an_incident_saying_so_and_schedules_nothing()
    {
        var sim = new Simulator(Bpmn.Parse(Review), Play.Options(Strict)).Start(now: LateDecember);
        sim.Status.ShouldBe("failed");
        sim.Of<ScheduleTimer>().ShouldBeEmpty(); // never a guess on plain weekdays
        var incident = sim.Of<RaiseIncident>().Single();
        incident.ElementId.ShouldBe("review");
        incident.MessageEn.ShouldBe($"the timer or correlation key of 'overdue' failed: {new CalendarYearUnknownException(2027).Message}");
        incident.MessageZh.ShouldContain("2027 年的节假日安排尚未载入");

        // Once the administrator loads 2027, a retry schedules the timer on the new calendar.
        var loaded = new EngineOptions { Calendar = With2027 };
        var retry = Executor.Advance(sim.Main!.Definition, sim.State(), new RetryIncident(incident.ExecutionId), LateDecember, loaded);
        retry.Commands.OfType<ResolveIncident>().ShouldHaveSingleItem();
        retry.Commands.OfType<ScheduleTimer>().Single().Due.ShouldBe(new DateTimeOffset(2027, 1, 5, 9, 0, 0, Beijing));
        retry.Commands.OfType<CreateUserTask>().ShouldHaveSingleItem(); // the task is offered again with its timer
    }

    [Fact]
    public void Completing_a_task_whose_timer_could_not_be_scheduled_resolves_the_incident()
    {
        var sim = new Simulator(Bpmn.Parse(Review), Play.Options(Strict)).Start(now: LateDecember);
        var incident = sim.Of<RaiseIncident>().Single();
        sim.Complete("review");
        sim.Of<ResolveIncident>().Single().ExecutionId.ShouldBe(incident.ExecutionId);
        sim.Status.ShouldBe("completed");
    }

    [Fact]
    public void A_due_date_in_an_unloaded_year_stops_the_task_with_an_incident_until_the_year_is_loaded()
    {
        var sim = new Simulator(Bpmn.Parse($"""<startEvent id="s" /><userTask id="t" coban:due="P5WD" />{Chain("s", "t")}"""), Play.Options(Strict))
            .Start(now: LateDecember);
        sim.Of<CreateUserTask>().ShouldBeEmpty();
        var incident = sim.Of<RaiseIncident>().Single();
        incident.MessageEn.ShouldBe($"cannot create the task: {new CalendarYearUnknownException(2027).Message}");

        var retry = Executor.Advance(sim.Main!.Definition, sim.State(), new RetryIncident(incident.ExecutionId), LateDecember, new EngineOptions { Calendar = With2027 });
        retry.Commands.OfType<CreateUserTask>().Single().Due.ShouldBe(new DateTimeOffset(2027, 1, 5, 9, 0, 0, Beijing));
    }

    [Fact]
    public void A_repeating_working_day_reminder_whose_next_repetition_falls_in_an_unloaded_year_holds_that_firing_with_an_incident()
    {
        var sim = new Simulator(Bpmn.Parse($"""
            <startEvent id="s" /><userTask id="t" /><endEvent id="e" />
            <boundaryEvent id="remind" attachedToRef="t" cancelActivity="false"><timerEventDefinition><timeCycle>R/P1WD</timeCycle></timerEventDefinition></boundaryEvent>
            <sendTask id="notice" coban:notice="reminder" />
            {Chain("s", "t", "e")}{Flow("remind", "notice")}
            """), Play.Options(Strict)).Start(now: LateDecember);
        sim.AdvanceTo(new DateTimeOffset(2026, 12, 31, 12, 0, 0, Beijing));
        sim.Of<ScheduleTimer>().Select(t => t.Due.Day).ShouldBe([29, 30, 31]);
        sim.Of<SendNotice>().Count().ShouldBe(2); // 12-29 and 12-30; the 12-31 firing could not schedule 2027's
        var incident = sim.Of<RaiseIncident>().ShouldHaveSingleItem();
        incident.ElementId.ShouldBe("remind");
        incident.MessageEn.ShouldBe("'remind' fired but its next repetition cannot be scheduled, so this firing waits here "
            + $"(a retry lets it go on; no later repetition is scheduled): {new CalendarYearUnknownException(2027).Message}");
        sim.OpenTasks.ShouldHaveSingleItem(); // the task itself is untouched: the person can go on working

        var retried = Executor.Advance(sim.Main!.Definition, sim.State(), new RetryIncident(incident.ExecutionId), sim.Now, new EngineOptions { Calendar = With2027 });
        retried.Commands.OfType<SendNotice>().ShouldHaveSingleItem();
        retried.Commands.OfType<ScheduleTimer>().ShouldBeEmpty();
        retried.State.WaitingAt.ShouldBe(["t"]);
    }

    [Fact]
    public void A_sub_process_whose_deadline_reaches_an_unloaded_year_starts_nothing_inside_until_a_retry()
    {
        var sim = new Simulator(Bpmn.Parse($"""
            <startEvent id="s" /><subProcess id="handling"><userTask id="inner" /></subProcess><endEvent id="e" />
            <boundaryEvent id="overdue" attachedToRef="handling"><timerEventDefinition><timeDuration>P5WD</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="late" />
            {Chain("s", "handling", "e")}{Flow("overdue", "late")}
            """), Play.Options(Strict)).Start(now: LateDecember);
        sim.Of<RaiseIncident>().Single().ElementId.ShouldBe("handling");
        sim.OpenTasks.ShouldBeEmpty(); // nothing runs inside a scope whose deadline is unknown
        sim.State().Executions.ShouldHaveSingleItem();

        var loaded = new EngineOptions { Calendar = With2027 };
        var definition = sim.Main!.Definition;
        var retried = Executor.Advance(definition, sim.State(), new RetryIncident(sim.State().Executions.Single().Id), LateDecember, loaded);
        retried.Commands.OfType<ScheduleTimer>().Single().Due.ShouldBe(new DateTimeOffset(2027, 1, 5, 9, 0, 0, Beijing));
        var task = retried.Commands.OfType<CreateUserTask>().Single();
        var done = Executor.Advance(definition, retried.State, new CompleteTask(task.TaskId), LateDecember, loaded);
        done.State.Status.ShouldBe(InstanceStatus.Completed);
        done.Commands.OfType<InstanceCompleted>().Single().EndEventId.ShouldBe("e");
    }

    [Fact]
    public void A_service_task_whose_deadline_reaches_an_unloaded_year_is_not_invoked_until_a_retry()
    {
        var sim = new Simulator(Bpmn.Parse($"""
            <startEvent id="s" /><serviceTask id="register" coban:action="case.register" /><endEvent id="e" />
            <boundaryEvent id="overdue" attachedToRef="register"><timerEventDefinition><timeDuration>P5WD</timeDuration></timerEventDefinition></boundaryEvent>
            <endEvent id="late" />
            {Chain("s", "register", "e")}{Flow("overdue", "late")}
            """), Play.Options(Strict, services: new() { ["register"] = new ServiceOutcome(Pending: true) })).Start(now: LateDecember);
        sim.Of<InvokeService>().ShouldBeEmpty();
        var incident = sim.Of<RaiseIncident>().Single();

        var retried = Executor.Advance(sim.Main!.Definition, sim.State(), new RetryIncident(incident.ExecutionId), LateDecember, new EngineOptions { Calendar = With2027 });
        retried.Commands.Select(c => c.GetType().Name).ShouldBe(["ResolveIncident", "ScheduleTimer", "InvokeService"]);
    }

    [Fact]
    public void Working_days_without_a_calendar_raise_an_incident_instead_of_throwing()
    {
        var document = Bpmn.Parse(Review);
        var result = Executor.Advance(document.Processes[0], null, new Start(), Clock.T0, new EngineOptions { Calendar = null });
        result.Applied.ShouldBeTrue();
        result.Commands.OfType<RaiseIncident>().Single().MessageEn.ShouldContain("counts working days and needs a working-day calendar");
    }

    [Fact]
    public void Working_day_functions_in_a_condition_use_the_same_calendar()
    {
        var sim = Play.Model($$"""
            <startEvent id="s" /><exclusiveGateway id="gw" default="normal" /><endEvent id="fast" /><endEvent id="slow" />
            {{Flow("s", "gw")}}{{Flow("gw", "fast", "quick", "${workingDaysBetween(accepted, now()) <= 1}")}}{{Flow("gw", "slow", "normal")}}
            """, new { accepted = new DateTimeOffset(2026, 9, 29, 9, 0, 0, Beijing) });
        sim.Trace.ShouldBe(["s", "gw", "fast"]); // 09-29 → 09-30 is one working day
    }
}
