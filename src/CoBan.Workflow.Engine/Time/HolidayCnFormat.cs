using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// Reads and writes one year in the layout of the community "holiday-cn" data set, which
/// administrators can download or type from the State Council notice:
/// <c>{ "year": 2026, "days": [ { "name": "春节", "date": "2026-02-15", "isOffDay": true } ] }</c>.
/// Other top-level properties (holiday-cn's "$schema", "papers") are ignored.
/// </summary>
public static class HolidayCnFormat
{
    public static CalendarYear Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CalendarFormatException($"不是有效的 JSON：{e.Message} / not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new CalendarFormatException("顶层必须是对象 / the top level must be an object");
            if (!root.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year) || year is < 1 or > 9999)
                throw new CalendarFormatException("缺少有效的 \"year\"（例如 2026）/ missing or invalid \"year\" (e.g. 2026)");
            if (!root.TryGetProperty("days", out var daysElement) || daysElement.ValueKind != JsonValueKind.Array)
                throw new CalendarFormatException("缺少 \"days\" 数组 / missing \"days\" array");
            return new CalendarYear(year, ReadDays(year, daysElement));
        }
    }

    public static string Format(CalendarYear year)
    {
        using var buffer = new MemoryStream();
        // Chinese holiday names stay readable in the file an administrator opens.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", year.Year);
            writer.WriteStartArray("days");
            foreach (var day in year.Days)
            {
                writer.WriteStartObject();
                writer.WriteString("name", day.Name);
                writer.WriteString("date", day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                writer.WriteBoolean("isOffDay", day.IsOffDay);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static List<CalendarDay> ReadDays(int year, JsonElement daysElement)
    {
        var days = new List<CalendarDay>();
        var seen = new Dictionary<DateOnly, int>();
        var index = 0;
        foreach (var entry in daysElement.EnumerateArray())
        {
            index++;
            var day = ReadDay(year, index, entry);
            if (seen.TryGetValue(day.Date, out var first))
                throw Bad(index, entry, $"日期与第 {first} 项重复", $"date repeats entry {first}");
            seen.Add(day.Date, index);
            days.Add(day);
        }
        return days;
    }

    private static CalendarDay ReadDay(int year, int index, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw Bad(index, entry, "不是对象", "is not an object");
        var name = entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        if (!entry.TryGetProperty("date", out var d) || d.ValueKind != JsonValueKind.String)
            throw Bad(index, entry, "缺少 \"date\"", "has no \"date\"");
        if (!DateOnly.TryParseExact(d.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw Bad(index, entry, "日期无效，应为 yyyy-MM-dd", "has an invalid date; expected yyyy-MM-dd");
        if (date.Year != year)
            throw Bad(index, entry, $"日期不在 {year} 年内", $"date is outside {year}");
        if (!entry.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            throw Bad(index, entry, "缺少 \"isOffDay\"（true 为放假，false 为调休上班）",
                "has no \"isOffDay\" (true = holiday, false = adjusted working day)");
        return new CalendarDay(date, name, off.GetBoolean());
    }

    private static CalendarFormatException Bad(int index, JsonElement entry, string zh, string en)
    {
        var raw = entry.GetRawText();
        return new CalendarFormatException($"第 {index} 项 {raw}：{zh} / entry {index} {raw}: {en}");
    }
}
