using CoBan.Workflow.Engine.Time;
using static CoBan.Workflow.Engine.Tests.Time.TimeTestData;

namespace CoBan.Workflow.Engine.Tests.Time;

public class HolidayCnFormatTests
{
    [Fact]
    public void Reads_the_holiday_cn_layout_and_ignores_its_other_properties()
    {
        var year = HolidayCnFormat.Parse("""
            { "$schema": "https://example.org/schema.json", "year": 2027, "papers": ["https://www.gov.cn/"],
              "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
                        { "name": "春节", "date": "2027-02-20", "isOffDay": false } ] }
            """);
        year.Year.ShouldBe(2027);
        year.Days.ShouldBe([new CalendarDay(Day("2027-01-01"), "元旦", true), new CalendarDay(Day("2027-02-20"), "春节", false)]);
    }

    [Fact]
    public void Writes_what_it_reads()
    {
        China.TryGetYear(2025, out var y2025).ShouldBeTrue();
        var text = HolidayCnFormat.Format(y2025);
        text.ShouldContain("\"name\": \"国庆节、中秋节\"");
        HolidayCnFormat.Parse(text).Days.ShouldBe(y2025.Days);
    }

    [Fact]
    public void Names_the_entry_with_a_bad_date()
    {
        var error = Should.Throw<CalendarFormatException>(() => HolidayCnFormat.Parse("""
            { "year": 2027, "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
                                      { "name": "春节", "date": "2027-02-30", "isOffDay": true } ] }
            """));
        error.Message.ShouldContain("第 2 项");
        error.Message.ShouldContain("entry 2");
        error.Message.ShouldContain("2027-02-30");
        error.Message.ShouldContain("invalid date");
    }

    [Fact]
    public void Names_the_entry_with_a_date_outside_the_year()
    {
        var error = Should.Throw<CalendarFormatException>(() => HolidayCnFormat.Parse("""
            { "year": 2027, "days": [ { "name": "元旦", "date": "2026-01-01", "isOffDay": true } ] }
            """));
        error.Message.ShouldContain("entry 1");
        error.Message.ShouldContain("不在 2027 年内");
        error.Message.ShouldContain("outside 2027");
    }

    [Fact]
    public void Names_both_entries_of_a_duplicate_date()
    {
        var error = Should.Throw<CalendarFormatException>(() => HolidayCnFormat.Parse("""
            { "year": 2027, "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true },
                                      { "name": "春节", "date": "2027-02-06", "isOffDay": false },
                                      { "name": "春节", "date": "2027-02-06", "isOffDay": true } ] }
            """));
        error.Message.ShouldContain("entry 3");
        error.Message.ShouldContain("repeats entry 2");
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{ "days": [] }""", "\"year\"")]
    [InlineData("""{ "year": 2027 }""", "\"days\"")]
    [InlineData("""{ "year": 2027, "days": [ { "date": "2027-01-01" } ] }""", "isOffDay")]
    [InlineData("""{ "year": 2027, "days": [ { "isOffDay": true } ] }""", "has no \"date\"")]
    [InlineData("""{ "year": 2027, "days": [ { "date": "2027/01/01", "isOffDay": true } ] }""", "invalid date")]
    public void Explains_what_is_missing(string json, string expected) =>
        Should.Throw<CalendarFormatException>(() => HolidayCnFormat.Parse(json)).Message.ShouldContain(expected);
}
