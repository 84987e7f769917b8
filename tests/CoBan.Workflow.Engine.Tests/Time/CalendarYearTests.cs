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
