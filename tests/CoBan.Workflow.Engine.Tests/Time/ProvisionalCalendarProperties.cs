using CoBan.Workflow.Engine.Time;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoBan.Workflow.Engine.Tests.Time;

/// <summary>Properties of the provisional calendar rule for every year the lunar calendar covers (FsCheck).</summary>
public class ProvisionalCalendarProperties
{
    private static readonly Arbitrary<int> Years = Gen.Choose(StatutoryHolidays.FirstYear, StatutoryHolidays.LastYear).ToArbitrary();

    private static readonly WorkingCalendar NoNotices = new([]);

    private static bool IsWeekend(DateOnly d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    [Property(MaxTest = 200)]
    public Property Every_statutory_holiday_is_off_and_no_weekend_is_ever_worked() => Prop.ForAll(Years, year =>
    {
        var festivals = StatutoryHolidays.Festivals(year);
        foreach (var (_, days) in festivals)
            foreach (var day in days)
                NoNotices.IsWorkingDay(day).ShouldBeFalse($"{day:yyyy-MM-dd}");
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
            if (IsWeekend(d)) NoNotices.IsWorkingDay(d).ShouldBeFalse($"{d:yyyy-MM-dd} is a weekend: no 调休 is guessed");
    });

    [Property(MaxTest = 200)]
    public Property Each_weekend_holiday_is_made_up_by_one_weekday_after_its_festival() => Prop.ForAll(Years, year =>
    {
        var festivals = StatutoryHolidays.Festivals(year);
        var statutory = festivals.SelectMany(f => f.Days).ToHashSet();
        var provisional = StatutoryHolidays.ProvisionalYear(year).Days;
        var makeUps = provisional.Where(d => d.Name.EndsWith(StatutoryHolidays.MakeUpSuffix, StringComparison.Ordinal)).ToList();
        makeUps.Count.ShouldBe(statutory.Count(IsWeekend));
        provisional.Count.ShouldBe(statutory.Count + makeUps.Count);
        foreach (var makeUp in makeUps)
        {
            IsWeekend(makeUp.Date).ShouldBeFalse();
            var festival = festivals.First(f => f.Name + StatutoryHolidays.MakeUpSuffix == makeUp.Name);
            makeUp.Date.ShouldBeGreaterThan(festival.Days[^1]);
            // Right after: every day between the festival and its make-up day is off.
            for (var d = festival.Days[^1].AddDays(1); d < makeUp.Date; d = d.AddDays(1))
                NoNotices.IsWorkingDay(d).ShouldBeFalse();
        }
    });

    [Property(MaxTest = 200)]
    public Property The_festivals_fall_where_the_law_and_the_sky_put_them() => Prop.ForAll(Years, year =>
    {
        var f = StatutoryHolidays.Festivals(year).ToDictionary(x => x.Name, x => x.Days);
        f["清明"].ShouldHaveSingleItem().ShouldBeInRange(new DateOnly(year, 4, 3), new DateOnly(year, 4, 6));
        f["春节"].Length.ShouldBe(4);
        f["春节"][1].ShouldBeInRange(new DateOnly(year, 1, 21), new DateOnly(year, 2, 20)); // 正月初一
        f["端午"].ShouldHaveSingleItem().ShouldBeInRange(new DateOnly(year, 5, 27), new DateOnly(year, 6, 27));
        f["中秋"].ShouldHaveSingleItem().ShouldBeInRange(new DateOnly(year, 9, 6), new DateOnly(year, 10, 9));
        // The sun's apparent longitude at the computed moment is 15°.
        var moment = SolarTerms.TermInstant(15, new DateOnly(year, 4, 5));
        var jde = SolarTerms.JulianDay(moment.UtcDateTime) + SolarTerms.DeltaTSeconds(year) / 86400.0;
        SolarTerms.ApparentLongitude(jde).ShouldBe(15, 1e-5);
    });

    [Property(MaxTest = 300)]
    public Property Adding_and_counting_working_days_are_inverse_across_provisional_years() => Prop.ForAll(
        Gen.Choose(0, 365 * 6).ToArbitrary(), Gen.Choose(0, 400).ToArbitrary(), (offset, n) =>
        {
            var start = new DateOnly(2025, 1, 1).AddDays(offset);
            var due = WorkingCalendar.ChinaNational.AddWorkingDays(start, n);
            WorkingCalendar.ChinaNational.WorkingDaysBetween(start, due).ShouldBe(n);
            if (n > 0) WorkingCalendar.ChinaNational.IsWorkingDay(due).ShouldBeTrue();
        });
}
