using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class TimerSpecTests
{
    private static readonly DateTimeOffset Now = Beijing("2026-09-30 10:00");

    [Fact]
    public void A_duration_fires_once_after_the_delay()
    {
        var timer = TimerSpec.Parse(TimerKind.Duration, "PT1M");
        timer.Kind.ShouldBe(TimerKind.Duration);
        timer.FirstDue(Now).ShouldBe(Beijing("2026-09-30 10:01"));
        timer.NextDue(Beijing("2026-09-30 10:01"), 1).ShouldBeNull();
    }

    [Fact]
    public void A_fractional_duration_keeps_its_milliseconds()
    {
        TimerSpec.Parse(TimerKind.Duration, "PT0.01S").FirstDue(Now).ShouldBe(Now.AddMilliseconds(10));
    }

    [Fact]
    public void A_working_day_duration_counts_on_the_calendar()
    {
        var timer = TimerSpec.Parse(TimerKind.Duration, "P5WD");
        timer.FirstDue(Now, China).ShouldBe(Beijing("2026-10-13 10:00"));
        Should.Throw<InvalidOperationException>(() => timer.FirstDue(Now, null));
        timer.FirstDue(Beijing("2026-12-28 10:00"), China).ShouldBe(Beijing("2027-01-05 10:00")); // 2027 provisional: 元旦 off
        Should.Throw<CalendarYearUnknownException>(() => timer.FirstDue(Beijing("2026-12-28 10:00"), China.WithoutProvisionalYears()));
    }

    [Fact]
    public void Surrounding_whitespace_from_the_XML_is_ignored()
    {
        TimerSpec.Parse(TimerKind.Duration, "\n   P7D\n  ").Text.ShouldBe("P7D");
    }

    [Fact]
    public void A_date_fires_once_at_that_date_and_is_local_without_an_offset()
    {
        var timer = TimerSpec.Parse(TimerKind.Date, "2026-10-08T09:00");
        timer.FirstDue(Now).ShouldBe(Beijing("2026-10-08 09:00"));
        timer.FirstDue(Now, new WorkingCalendar([], utcOffset: TimeSpan.Zero)).ShouldBe(new DateTimeOffset(2026, 10, 8, 9, 0, 0, TimeSpan.Zero));
        timer.NextDue(Beijing("2026-10-08 09:00"), 1).ShouldBeNull();
        TimerSpec.Parse(TimerKind.Date, "2026-10-08T01:00Z").FirstDue(Now).ShouldBe(Beijing("2026-10-08 09:00"));
    }

    [Fact]
    public void A_date_in_the_past_is_returned_for_the_host_to_fire_at_once()
    {
        TimerSpec.Parse(TimerKind.Date, "1993-06-26").FirstDue(Now).ShouldBe(Beijing("1993-06-26 00:00"));
    }

    [Fact]
    public void R3_PT10H_fires_three_times_ten_hours_apart()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R3/PT10H");
        (timer.Kind, timer.Repetitions, timer.HasStart).ShouldBe((TimerKind.Cycle, (int?)3, false));
        var first = timer.FirstDue(Now)!.Value;
        first.ShouldBe(Beijing("2026-09-30 20:00"));
        var second = timer.NextDue(first, 1)!.Value;
        second.ShouldBe(Beijing("2026-10-01 06:00"));
        var third = timer.NextDue(second, 2)!.Value;
        third.ShouldBe(Beijing("2026-10-01 16:00"));
        timer.NextDue(third, 3).ShouldBeNull();
    }

    [Fact]
    public void R_without_a_count_repeats_for_ever()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R/PT1H");
        timer.Repetitions.ShouldBeNull();
        timer.NextDue(Beijing("2026-09-30 11:00"), 100_000).ShouldBe(Beijing("2026-09-30 12:00"));
    }

    [Fact]
    public void R0_never_fires()
    {
        TimerSpec.Parse(TimerKind.Cycle, "R0/PT1H").FirstDue(Now).ShouldBeNull();
    }

    [Fact]
    public void R_P1WD_fires_every_working_day_at_the_same_time()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R/P1WD");
        var first = timer.FirstDue(Now, China)!.Value;
        first.ShouldBe(Beijing("2026-10-08 10:00"));
        var second = timer.NextDue(first, 1, China)!.Value;
        second.ShouldBe(Beijing("2026-10-09 10:00"));
        timer.NextDue(second, 2, China).ShouldBe(Beijing("2026-10-10 10:00")); // the worked Saturday
    }

    [Fact]
    public void A_cycle_with_a_start_fires_at_the_start_and_then_on_its_grid()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R5/2026-01-01T09:00+08:00/P1D");
        timer.HasStart.ShouldBeTrue();
        var first = timer.FirstDue(Beijing("2025-12-31 12:00"))!.Value;
        first.ShouldBe(Beijing("2026-01-01 09:00"));
        // Fired late (09:03): the next firing stays on the grid.
        timer.NextDue(first.AddMinutes(3), 1).ShouldBe(Beijing("2026-01-02 09:00"));
        timer.NextDue(Beijing("2026-01-04 09:00"), 4).ShouldBe(Beijing("2026-01-05 09:00"));
        timer.NextDue(Beijing("2026-01-05 09:00"), 5).ShouldBeNull();
    }

    [Fact]
    public void A_cycle_created_after_its_start_skips_the_past_occurrences_and_they_count()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R5/2026-01-01T09:00+08:00/P1D");
        timer.FirstDue(Beijing("2026-01-03 10:00")).ShouldBe(Beijing("2026-01-04 09:00"));
        timer.FirstDue(Beijing("2026-01-03 09:00")).ShouldBe(Beijing("2026-01-03 09:00"));
        // Occurrence 5 would be 01-06: beyond R5, even though only one firing happened.
        timer.NextDue(Beijing("2026-01-05 09:00"), 1).ShouldBeNull();
        timer.FirstDue(Beijing("2026-02-01 00:00")).ShouldBeNull();
    }

    [Fact]
    public void A_monthly_cycle_from_the_31st_does_not_drift()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R/2026-01-31T09:00/P1M");
        timer.NextDue(Beijing("2026-01-31 09:00"), 1).ShouldBe(Beijing("2026-02-28 09:00"));
        timer.NextDue(Beijing("2026-02-28 09:00"), 2).ShouldBe(Beijing("2026-03-31 09:00"));
        timer.FirstDue(Beijing("2036-06-15 00:00")).ShouldBe(Beijing("2036-06-30 09:00"));
    }

    [Fact]
    public void A_long_running_cycle_jumps_to_now_without_walking_every_occurrence()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R/2020-01-01T00:00Z/PT1M");
        timer.FirstDue(Beijing("2026-09-30 10:00:30")).ShouldBe(Beijing("2026-09-30 10:01"));
    }

    [Fact]
    public void A_working_day_cycle_with_a_start_steps_over_holidays()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R/2026-09-28T09:00/P1WD");
        timer.FirstDue(Beijing("2026-09-30 10:00"), China).ShouldBe(Beijing("2026-10-08 09:00"));
    }

    [Fact]
    public void A_cycle_with_an_end_stops_after_it()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "R3/PT1H/2026-09-30T04:00Z"); // 12:00 in Beijing
        timer.FirstDue(Now).ShouldBe(Beijing("2026-09-30 11:00"));
        timer.NextDue(Beijing("2026-09-30 11:00"), 1).ShouldBe(Beijing("2026-09-30 12:00"));
        timer.NextDue(Beijing("2026-09-30 12:00"), 2).ShouldBeNull();
        TimerSpec.Parse(TimerKind.Cycle, "R/PT1H/2026-12-31T00:00Z").NextDue(Beijing("2026-12-31 07:00"), 9).ShouldBe(Beijing("2026-12-31 08:00"));
        TimerSpec.Parse(TimerKind.Cycle, "R/PT1H/2026-12-31T00:00Z").NextDue(Beijing("2026-12-31 08:00"), 9).ShouldBeNull();
    }

    [Fact]
    public void A_cron_in_a_time_cycle_is_read_as_cron_in_the_calendar_offset()
    {
        var timer = TimerSpec.Parse(TimerKind.Cycle, "0 0 9 ? * MON-FRI");
        timer.Kind.ShouldBe(TimerKind.Cron);
        timer.Cron!.Expression.ShouldBe("0 0 9 ? * MON-FRI");
        timer.FirstDue(Beijing("2026-11-20 10:00")).ShouldBe(Beijing("2026-11-23 09:00"));
        timer.NextDue(Beijing("2026-11-23 09:00"), 1).ShouldBe(Beijing("2026-11-24 09:00"));
        timer.FirstDue(Beijing("2026-11-20 10:00"), new WorkingCalendar([], utcOffset: TimeSpan.Zero))
            .ShouldBe(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)); // 10:00 in Beijing is 02:00 UTC
        TimerSpec.Parse(TimerKind.Cron, "0 0 12 30 2 ?").FirstDue(Now).ShouldBeNull();
    }

    [Theory]
    [InlineData(TimerKind.Duration, "1w", "'1w' is not a valid ISO 8601 duration: it must start with P")]
    [InlineData(TimerKind.Cycle, "1w", "'1w' is neither an ISO 8601 repeating interval nor a Quartz cron expression")]
    [InlineData(TimerKind.Date, "DateTime.AddDays(Execution.Created, 1)", "'DateTime.AddDays(Execution.Created, 1)' is not an ISO 8601 date")]
    [InlineData(TimerKind.Date, "date", "'date' is not an ISO 8601 date")]
    [InlineData(TimerKind.Date, "${environment.variables.catchDate}", "is an expression; evaluate it")]
    [InlineData(TimerKind.Duration, "-PT1H", "is negative")]
    [InlineData(TimerKind.Cycle, "R3/PT0S", "'R3/PT0S' contains 'PT0S', which is zero")]
    [InlineData(TimerKind.Cycle, "R3/PT10X", "'R3/PT10X' contains 'PT10X', which is not a valid ISO 8601 duration: 'X' is not a time unit")]
    [InlineData(TimerKind.Cycle, "Rx/PT1H", "has 'Rx', which is not a repetition count")]
    [InlineData(TimerKind.Cycle, "R3", "is not a repeating interval")]
    [InlineData(TimerKind.Cycle, "R3/a/b/c", "is not a repeating interval")]
    [InlineData(TimerKind.Cycle, "R5/2026-13-01T09:00/P1D", "contains '2026-13-01T09:00', which is not a valid ISO 8601 date-time")]
    [InlineData(TimerKind.Cycle, "R5/2026-01-01T09:00/2026-01-02T09:00", "start/end form, which is not supported")]
    [InlineData(TimerKind.Cycle, "0 0 9 * * MON", "exactly one of day-of-month and day-of-week must be ?")]
    [InlineData(TimerKind.Cron, "R3/PT10H", "6 or 7 fields")]
    public void Explains_an_invalid_timer_in_both_languages_quoting_the_value(TimerKind kind, string text, string reason)
    {
        var error = Should.Throw<TimeFormatException>(() => TimerSpec.Parse(kind, text));
        error.Message.ShouldContain(reason);
        error.Message.ShouldContain($"“{text}”");
    }

    [Fact]
    public void Reads_every_timer_value_in_the_corpus_engine_cases()
    {
        var values = new (TimerKind, string)[]
        {
            (TimerKind.Cycle, "R3/PT10H"), (TimerKind.Cycle, "R6/P1D"), (TimerKind.Cycle, "R1/P5D"),
            (TimerKind.Duration, "P7D"), (TimerKind.Duration, "PT0.01S"), (TimerKind.Duration, "PT0.05S"),
            (TimerKind.Duration, "PT0.1S"), (TimerKind.Duration, "PT1M"), (TimerKind.Duration, "PT30S"), (TimerKind.Duration, "P1D"),
        };
        foreach (var (kind, text) in values)
            TimerSpec.Parse(kind, text).FirstDue(Now).ShouldNotBeNull();
    }
}
