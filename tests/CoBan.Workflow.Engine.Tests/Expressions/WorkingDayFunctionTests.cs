using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class WorkingDayFunctionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // National Day week 2026: 1-7 October off.
    private static Vars WithCalendar() => new()
    {
        WorkingDays = new FakeWorkingDays([.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))]),
    };

    [Fact]
    public void Add_working_days_skips_weekends_and_holidays_keeping_the_time_of_day() =>
        Eval("${addWorkingDays(date('2026-09-30T10:00'), 1)}", WithCalendar())
            .ShouldBe(new DateTimeOffset(2026, 10, 8, 10, 0, 0, Beijing));

    [Fact]
    public void Working_days_between_counts_working_days_after_the_first_date()
    {
        Eval("${workingDaysBetween(date('2026-09-30'), date('2026-10-09'))}", WithCalendar()).ShouldBe(2L);
        Eval("${workingDaysBetween('2026-10-09', '2026-09-30')}", WithCalendar()).ShouldBe(-2L);
    }

    [Theory]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-03", false)]
    [InlineData("2026-10-08", true)]
    public void Is_working_day_asks_the_calendar(string date, bool expected) =>
        Eval($"${{isWorkingDay(date('{date}'))}}", WithCalendar()).ShouldBe(expected);

    [Fact]
    public void Is_working_day_reads_the_date_in_the_calendar_zone()
    {
        // 2026-09-30T20:00Z is Thursday 1 October in Beijing, a holiday.
        Eval("${isWorkingDay(date('2026-09-30T20:00Z'))}", WithCalendar()).ShouldBe(false);
    }

    [Theory]
    [InlineData("${addWorkingDays(now(), 1)}", "addWorkingDays")]
    [InlineData("${workingDaysBetween(now(), now())}", "workingDaysBetween")]
    [InlineData("${isWorkingDay(now())}", "isWorkingDay")]
    public void Without_a_calendar_working_day_functions_fail_clearly(string text, string function)
    {
        var error = Fails(text);
        error.MessageEn.ShouldStartWith($"no working-day calendar is configured; {function} cannot be used");
        error.MessageZh.ShouldStartWith($"未配置工作日历，无法使用 {function}");
    }

    [Fact]
    public void A_year_the_calendar_does_not_know_becomes_an_expression_error_keeping_the_cause()
    {
        var error = Fails("${isWorkingDay(date('2030-01-02'))}", WithCalendar());
        error.MessageEn.ShouldStartWith("no holiday calendar is loaded for 2030");
        error.InnerException.ShouldBeOfType<CalendarYearUnknownException>();
    }

    [Fact]
    public void A_huge_working_day_count_is_refused_before_the_calendar_walks_it()
    {
        Fails("${addWorkingDays(now(), 2000000)}", WithCalendar()).MessageEn.ShouldStartWith("expression too costly");
        Fails("${addWorkingDays(now(), 99999999999)}", WithCalendar()).MessageEn.ShouldStartWith("number out of range");
    }
}
