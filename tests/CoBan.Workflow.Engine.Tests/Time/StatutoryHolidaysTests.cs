using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

/// <summary>
/// The provisional year (全国年节及纪念日放假办法 as revised, in force 2025-01-01; DOMAIN.md, "Official holiday
/// calendar"): the dates DOMAIN.md gives for checking, and the official 2025 and 2026 notices shipped with the engine.
/// </summary>
public class StatutoryHolidaysTests
{
    [Theory]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")] // not 02-07, as some ICU data has it
    public void Spring_Festival_falls_on_the_first_day_of_the_first_lunar_month(int year, string date) =>
        StatutoryHolidays.LunarDate(year, 1, 1).ShouldBe(Day(date));

    [Theory]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    public void Qingming_is_the_day_the_suns_apparent_longitude_reaches_15_degrees_in_Beijing(int year, string date) =>
        SolarTerms.Qingming(year).ShouldBe(Day(date));

    [Fact]
    public void The_Qingming_moment_is_within_minutes_of_the_published_one()
    {
        // 2025's 清明 began 2025-04-04 20:48 Beijing time (published almanac); the low-accuracy method is within ~15 minutes.
        var moment = SolarTerms.TermInstant(15, Day("2025-04-05")).ToOffset(TimeSpan.FromHours(8));
        (moment - Beijing("2025-04-04 20:48")).Duration().ShouldBeLessThan(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void Dragon_Boat_and_Mid_Autumn_2027_come_from_the_lunar_calendar()
    {
        StatutoryHolidays.LunarDate(2027, 5, 5).ShouldBe(Day("2027-06-09"));
        StatutoryHolidays.LunarDate(2027, 8, 15).ShouldBe(Day("2027-09-15"));
    }

    [Fact]
    public void A_leap_month_before_the_fifth_is_skipped_when_finding_Dragon_Boat()
    {
        // 2025 has a leap sixth month (闰六月), 2023 a leap second (闰二月): 端午 2023 was 06-22, 中秋 2023 09-29, 中秋 2025 10-06.
        StatutoryHolidays.LunarDate(2023, 5, 5).ShouldBe(Day("2023-06-22"));
        StatutoryHolidays.LunarDate(2023, 8, 15).ShouldBe(Day("2023-09-29"));
        StatutoryHolidays.LunarDate(2025, 8, 15).ShouldBe(Day("2025-10-06"));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void The_provisional_rule_predicts_every_statutory_holiday_and_make_up_day_of_the_official_notice(int year)
    {
        China.TryGetYear(year, out var official).ShouldBeTrue();
        var officialOff = official.Days.Where(d => d.IsOffDay).Select(d => d.Date).ToHashSet();
        var provisional = StatutoryHolidays.ProvisionalYear(year);
        provisional.Days.ShouldNotBeEmpty();
        foreach (var day in provisional.Days)
            officialOff.ShouldContain(day.Date, $"{day.Name} {day.Date:yyyy-MM-dd} is off in the provisional {year} but not in the State Council notice");
        provisional.Days.ShouldAllBe(d => d.IsOffDay, "no 调休 is guessed");
    }

    [Fact]
    public void The_provisional_2027_has_the_statutory_holidays_and_Art_6_make_up_days_right_after_each_festival()
    {
        var days = StatutoryHolidays.ProvisionalYear(2027).Days.ToDictionary(d => d.Date.ToString("MM-dd"), d => d.Name);
        days.ShouldBe(new Dictionary<string, string>
        {
            ["01-01"] = "元旦",
            // 除夕 Fri 02-05, 初一 Sat 02-06, 初二 Sun 02-07, 初三 Mon 02-08: two weekend days made up Tue 02-09, Wed 02-10.
            ["02-05"] = "春节", ["02-06"] = "春节", ["02-07"] = "春节", ["02-08"] = "春节", ["02-09"] = "春节补假", ["02-10"] = "春节补假",
            ["04-05"] = "清明",
            // 05-01 Sat and 05-02 Sun: made up Mon 05-03 and Tue 05-04.
            ["05-01"] = "劳动节", ["05-02"] = "劳动节", ["05-03"] = "劳动节补假", ["05-04"] = "劳动节补假",
            ["06-09"] = "端午",
            ["09-15"] = "中秋",
            // 10-01 Fri, 10-02 Sat, 10-03 Sun: made up Mon 10-04 and Tue 10-05.
            ["10-01"] = "国庆", ["10-02"] = "国庆", ["10-03"] = "国庆", ["10-04"] = "国庆补假", ["10-05"] = "国庆补假",
        }, ignoreOrder: true);
    }

    [Fact]
    public void Working_day_timers_across_the_2027_statutory_holidays_land_on_the_right_day()
    {
        // Before Spring Festival: Thu 02-04 + 1 = Thu 02-11 (02-05..02-10 off, 02-06/07 weekend).
        China.AddWorkingDays(Beijing("2027-02-04 09:00"), 1).ShouldBe(Beijing("2027-02-11 09:00"));
        // Before Labour Day: Fri 04-30 + 1 = Wed 05-05.
        China.AddWorkingDays(Beijing("2027-04-30 09:00"), 1).ShouldBe(Beijing("2027-05-05 09:00"));
        // Before National Day: Thu 09-30 + 1 = Wed 10-06; Tue 09-14 + 1 = Thu 09-16 (中秋 09-15).
        China.AddWorkingDays(Beijing("2027-09-30 09:00"), 1).ShouldBe(Beijing("2027-10-06 09:00"));
        China.AddWorkingDays(Beijing("2027-09-14 09:00"), 1).ShouldBe(Beijing("2027-09-16 09:00"));
        // 清明 Mon 04-05 and 端午 Wed 06-09.
        China.AddWorkingDays(Beijing("2027-04-02 09:00"), 1).ShouldBe(Beijing("2027-04-06 09:00"));
        China.AddWorkingDays(Beijing("2027-06-08 09:00"), 1).ShouldBe(Beijing("2027-06-10 09:00"));
    }

    [Fact]
    public void Loading_the_official_year_replaces_the_provisional_one()
    {
        var official = China.WithYear(CalendarYear.FromLists(2027, [Day("2027-01-01"), Day("2027-01-04")], [Day("2027-01-09")]));
        official.IsProvisional(2027).ShouldBeFalse();
        official.IsWorkingDay(Day("2027-01-04")).ShouldBeFalse();
        official.IsWorkingDay(Day("2027-01-09")).ShouldBeTrue();
        official.IsWorkingDay(Day("2027-02-09")).ShouldBeTrue("the notice, not the convention, places 补假 once loaded");
    }

    [Fact]
    public void Years_outside_the_lunar_calendar_stay_unknown()
    {
        China.IsProvisional(2101).ShouldBeFalse();
        Should.Throw<CalendarYearUnknownException>(() => China.IsWorkingDay(Day("2101-03-01"))).Year.ShouldBe(2101);
        Should.Throw<CalendarYearUnknownException>(() => StatutoryHolidays.ProvisionalYear(1901));
    }
}
