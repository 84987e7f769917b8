using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

/// <summary>A period ends at the close of its last working day (民法典 Art. 203); alerts go out in working hours only.</summary>
public class CloseOfBusinessTests
{
    private readonly DeadlineMath _math = new(China);
    private static readonly ServiceHours Hall = new(new TimeOnly(8, 30), new TimeOnly(17, 30));

    [Fact]
    public void A_committed_deadline_ends_at_the_close_of_its_last_working_day_whatever_the_time_of_acceptance()
    {
        _math.CommittedDeadline(Beijing("2026-09-30 10:15"), 5, new TimeOnly(17, 30)).ShouldBe(Beijing("2026-10-13 17:30"));
        _math.CommittedDeadline(Beijing("2026-09-30 18:40"), 5, new TimeOnly(17, 30)).ShouldBe(Beijing("2026-10-13 17:30"));
        // Without business hours, 24:00 of the last day (kept as its last second, so the date stays the last day).
        _math.CommittedDeadline(Beijing("2026-09-30 10:15"), 5, ServiceHours.EndOfDay).ShouldBe(new DateTimeOffset(2026, 10, 13, 23, 59, 59, TimeSpan.FromHours(8)));
    }

    [Fact]
    public void Special_procedures_move_a_close_of_business_deadline_and_it_stays_at_the_close()
    {
        var due = _math.Deadline(Beijing("2026-11-16 10:15"), 5, [new SpecialProcedure(Beijing("2026-11-17 10:00"), Beijing("2026-11-19 15:00"), "inspection")], new TimeOnly(17, 30));
        due.ShouldBe(Beijing("2026-11-25 17:30")); // 11-23 17:30 + 2 working days given back
        _math.Deadline(Beijing("2026-11-16 10:15"), 5, []).ShouldBe(Beijing("2026-11-23 10:15"), "without a close the time of day is kept (a task's P5WD)");
    }

    [Theory]
    [InlineData("工作日 8:30-12:00，13:30-17:30", "08:30", "17:30")]
    [InlineData("9：00－17：00", "09:00", "17:00")]
    [InlineData("上午 8:00 至 11:30；下午 14:30~18:00", "08:00", "18:00")]
    [InlineData("0:00-24:00", "00:00", "23:59:59")]
    public void Posted_service_hours_are_read_as_opening_and_closing(string text, string opens, string closes)
    {
        ServiceHours.TryParse(text, out var hours).ShouldBeTrue();
        hours.Opens.ShouldBe(TimeOnly.Parse(opens));
        hours.Closes.ShouldBe(TimeOnly.Parse(closes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("每周三全天集中受理")]
    [InlineData("17:30-8:30")]
    [InlineData("25:00-26:00")]
    public void Text_without_a_valid_range_has_no_hours(string? text) => ServiceHours.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void An_instant_outside_working_hours_moves_to_the_next_opening()
    {
        _math.NextWorkingHour(Beijing("2026-10-13 10:16"), Hall).ShouldBe(Beijing("2026-10-13 10:16"));
        _math.NextWorkingHour(Beijing("2026-10-13 07:00"), Hall).ShouldBe(Beijing("2026-10-13 08:30"));
        // The close itself is past the working day: overdue starts after it, the alert waits for the next opening.
        _math.NextWorkingHour(Beijing("2026-10-13 17:30"), Hall).ShouldBe(Beijing("2026-10-14 08:30"));
        _math.NextWorkingHour(Beijing("2026-10-13 23:59"), Hall).ShouldBe(Beijing("2026-10-14 08:30"));
        // Wednesday night 09-30 → National Day off → Thursday 10-08; Saturday 10-10 is worked (调休), Sunday 10-11 is not.
        _math.NextWorkingHour(Beijing("2026-09-30 20:00"), Hall).ShouldBe(Beijing("2026-10-08 08:30"));
        _math.NextWorkingHour(Beijing("2026-10-10 12:00"), Hall).ShouldBe(Beijing("2026-10-10 12:00"));
        _math.NextWorkingHour(Beijing("2026-10-11 10:00"), Hall).ShouldBe(Beijing("2026-10-12 08:30"));
    }
}
