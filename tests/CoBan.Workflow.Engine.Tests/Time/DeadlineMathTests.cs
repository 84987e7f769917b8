using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class DeadlineMathTests
{
    private readonly DeadlineMath _math = new(China);

    [Fact]
    public void The_committed_deadline_is_acceptance_plus_the_limit_in_working_days()
    {
        _math.CommittedDeadline(Beijing("2026-09-30 10:15"), 5).ShouldBe(Beijing("2026-10-13 10:15"));
        // Mon 09-21 + 10: 22, 23, 24, (中秋 25-27), 28, 29, 30, (国庆 10-01..07), 08, 09, Sat 10, Mon 12.
        _math.CommittedDeadline(Beijing("2026-09-21 09:00"), 10).ShouldBe(Beijing("2026-10-12 09:00"));
    }

    [Fact]
    public void A_twenty_working_day_limit_from_before_Spring_Festival_2026_ends_in_March()
    {
        // 10(1) 11(2) 12(3) 13(4) 14(5) 24(6) 25(7) 26(8) 27(9) 28(10) 03-02(11) 03(12) 04(13) 05(14) 06(15) 09(16) 10(17) 11(18) 12(19) 13(20).
        _math.CommittedDeadline(Beijing("2026-02-09 14:00"), 20).ShouldBe(Beijing("2026-03-13 14:00"));
    }

    [Fact]
    public void A_pause_gives_back_the_working_days_after_its_start_up_to_and_including_its_end()
    {
        // Mon 11-23 10:00 to Wed 11-25 15:00 → Tuesday and Wednesday.
        _math.PausedWorkingDays(Beijing("2026-11-23 10:00"), Beijing("2026-11-25 15:00")).ShouldBe(2);
        _math.Resume(Beijing("2026-11-30 10:00"), Beijing("2026-11-23 10:00"), Beijing("2026-11-25 15:00"))
            .ShouldBe(Beijing("2026-12-02 10:00"));
    }

    [Fact]
    public void A_pause_that_starts_and_ends_the_same_day_moves_nothing()
    {
        _math.PausedWorkingDays(Beijing("2026-11-23 09:00"), Beijing("2026-11-23 17:00")).ShouldBe(0);
        _math.Resume(Beijing("2026-11-30 10:00"), Beijing("2026-11-23 09:00"), Beijing("2026-11-23 17:00"))
            .ShouldBe(Beijing("2026-11-30 10:00"));
    }

    [Fact]
    public void A_pause_over_a_weekend_gives_back_the_Monday_it_ends_on()
    {
        _math.PausedWorkingDays(Beijing("2026-11-20 16:00"), Beijing("2026-11-23 09:00")).ShouldBe(1);
    }

    [Fact]
    public void A_pause_spanning_the_National_Day_block_gives_back_only_its_working_days()
    {
        // 09-29 15:00 to 10-09 10:00: 09-30, 10-08 and 10-09 are working days; 10-01..07 are not.
        _math.PausedWorkingDays(Beijing("2026-09-29 15:00"), Beijing("2026-10-09 10:00")).ShouldBe(3);
        var due = _math.Deadline(Beijing("2026-09-21 09:00"), 10,
            [new SpecialProcedure(Beijing("2026-09-29 15:00"), Beijing("2026-10-09 10:00"), "现场核查")]);
        // 10-12 09:00 + 3 working days.
        due.ShouldBe(Beijing("2026-10-15 09:00"));
    }

    [Fact]
    public void A_pause_that_lies_entirely_inside_a_holiday_gives_back_nothing()
    {
        _math.PausedWorkingDays(Beijing("2026-10-02 09:00"), Beijing("2026-10-06 09:00")).ShouldBe(0);
    }

    [Fact]
    public void Overlapping_pauses_never_give_back_a_day_twice()
    {
        var due = _math.Deadline(Beijing("2026-11-02 09:00"), 5,
        [
            new SpecialProcedure(Beijing("2026-11-09 09:00"), Beijing("2026-11-11 09:00")), // Tue, Wed
            new SpecialProcedure(Beijing("2026-11-10 09:00"), Beijing("2026-11-12 09:00")), // merged: + Thu
            new SpecialProcedure(Beijing("2026-11-16 09:00"), Beijing("2026-11-17 09:00")), // Tue 17
        ]);
        // Committed 11-09 09:00; given back 10, 11, 12 (merged) and 17 → 11-09 + 4 working days = Fri 11-13.
        due.ShouldBe(Beijing("2026-11-13 09:00"));
    }

    [Fact]
    public void A_case_still_in_a_special_procedure_has_no_deadline()
    {
        _math.Deadline(Beijing("2026-11-02 09:00"), 5, [new SpecialProcedure(Beijing("2026-11-03 09:00"), null, "专家评审")])
            .ShouldBeNull();
    }

    [Fact]
    public void A_pause_cannot_end_before_it_starts()
    {
        Should.Throw<ArgumentException>(() => _math.PausedWorkingDays(Beijing("2026-11-03 09:00"), Beijing("2026-11-02 09:00")));
    }

    [Theory]
    [InlineData("2026-10-13 10:15", 1, "2026-10-12 09:00")]
    [InlineData("2026-10-12 10:15", 1, "2026-10-10 09:00")] // Saturday 10-10 is a working day
    [InlineData("2026-10-12 10:15", 2, "2026-10-09 09:00")]
    [InlineData("2026-10-08 17:00", 1, "2026-09-30 09:00")] // skips the National Day block
    [InlineData("2026-10-08 17:00", 0, "2026-10-08 09:00")]
    [InlineData("2026-10-03 17:00", 0, "2026-09-30 09:00")] // due on a holiday: the working day before
    [InlineData("2026-11-23 08:00", 1, "2026-11-20 09:00")]
    public void Reminds_a_number_of_working_days_before_due_at_a_fixed_local_hour(string due, int before, string expected) =>
        _math.ReminderAt(Beijing(due), before, new TimeOnly(9, 0)).ShouldBe(Beijing(expected));

    [Fact]
    public void A_reminder_never_falls_on_an_off_day()
    {
        for (var due = Beijing("2025-01-10 16:30"); due < Beijing("2026-12-31 00:00"); due = due.AddHours(13))
            foreach (var before in new[] { 0, 1, 2, 3 })
                China.IsWorkingDay(_math.ReminderAt(due, before, new TimeOnly(9, 0))).ShouldBeTrue();
    }

    [Fact]
    public void Escalates_a_number_of_working_days_after_due()
    {
        _math.EscalationAt(Beijing("2026-09-30 17:00"), 2).ShouldBe(Beijing("2026-10-09 17:00"));
        _math.EscalationAt(Beijing("2026-09-30 17:00"), 0).ShouldBe(Beijing("2026-09-30 17:00"));
    }

    [Fact]
    public void Deadline_arithmetic_into_2027_counts_provisionally_and_a_strict_calendar_reports_the_unknown_year()
    {
        // Sun 12-20: 12-21..25 (5), 28..31 (9), 01-01 元旦 off, 01-04..08 (14), 01-11..15 (19), Mon 01-18 (20).
        _math.CommittedDeadline(Beijing("2026-12-20 09:00"), 20).ShouldBe(Beijing("2027-01-18 09:00"));
        var strict = new DeadlineMath(China.WithoutProvisionalYears());
        Should.Throw<CalendarYearUnknownException>(() => strict.CommittedDeadline(Beijing("2026-12-20 09:00"), 20)).Year.ShouldBe(2027);
    }

    [Fact]
    public void The_done_when_case_a_20_working_day_commitment_accepted_on_2026_12_07_is_due_on_2027_01_05()
    {
        var accepted = Beijing("2026-12-07 10:15");
        var due = _math.CommittedDeadline(accepted, 20);
        China.LocalDate(due).ShouldBe(Day("2027-01-05"));
        China.IsProvisional(accepted, due).ShouldBeTrue();
    }
}
