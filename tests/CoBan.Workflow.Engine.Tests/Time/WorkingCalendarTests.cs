using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class WorkingCalendarTests
{
    [Fact]
    public void Five_working_days_after_2026_09_30_is_2026_10_13_because_Saturday_10_10_is_worked()
    {
        China.AddWorkingDays(Beijing("2026-09-30 10:15"), 5).ShouldBe(Beijing("2026-10-13 10:15"));
        China.IsWorkingDay(Day("2026-10-10")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2025-01-26", true)]  // Sunday worked before Spring Festival 2025
    [InlineData("2025-02-08", true)]  // Saturday worked after it
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2025-01-28", false)] // 除夕
    [InlineData("2025-02-04", false)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-23", false)] // a Monday inside the 2026 block
    [InlineData("2026-01-04", true)]  // Sunday worked after New Year 2026
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-25", false)] // a Friday, Mid-Autumn 2026
    [InlineData("2026-11-21", false)] // a plain Saturday
    [InlineData("2026-11-23", true)]  // a plain Monday
    public void Knows_the_State_Council_holidays_and_adjusted_weekends(string date, bool working) =>
        China.IsWorkingDay(Day(date)).ShouldBe(working);

    [Theory]
    // Friday 2025-01-24 → Sunday 01-26 (worked) → Monday 01-27 → the block to 02-04 → Wednesday 02-05.
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-01-24", 2, "2025-01-27")]
    [InlineData("2025-01-24", 3, "2025-02-05")]
    [InlineData("2025-01-24", 5, "2025-02-07")]
    [InlineData("2025-01-24", 6, "2025-02-08")] // Saturday 02-08 is worked
    [InlineData("2025-01-24", 7, "2025-02-10")]
    // Thursday 2026-02-12 → Friday 02-13 → Saturday 02-14 (worked) → block to 02-23 → Tuesday 02-24.
    [InlineData("2026-02-12", 1, "2026-02-13")]
    [InlineData("2026-02-12", 2, "2026-02-14")]
    [InlineData("2026-02-12", 3, "2026-02-24")]
    [InlineData("2026-02-12", 6, "2026-02-27")]
    [InlineData("2026-02-12", 7, "2026-02-28")] // Saturday 02-28 is worked
    [InlineData("2026-02-12", 8, "2026-03-02")]
    public void Counts_across_Spring_Festival_and_its_adjusted_weekends(string start, int days, string expected) =>
        China.AddWorkingDays(Day(start), days).ShouldBe(Day(expected));

    [Theory]
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-03-02", -1, "2026-02-28")]
    [InlineData("2025-02-05", -2, "2025-01-26")]
    [InlineData("2025-02-05", -3, "2025-01-24")]
    [InlineData("2026-10-13", -5, "2026-09-30")]
    public void Counts_backwards_with_a_negative_number(string start, int days, string expected) =>
        China.AddWorkingDays(Day(start), days).ShouldBe(Day(expected));

    [Fact]
    public void Counts_across_the_2025_2026_year_end_skipping_New_Year_days_and_working_Sunday_01_04()
    {
        // Wed 2025-12-31; 2026-01-01..03 off; Sunday 01-04 worked; Monday 01-05.
        China.AddWorkingDays(Beijing("2025-12-30 16:00"), 1).ShouldBe(Beijing("2025-12-31 16:00"));
        China.AddWorkingDays(Beijing("2025-12-31 16:00"), 1).ShouldBe(Beijing("2026-01-04 16:00"));
        China.AddWorkingDays(Beijing("2025-12-31 16:00"), 2).ShouldBe(Beijing("2026-01-05 16:00"));
        China.WorkingDaysBetween(Beijing("2025-12-31 16:00"), Beijing("2026-01-05 09:00")).ShouldBe(2);
    }

    [Fact]
    public void Starting_on_an_off_day_makes_plus_one_the_next_working_day()
    {
        China.AddWorkingDays(Beijing("2026-10-03 11:00"), 1).ShouldBe(Beijing("2026-10-08 11:00"));
        China.AddWorkingDays(Beijing("2026-11-21 11:00"), 1).ShouldBe(Beijing("2026-11-23 11:00"));
    }

    [Fact]
    public void Adding_zero_working_days_keeps_the_instant()
    {
        China.AddWorkingDays(Beijing("2026-10-03 11:00"), 0).ShouldBe(Beijing("2026-10-03 11:00"));
    }

    [Fact]
    public void Keeps_the_local_time_of_day_when_the_start_is_given_in_UTC()
    {
        // 2026-09-30T17:00Z is already 10-01 01:00 in Beijing, a holiday; +1 is Thursday 10-08 01:00 local.
        var result = China.AddWorkingDays(new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero), 1);
        result.ShouldBe(Beijing("2026-10-08 01:00"));
        result.Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Counting_into_2027_without_its_notice_is_provisional_on_the_statutory_holidays_never_plain_weekdays()
    {
        // Mon 12-28 → 29, 30, 31, then 2027-01-01 (元旦, a Friday) is off: Mon 01-04 is the 4th, Tue 01-05 the 5th.
        China.AddWorkingDays(Beijing("2026-12-28 09:00"), 5).ShouldBe(Beijing("2027-01-05 09:00"));
        China.HasYear(2027).ShouldBeFalse();
        China.IsProvisional(2027).ShouldBeTrue();
        China.IsProvisional(2026).ShouldBeFalse();
        China.IsProvisional(Beijing("2026-12-28 09:00"), Beijing("2027-01-05 09:00")).ShouldBeTrue();
        China.IsProvisional(Beijing("2026-12-01 09:00"), Beijing("2026-12-31 09:00")).ShouldBeFalse();
        China.IsWorkingDay(Day("2027-03-01")).ShouldBeTrue();
        China.IsWorkingDay(Day("2027-02-09")).ShouldBeFalse("春节 2027 covers Saturday 02-06 and Sunday 02-07: 补假 on Tue 02-09 and Wed 02-10");
        China.AddWorkingDays(Day("2025-01-03"), -3).ShouldBe(Day("2024-12-30"), "2024 is provisional too: 01-02, 12-31, 12-30");
    }

    [Fact]
    public void A_calendar_without_provisional_years_still_says_the_year_is_unknown()
    {
        var strict = China.WithoutProvisionalYears();
        var error = Should.Throw<CalendarYearUnknownException>(() => strict.AddWorkingDays(Beijing("2026-12-28 09:00"), 5));
        error.Year.ShouldBe(2027);
        error.Message.ShouldContain("2027");
        Should.Throw<CalendarYearUnknownException>(() => strict.IsWorkingDay(Day("2027-03-01")));
        Should.Throw<CalendarYearUnknownException>(() => strict.WorkingDaysBetween(Day("2026-12-01"), Day("2027-01-02")));
        Should.Throw<CalendarYearUnknownException>(() => strict.AddWorkingDays(Day("2025-01-03"), -3)).Year.ShouldBe(2024);
        strict.WithYear(CalendarYear.FromLists(2027, [], [])).CountsProvisionalYears.ShouldBeFalse();
    }

    [Fact]
    public void An_override_in_2027_applies_to_the_provisional_year_but_does_not_make_2027_loaded()
    {
        var calendar = China.WithOverrides(new CalendarOverride(Day("2027-01-04"), IsWorkingDay: false, "本地停办"));
        calendar.AddWorkingDays(Beijing("2026-12-28 09:00"), 5).ShouldBe(Beijing("2027-01-06 09:00"));
        calendar.HasYear(2027).ShouldBeFalse();
        calendar.IsProvisional(2027).ShouldBeTrue();
    }

    [Fact]
    public void The_last_days_of_2026_still_count_without_2027()
    {
        // Mon 12-28 → Tue 29, Wed 30, Thu 31.
        China.AddWorkingDays(Day("2026-12-28"), 3).ShouldBe(Day("2026-12-31"));
    }

    [Fact]
    public void An_override_closing_a_working_day_moves_the_deadline()
    {
        var calendar = China.WithOverrides(new CalendarOverride(Day("2026-10-12"), IsWorkingDay: false, "大厅停电"));
        calendar.AddWorkingDays(Day("2026-09-30"), 5).ShouldBe(Day("2026-10-14"));
        China.AddWorkingDays(Day("2026-09-30"), 5).ShouldBe(Day("2026-10-13")); // the original is unchanged
    }

    [Fact]
    public void An_override_opening_a_weekend_makes_it_a_working_day()
    {
        var calendar = China.WithOverrides(new CalendarOverride(Day("2026-11-21"), IsWorkingDay: true, "周六集中办理"));
        calendar.IsWorkingDay(Day("2026-11-21")).ShouldBeTrue();
        calendar.AddWorkingDays(Day("2026-11-20"), 1).ShouldBe(Day("2026-11-21"));
    }

    [Fact]
    public void The_later_of_two_overrides_for_one_date_wins()
    {
        var calendar = China
            .WithOverrides(new CalendarOverride(Day("2026-11-23"), false, "停办"))
            .WithOverrides(new CalendarOverride(Day("2026-11-23"), true, "取消停办"));
        calendar.IsWorkingDay(Day("2026-11-23")).ShouldBeTrue();
        calendar.Overrides.Count.ShouldBe(2);
    }

    [Fact]
    public void Loading_2027_later_applies_the_overrides_already_recorded_for_it()
    {
        var calendar = China.WithOverrides(new CalendarOverride(Day("2027-03-01"), false, "本地节日"));
        var with2027 = calendar.WithYear(CalendarYear.FromLists(2027, [Day("2027-01-01")], []));
        with2027.HasYear(2027).ShouldBeTrue();
        with2027.Years.ShouldBe([2025, 2026, 2027]);
        with2027.IsWorkingDay(Day("2027-03-01")).ShouldBeFalse();
        with2027.IsWorkingDay(Day("2027-03-02")).ShouldBeTrue();
        with2027.AddWorkingDays(Day("2026-12-31"), 1).ShouldBe(Day("2027-01-04"));
    }

    [Fact]
    public void Replacing_a_year_replaces_its_data()
    {
        var corrected = China.WithYear(CalendarYear.FromLists(2026, [Day("2026-01-01")], []));
        corrected.IsWorkingDay(Day("2026-10-08")).ShouldBeTrue();
        corrected.IsWorkingDay(Day("2026-10-10")).ShouldBeFalse();
        corrected.Years.ShouldBe([2025, 2026]);
    }

    [Theory]
    [InlineData("2026-09-30", "2026-10-13", 5)]
    [InlineData("2026-10-13", "2026-09-30", -5)]
    [InlineData("2026-10-03", "2026-10-03", 0)]
    [InlineData("2026-10-02", "2026-10-07", 0)]
    [InlineData("2025-01-01", "2026-12-31", 248 + 248)]
    public void Counts_working_days_between_two_dates(string from, string to, int expected) =>
        China.WorkingDaysBetween(Day(from), Day(to)).ShouldBe(expected);

    [Fact]
    public void Each_shipped_year_has_248_working_days()
    {
        // Worked by hand: 2025 has 261 weekdays − 18 holidays on weekdays + 5 adjusted weekends;
        // 2026 has 261 − 19 + 6. A typo in the JSON would change these totals.
        China.WorkingDaysBetween(Day("2024-12-31"), Day("2025-12-31")).ShouldBe(248);
        China.WorkingDaysBetween(Day("2025-12-31"), Day("2026-12-31")).ShouldBe(248);
    }

    [Fact]
    public void Counting_between_agrees_with_adding_for_every_start_in_2025()
    {
        for (var start = Day("2025-01-01"); start < Day("2026-10-01"); start = start.AddDays(1))
            foreach (var n in new[] { 1, 5, 20 })
                China.WorkingDaysBetween(start, China.AddWorkingDays(start, n)).ShouldBe(n);
    }

    [Fact]
    public void Finds_the_next_and_previous_working_day()
    {
        China.NextWorkingDay(Day("2026-09-30")).ShouldBe(Day("2026-10-08"));
        China.NextWorkingDay(Day("2026-10-09")).ShouldBe(Day("2026-10-10"));
        China.PreviousWorkingDay(Day("2026-10-08")).ShouldBe(Day("2026-09-30"));
    }

    [Fact]
    public void Places_a_local_date_and_time_in_the_calendar_offset()
    {
        China.AtLocalTime(Day("2026-10-08"), new TimeOnly(9, 0)).ShouldBe(new DateTimeOffset(2026, 10, 8, 1, 0, 0, TimeSpan.Zero));
        China.LocalDate(new DateTimeOffset(2026, 10, 7, 16, 0, 0, TimeSpan.Zero)).ShouldBe(Day("2026-10-08"));
    }

    [Fact]
    public void A_calendar_in_another_offset_computes_local_dates_there()
    {
        var utcCalendar = new WorkingCalendar([CalendarYear.FromLists(2026, [], [])], utcOffset: TimeSpan.Zero);
        // 2026-11-20T20:00Z is Friday in UTC (Saturday in Beijing).
        utcCalendar.IsWorkingDay(new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.Zero)).ShouldBeTrue();
        China.IsWorkingDay(new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Fact]
    public void Ships_2025_and_2026_with_Chinese_holiday_names()
    {
        China.Years.ShouldBe([2025, 2026]);
        China.TryGetYear(2026, out var y2026).ShouldBeTrue();
        y2026.Days.ShouldContain(new CalendarDay(Day("2026-02-15"), "春节", IsOffDay: true));
        y2026.Days.ShouldContain(new CalendarDay(Day("2026-10-10"), "国庆节", IsOffDay: false));
        China.TryGetYear(2027, out _).ShouldBeFalse();
    }

    [Fact]
    public void Hot_paths_do_not_allocate()
    {
        var start = Beijing("2026-01-05 09:00");
        China.AddWorkingDays(start, 20); // warm up
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            China.AddWorkingDays(start.AddDays(i % 200), 20);
            China.IsWorkingDay(Day("2026-05-06"));
            China.WorkingDaysBetween(start, start.AddDays(i % 300));
        }
        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
    }

    [Fact]
    public void Refuses_an_offset_that_is_not_whole_minutes()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new WorkingCalendar([], utcOffset: TimeSpan.FromSeconds(30)));
    }
}
