using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class CalendarYearTests
{
    [Fact]
    public void Builds_a_year_from_the_two_lists_of_a_notice()
    {
        var year = CalendarYear.FromLists(2027, [Day("2027-01-01"), Day("2027-02-08")], [Day("2027-02-06")]);
        year.Year.ShouldBe(2027);
        year.Days.Select(d => (d.Date, d.IsOffDay)).ShouldBe([(Day("2027-01-01"), true), (Day("2027-02-06"), false), (Day("2027-02-08"), true)]);
    }

    [Fact]
    public void Refuses_a_date_outside_the_year()
    {
        var error = Should.Throw<CalendarFormatException>(() => CalendarYear.FromLists(2027, [Day("2026-12-31")], []));
        error.Message.ShouldContain("2026-12-31");
        error.Message.ShouldContain("outside 2027");
    }

    [Fact]
    public void Refuses_a_date_listed_both_off_and_working()
    {
        Should.Throw<CalendarFormatException>(() => CalendarYear.FromLists(2027, [Day("2027-02-06")], [Day("2027-02-06")]))
            .Message.ShouldContain("listed twice");
    }
}

public class ShippedCalendarTests
{
    /// <summary>The lists exactly as DOMAIN.md quotes the State Council notices, typed again by hand.</summary>
    private static readonly WorkingCalendar FromDomainText = new(
    [
        CalendarYear.FromLists(2025,
            [.. Span("2025-01-01", "2025-01-01"), .. Span("2025-01-28", "2025-02-04"), .. Span("2025-04-04", "2025-04-06"),
             .. Span("2025-05-01", "2025-05-05"), .. Span("2025-05-31", "2025-06-02"), .. Span("2025-10-01", "2025-10-08")],
            [Day("2025-01-26"), Day("2025-02-08"), Day("2025-04-27"), Day("2025-09-28"), Day("2025-10-11")]),
        CalendarYear.FromLists(2026,
            [.. Span("2026-01-01", "2026-01-03"), .. Span("2026-02-15", "2026-02-23"), .. Span("2026-04-04", "2026-04-06"),
             .. Span("2026-05-01", "2026-05-05"), .. Span("2026-06-19", "2026-06-21"), .. Span("2026-09-25", "2026-09-27"),
             .. Span("2026-10-01", "2026-10-07")],
            [Day("2026-01-04"), Day("2026-02-14"), Day("2026-02-28"), Day("2026-05-09"), Day("2026-09-20"), Day("2026-10-10")]),
    ]);

    [Fact]
    public void The_embedded_JSON_agrees_with_DOMAIN_md_on_every_day_of_2025_and_2026()
    {
        for (var day = Day("2025-01-01"); day <= Day("2026-12-31"); day = day.AddDays(1))
            TimeTestData.China.IsWorkingDay(day).ShouldBe(FromDomainText.IsWorkingDay(day), $"{day:yyyy-MM-dd}");
    }

    [Fact]
    public void Every_adjusted_working_day_in_the_shipped_data_is_a_weekend()
    {
        foreach (var year in TimeTestData.China.Years)
        {
            TimeTestData.China.TryGetYear(year, out var data).ShouldBeTrue();
            foreach (var day in data.Days.Where(d => !d.IsOffDay))
                day.Date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
            data.Days.ShouldAllBe(d => d.Name.Length > 0);
        }
    }

    private static IEnumerable<DateOnly> Span(string from, string to)
    {
        for (var day = Day(from); day <= Day(to); day = day.AddDays(1))
            yield return day;
    }
}
