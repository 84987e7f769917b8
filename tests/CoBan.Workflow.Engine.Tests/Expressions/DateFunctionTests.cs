using static CoBan.Workflow.Engine.Tests.Expressions.Kit;

namespace CoBan.Workflow.Engine.Tests.Expressions;

public class DateFunctionTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void Now_is_the_context_clock()
    {
        var vars = new Vars { Now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero) };
        Eval("${now()}", vars).ShouldBe(vars.Now);
    }

    [Fact]
    public void Today_is_the_start_of_the_local_day_in_Beijing_by_default()
    {
        // 20:00 UTC on 30 September is already 1 October in Beijing.
        var vars = new Vars { Now = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero) };
        var today = (DateTimeOffset)Eval("${today()}", vars)!;
        today.ShouldBe(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Beijing));
        today.Offset.ShouldBe(Beijing);
    }

    [Fact]
    public void Today_follows_the_calendar_offset_when_there_is_a_calendar()
    {
        var vars = new Vars
        {
            Now = new DateTimeOffset(2026, 9, 30, 20, 0, 0, TimeSpan.Zero),
            WorkingDays = new FakeWorkingDays { UtcOffset = TimeSpan.FromHours(-5) },
        };
        Eval("${today()}", vars).ShouldBe(new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.FromHours(-5)));
    }

    [Theory]
    [InlineData("2026-10-01", 2026, 10, 1, 0, 0, 8)]
    [InlineData("2026-10-01T09:00", 2026, 10, 1, 9, 0, 8)]
    [InlineData("2026-10-01 09:30:00", 2026, 10, 1, 9, 30, 8)]
    [InlineData("2026-10-01T09:00:00Z", 2026, 10, 1, 9, 0, 0)]
    [InlineData("2026-10-01T09:00+02:00", 2026, 10, 1, 9, 0, 2)]
    [InlineData("2026-10-01T09:00:00.500-03:00", 2026, 10, 1, 9, 0, -3)]
    public void Date_reads_local_dates_in_Beijing_and_keeps_an_explicit_offset(string text, int y, int mo, int d, int h, int mi, int offset)
    {
        var value = (DateTimeOffset)Eval($"${{date('{text}')}}")!;
        value.DateTime.ShouldBe(new DateTime(y, mo, d, h, mi, 0).AddMilliseconds(text.Contains(".500") ? 500 : 0));
        value.Offset.ShouldBe(TimeSpan.FromHours(offset));
    }

    [Theory]
    [InlineData("2026/10/01")]
    [InlineData("2026-13-01")]
    [InlineData("tomorrow")]
    [InlineData("2026-10-01T25:00")]
    public void Date_refuses_text_that_is_not_a_date(string text) =>
        Fails($"${{date('{text}')}}").MessageEn.ShouldStartWith($"unrecognised date '{text}'");

    [Fact]
    public void Date_of_a_date_is_the_same_date_and_of_anything_else_an_error()
    {
        var vars = new Vars { ["d"] = new DateTimeOffset(2026, 10, 1, 0, 0, 0, Beijing) };
        Eval("${date(d)}", vars).ShouldBe(vars["d"]);
        Fails("${date(5)}").MessageEn.ShouldStartWith("date expects a date-time as argument 1, got integer");
    }

    [Fact]
    public void Add_days_moves_by_calendar_days_and_accepts_date_text()
    {
        Eval("${addDays(date('2026-09-30'), 2)}").ShouldBe(new DateTimeOffset(2026, 10, 2, 0, 0, 0, Beijing));
        Eval("${addDays('2026-10-02', -2)}").ShouldBe(new DateTimeOffset(2026, 9, 30, 0, 0, 0, Beijing));
        Eval("${addDays(now(), 1) > now()}").ShouldBe(true);
        Fails("${addDays(now(), 1.5)}").MessageEn.ShouldStartWith("addDays expects an integer as argument 2, got decimal");
        Fails("${addDays(now(), 99999999)}").MessageEn.ShouldStartWith("number out of range");
    }
}
