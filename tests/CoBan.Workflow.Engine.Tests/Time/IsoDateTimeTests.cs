using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class IsoDateTimeTests
{
    [Theory]
    [InlineData("2026-10-01", "2026-10-01 00:00")]
    [InlineData("2026-10-01T09:00", "2026-10-01 09:00")]
    [InlineData("2026-10-01T09:00:30", "2026-10-01 09:00:30")]
    [InlineData("2026-10-01T09:00+08:00", "2026-10-01 09:00")]
    [InlineData("2026-10-01T01:00Z", "2026-10-01 09:00")]
    [InlineData("2026-10-01T01:00:00Z", "2026-10-01 09:00")]
    [InlineData("2026-10-01T02:00+0100", "2026-10-01 09:00")]
    [InlineData("2026-09-30T20:00-05", "2026-10-01 09:00")]
    public void Reads_dates_and_times_with_or_without_an_offset(string text, string beijing)
    {
        IsoDateTime.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(Beijing(beijing));
    }

    [Fact]
    public void A_time_without_an_offset_is_local_in_the_given_offset()
    {
        IsoDateTime.Parse("2026-10-01T09:00").Offset.ShouldBe(TimeSpan.FromHours(8));
        IsoDateTime.Parse("2026-10-01T09:00", TimeSpan.Zero).ShouldBe(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero));
        IsoDateTime.Parse("2026-10-01T09:00Z", TimeSpan.FromHours(8)).Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void Keeps_fractions_of_a_second()
    {
        IsoDateTime.Parse("2026-10-01T09:00:00.25+08:00").ShouldBe(Beijing("2026-10-01 09:00").AddMilliseconds(250));
    }

    [Theory]
    [InlineData("2026-10-01T09:00:00+08:00")]
    [InlineData("2026-10-01T09:00:00.5+08:00")]
    [InlineData("2026-10-01T01:00:00+00:00")]
    public void Formats_what_it_reads(string text) =>
        IsoDateTime.Format(IsoDateTime.Parse(text)).ShouldBe(text);

    [Theory]
    [InlineData("1993-06-26T")]
    [InlineData("2026-02-30")]
    [InlineData("2026-13-01")]
    [InlineData("2026-10-01T24:00")]
    [InlineData("2026-10-01T09")]
    [InlineData("2026-10-01 09:00")]
    [InlineData("2026-10-01T09:00+08:")]
    [InlineData("2026-10-01T09:00+15:00")]
    [InlineData("2026-10-01Z")]
    [InlineData("26-10-01")]
    [InlineData("DateTime.AddDays(Execution.Created, 1)")]
    [InlineData("${environment.variables.catchDate}")]
    public void Refuses_what_is_not_an_ISO_8601_date_with_a_message_quoting_it(string text)
    {
        IsoDateTime.TryParse(text, out _).ShouldBeFalse();
        var error = Should.Throw<TimeFormatException>(() => IsoDateTime.Parse(text));
        error.Message.ShouldContain($"'{text}'");
        error.Message.ShouldContain("ISO 8601");
    }
}
