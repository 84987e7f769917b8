using System.Diagnostics;
using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class CronScheduleTests
{
    private static DateTimeOffset? Next(string expression, string after) => CronSchedule.Parse(expression).Next(Beijing(after));

    [Theory]
    [InlineData("0 0 12 * * ?", "2026-11-23 13:00", "2026-11-24 12:00")]
    [InlineData("0 0 12 * * ?", "2026-11-23 11:59:59", "2026-11-23 12:00")]
    [InlineData("0 0 12 * * ?", "2026-11-23 12:00", "2026-11-24 12:00")] // strictly after
    [InlineData("0 15 10 ? * MON-FRI", "2026-11-20 10:15", "2026-11-23 10:15")] // Friday → Monday
    [InlineData("0 15 10 ? * 2-6", "2026-11-20 10:15", "2026-11-23 10:15")] // Quartz: 2 = MON, 6 = FRI
    [InlineData("0 0/15 * * * ?", "2026-11-23 09:07:30", "2026-11-23 09:15")]
    [InlineData("0 0/15 * * * ?", "2026-11-23 23:50", "2026-11-24 00:00")]
    [InlineData("30 5/20 8-9 * * ?", "2026-11-23 08:45:31", "2026-11-23 09:05:30")]
    [InlineData("0 0 22-2 * * ?", "2026-11-23 23:30", "2026-11-24 00:00")] // wrapping hour range
    [InlineData("0 0 9 ? * FRI-MON", "2026-11-24 10:00", "2026-11-27 09:00")] // wrapping weekday range
    [InlineData("0 0 9 1,15 * ?", "2026-11-15 09:00", "2026-12-01 09:00")]
    [InlineData("0 0 9 ? * SUN", "2026-11-23 10:00", "2026-11-29 09:00")]
    [InlineData("0 0 9 ? * 1", "2026-11-23 10:00", "2026-11-29 09:00")] // 1 = Sunday in Quartz
    [InlineData("0 0 9 ? * L", "2026-11-23 10:00", "2026-11-28 09:00")] // L alone = Saturday
    [InlineData("0 0 9 * JAN,JUL ?", "2026-11-23 10:00", "2027-01-01 09:00")]
    [InlineData("0 0 9 31 * ?", "2026-11-23 10:00", "2026-12-31 09:00")] // skips 30-day months
    public void Finds_the_next_firing(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(Beijing(expected));

    [Theory]
    [InlineData("0 0 9 L * ?", "2026-02-10 00:00", "2026-02-28 09:00")]
    [InlineData("0 0 9 L * ?", "2028-02-10 00:00", "2028-02-29 09:00")] // leap year
    [InlineData("0 0 9 L-2 * ?", "2026-02-10 00:00", "2026-02-26 09:00")]
    [InlineData("0 0 9 LW * ?", "2026-05-10 00:00", "2026-05-29 09:00")] // 05-31 is a Sunday
    [InlineData("0 0 9 15W * ?", "2026-11-01 00:00", "2026-11-16 09:00")] // 11-15 Sunday → Monday
    [InlineData("0 0 9 15W * ?", "2026-08-01 00:00", "2026-08-14 09:00")] // 08-15 Saturday → Friday
    [InlineData("0 0 9 1W * ?", "2026-07-31 12:00", "2026-08-03 09:00")] // 08-01 Saturday → Monday the 3rd
    [InlineData("0 0 9 31W * ?", "2026-05-01 00:00", "2026-05-29 09:00")] // 05-31 Sunday → Friday, same month
    [InlineData("0 0 9 ? * 6#3", "2026-11-01 00:00", "2026-11-20 09:00")] // third Friday
    [InlineData("0 0 9 ? * FRI#3", "2026-11-20 09:00", "2026-12-18 09:00")]
    [InlineData("0 0 9 ? * 2#5", "2026-11-01 00:00", "2026-11-30 09:00")] // fifth Monday: November has one
    [InlineData("0 0 9 ? * 6L", "2026-11-01 00:00", "2026-11-27 09:00")] // last Friday
    [InlineData("0 0 9 ? * FRIL", "2026-11-28 00:00", "2026-12-25 09:00")]
    public void Knows_the_Quartz_day_specials(string expression, string after, string expected) =>
        Next(expression, after).ShouldBe(Beijing(expected));

    [Fact]
    public void Honours_the_year_field_and_stops_after_it()
    {
        Next("0 0 0 1 1 ? 2027", "2026-11-23 00:00").ShouldBe(Beijing("2027-01-01 00:00"));
        Next("0 0 0 1 1 ? 2027", "2027-01-01 00:00").ShouldBeNull();
        Next("0 0 0 1 1 ? 2027-2029/2", "2027-01-01 00:00").ShouldBe(Beijing("2029-01-01 00:00"));
    }

    [Fact]
    public void February_30_never_comes_and_says_so_fast()
    {
        var clock = Stopwatch.StartNew();
        Next("0 0 12 30 2 ?", "2026-11-23 00:00").ShouldBeNull();
        Next("0 0 12 ? 2 2#5 2027", "2026-11-23 00:00").ShouldBeNull(); // February 2027 has four Mondays
        clock.ElapsedMilliseconds.ShouldBeLessThan(200);
    }

    [Fact]
    public void February_29_comes_in_the_next_leap_year()
    {
        Next("0 0 12 29 2 ?", "2026-11-23 00:00").ShouldBe(Beijing("2028-02-29 12:00"));
        Next("0 0 12 29 2 ?", "2096-03-01 00:00").ShouldBe(Beijing("2104-02-29 12:00")); // 2100 is not a leap year
    }

    [Fact]
    public void Evaluates_in_its_offset()
    {
        var utc = CronSchedule.Parse("0 0 9 * * ?", TimeSpan.Zero);
        utc.Next(Beijing("2026-11-23 12:00")).ShouldBe(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        CronSchedule.Parse("0 0 9 * * ?").Next(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero))
            .ShouldBe(Beijing("2026-11-24 09:00"));
        CronSchedule.Parse("0 0 9 * * ?").InOffset(TimeSpan.Zero).Next(Beijing("2026-11-23 12:00"))
            .ShouldBe(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void A_fraction_of_a_second_after_a_firing_does_not_repeat_it()
    {
        var schedule = CronSchedule.Parse("0/1 * * * * ?");
        schedule.Next(Beijing("2026-11-23 09:00").AddMilliseconds(500)).ShouldBe(Beijing("2026-11-23 09:00:01"));
    }

    [Fact]
    public void Every_second_for_a_day_agrees_with_stepping_by_one_second()
    {
        var schedule = CronSchedule.Parse("*/7 */5 9-17 ? * MON-FRI");
        var t = Beijing("2026-11-20 16:59:00");
        for (var i = 0; i < 2000; i++)
        {
            var next = schedule.Next(t)!.Value;
            next.ShouldBeGreaterThan(t);
            (next.Second % 7, next.Minute % 5).ShouldBe((0, 0));
            next.Hour.ShouldBeInRange(9, 17);
            next.DayOfWeek.ShouldNotBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            t = next;
        }
    }

    [Theory]
    [InlineData("0 12 * * *", "6 or 7 fields")]                  // a Unix cron has 5
    [InlineData("0 0 12 * * MON", "exactly one of day-of-month and day-of-week must be ?")]
    [InlineData("0 0 12 ? * ?", "exactly one of day-of-month and day-of-week must be ?")]
    [InlineData("0 0 25 * * ?", "in the hours field, '25' is outside 0-23")]
    [InlineData("60 0 12 * * ?", "in the seconds field, '60' is outside 0-59")]
    [InlineData("0 0 12 ? * 8", "in the day-of-week field, '8' is outside 1-7")]
    [InlineData("0 0 12 ? * MON#6", "'6' is outside 1-5")]
    [InlineData("0 0 12 * FOO ?", "'FOO' is not a number or name")]
    [InlineData("0 0 12 L,15 * ?", "not supported")]
    [InlineData("0 0 12 ? * 2L,3", "not supported")]
    [InlineData("0 0 12 * * ? 1969", "outside 1970-2099")]
    [InlineData("0 0/0 12 * * ?", "outside 1-60")]
    [InlineData("0 0 12 1,,2 * ?", "empty list item")]
    [InlineData("1w", "6 or 7 fields")]
    public void Explains_an_invalid_expression_quoting_it(string expression, string reason)
    {
        var error = Should.Throw<TimeFormatException>(() => CronSchedule.Parse(expression));
        error.Message.ShouldContain($"'{expression}'");
        error.Message.ShouldContain(reason);
        CronSchedule.TryParse(expression, out _).ShouldBeFalse();
    }
}
