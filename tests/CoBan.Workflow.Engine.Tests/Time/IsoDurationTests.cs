using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class IsoDurationTests
{
    [Theory]
    [InlineData("P1Y2M3W4DT5H6M7.5S")]
    [InlineData("PT0.01S")]
    [InlineData("PT10H")]
    [InlineData("P5WD")]
    [InlineData("P2WDT4H")]
    [InlineData("-P1WD")]
    [InlineData("P7D")]
    [InlineData("PT1M")]
    [InlineData("PT0S")]
    [InlineData("P1M")]
    [InlineData("PT1M30S")]
    [InlineData("-PT1H")]
    public void Writes_back_what_it_read(string text) =>
        IsoDuration.Parse(text).ToString().ShouldBe(text);

    [Fact]
    public void Reads_each_part()
    {
        var d = IsoDuration.Parse("P1Y2M3W4DT5H6M7.5S");
        (d.Years, d.Months, d.Weeks, d.Days, d.Hours, d.Minutes, d.Seconds).ShouldBe((1, 2, 3, 4, 5, 6, 7.5m));
        d.IsNegative.ShouldBeFalse();
    }

    [Fact]
    public void Keeps_the_fraction_of_PT0_01S_as_ten_milliseconds()
    {
        var d = IsoDuration.Parse("PT0.01S");
        d.FixedLength.ShouldBe(TimeSpan.FromMilliseconds(10));
        d.AddTo(Beijing("2026-11-23 09:00")).ShouldBe(Beijing("2026-11-23 09:00").AddMilliseconds(10));
        IsoDuration.Parse("PT0,5S").Seconds.ShouldBe(0.5m);
    }

    [Fact]
    public void Reads_working_days_with_an_optional_time_part()
    {
        IsoDuration.Parse("P5WD").WorkingDays.ShouldBe(5);
        var d = IsoDuration.Parse("P2WDT4H");
        (d.WorkingDays, d.Hours, d.UsesWorkingDays).ShouldBe((2, 4, true));
        IsoDuration.Parse("-P1WD").ShouldBe(IsoDuration.FromWorkingDays(-1));
    }

    [Fact]
    public void Adds_working_days_on_the_calendar_keeping_the_time_of_day()
    {
        IsoDuration.Parse("P5WD").AddTo(Beijing("2026-09-30 10:15"), China).ShouldBe(Beijing("2026-10-13 10:15"));
        IsoDuration.Parse("-P1WD").AddTo(Beijing("2026-10-08 10:15"), China).ShouldBe(Beijing("2026-09-30 10:15"));
        // Working days first, then the hours as elapsed time: 10-09 16:00 + 4 h = 20:00.
        IsoDuration.Parse("P2WDT4H").AddTo(Beijing("2026-09-30 16:00"), China).ShouldBe(Beijing("2026-10-09 20:00"));
    }

    [Fact]
    public void Working_days_without_a_calendar_are_an_error()
    {
        Should.Throw<InvalidOperationException>(() => IsoDuration.Parse("P5WD").AddTo(Beijing("2026-09-30 10:15"), null))
            .Message.ShouldContain("needs a working-day calendar");
    }

    [Fact]
    public void Adds_months_as_calendar_months_in_local_time()
    {
        IsoDuration.Parse("P1M").AddTo(Beijing("2026-01-31 09:00"), China).ShouldBe(Beijing("2026-02-28 09:00"));
        IsoDuration.Parse("P1Y").AddTo(Beijing("2028-02-29 09:00"), null).ShouldBe(Beijing("2029-02-28 09:00"));
        // 2026-01-31T20:00Z is 02-01 04:00 in Beijing; one month later in Beijing is 03-01 04:00.
        IsoDuration.Parse("P1M").AddTo(new DateTimeOffset(2026, 1, 31, 20, 0, 0, TimeSpan.Zero), China)
            .ShouldBe(Beijing("2026-03-01 04:00"));
    }

    [Fact]
    public void Without_a_calendar_works_in_the_start_offset()
    {
        var start = new DateTimeOffset(2026, 1, 31, 20, 0, 0, TimeSpan.Zero);
        var result = IsoDuration.Parse("P1M").AddTo(start);
        result.ShouldBe(new DateTimeOffset(2026, 2, 28, 20, 0, 0, TimeSpan.Zero));
        result.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Adds_days_weeks_and_time_and_subtracts_a_negative_duration()
    {
        IsoDuration.Parse("P1W2DT3H").AddTo(Beijing("2026-11-23 09:00")).ShouldBe(Beijing("2026-12-02 12:00"));
        IsoDuration.Parse("-P1DT1H").AddTo(Beijing("2026-11-23 09:00")).ShouldBe(Beijing("2026-11-22 08:00"));
        IsoDuration.Parse("-P1M").AddTo(Beijing("2026-03-31 09:00")).ShouldBe(Beijing("2026-02-28 09:00"));
    }

    [Fact]
    public void Has_a_fixed_length_only_without_months_years_or_working_days()
    {
        IsoDuration.Parse("P1DT1H").FixedLength.ShouldBe(TimeSpan.FromHours(25));
        IsoDuration.Parse("-PT90M").FixedLength.ShouldBe(TimeSpan.FromMinutes(-90));
        IsoDuration.Parse("P1M").FixedLength.ShouldBeNull();
        IsoDuration.Parse("P1WD").FixedLength.ShouldBeNull();
    }

    [Fact]
    public void Minus_zero_equals_zero()
    {
        IsoDuration.Parse("-PT0S").ShouldBe(IsoDuration.Parse("PT0S"));
        IsoDuration.Parse("P0D").ToString().ShouldBe("PT0S");
    }

    [Theory]
    [InlineData("1w", "must start with P")]
    [InlineData("", "must start with P")]
    [InlineData("P", "has no parts")]
    [InlineData("PT", "nothing follows T")]
    [InlineData("P1H", "'H' is not a date unit")]
    [InlineData("PT1D", "'D' is not a time unit")]
    [InlineData("P1D2Y", "out of order")]
    [InlineData("PT0.5H", "only seconds may have a fraction")]
    [InlineData("P1DT", "nothing follows T")]
    [InlineData("P5", "has no unit")]
    [InlineData("P1D5WD", "cannot be mixed")]
    [InlineData("P5WD1D", "cannot be mixed")]
    [InlineData("p1d", "must start with P")]
    [InlineData("P99999999999D", "too large")]
    [InlineData("P.5D", "a number is expected")]
    [InlineData("PT1.S", "no digits after it")]
    [InlineData("DateTime.AddDays(Execution.Created, 1)", "must start with P")]
    public void Explains_an_invalid_duration_in_both_languages_quoting_it(string text, string reason)
    {
        var error = Should.Throw<TimeFormatException>(() => IsoDuration.Parse(text));
        error.Message.ShouldContain($"'{text}'");
        error.Message.ShouldContain($"“{text}”");
        error.Message.ShouldContain(reason);
        error.Value.ShouldBe(text);
        IsoDuration.TryParse(text, out _).ShouldBeFalse();
    }
}
