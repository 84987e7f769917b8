using System.Globalization;
using System.Text.Json;
using CoBan.Workflow.Engine.Time;

namespace CoBan.Workflow.Calendar;

/// <summary>
/// Reads a year an administrator loads: either the holiday-cn layout (<c>{"year", "days": [{name, date, isOffDay}]}</c>)
/// or the two lists of the State Council notice (<c>{"offDays": [...], "workingWeekends": [...]}</c>), where an
/// entry may be a range written as in DOMAIN.md, <c>"2027-02-06..2027-02-12"</c>.
/// </summary>
public static class CalendarYearInput
{
    public static CalendarYear Parse(int year, JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            throw new CalendarFormatException("请求体必须是对象 / the body must be a JSON object");
        CalendarYear parsed;
        if (body.TryGetProperty("days", out _))
        {
            parsed = HolidayCnFormat.Parse(body.GetRawText());
            if (parsed.Year != year)
                throw new CalendarFormatException($"文件中的年份 {parsed.Year} 与地址中的 {year} 不一致 / the file is for {parsed.Year}, the address says {year}");
        }
        else if (body.TryGetProperty("offDays", out _) || body.TryGetProperty("workingWeekends", out _))
        {
            parsed = CalendarYear.FromLists(year, Dates(body, "offDays"), Dates(body, "workingWeekends"));
        }
        else
        {
            throw new CalendarFormatException("应为 holiday-cn 格式 {year, days} 或通知的两个列表 {offDays, workingWeekends} / expected the holiday-cn layout {year, days} or the notice's lists {offDays, workingWeekends}");
        }
        foreach (var day in parsed.Days)
            if (!day.IsOffDay && day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                throw new CalendarFormatException($"{day.Date:yyyy-MM-dd} 是{Weekday(day.Date)}，本来就上班，不能列为调休上班日 / {day.Date:yyyy-MM-dd} is a {day.Date.DayOfWeek}, already a working day: only a weekend can be an adjusted working day");
        return parsed;
    }

    private static IEnumerable<DateOnly> Dates(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var list)) return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw new CalendarFormatException($"\"{name}\" 必须是日期数组 / \"{name}\" must be an array of dates");
        var dates = new List<DateOnly>();
        foreach (var item in list.EnumerateArray())
        {
            var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();
            var parts = text.Split("..", StringSplitOptions.TrimEntries);
            if (parts.Length is < 1 or > 2 || !TryDate(parts[0], out var first) || !TryDate(parts[^1], out var last) || last < first || last.DayNumber - first.DayNumber > 31)
                throw new CalendarFormatException($"\"{name}\" 中的 \"{text}\" 不是日期（yyyy-MM-dd）或不超过一个月的日期范围（yyyy-MM-dd..yyyy-MM-dd）/ \"{text}\" in \"{name}\" is not a date (yyyy-MM-dd) or a range of at most a month (yyyy-MM-dd..yyyy-MM-dd)");
            for (var d = first; d <= last; d = d.AddDays(1)) dates.Add(d);
        }
        return dates;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static string Weekday(DateOnly date) => "日一二三四五六"[(int)date.DayOfWeek] is var c ? $"星期{c}" : "";
}
