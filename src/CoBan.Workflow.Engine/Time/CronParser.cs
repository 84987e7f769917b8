using System.Globalization;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// Reads Quartz cron text, the dialect Camunda accepts in a <c>timeCycle</c>:
/// <c>sec min hour day-of-month month day-of-week [year]</c>, with <c>*</c>, <c>?</c>, lists, ranges
/// (wrapping, e.g. <c>FRI-MON</c>), steps, month and weekday names, and the day specials <c>L</c>,
/// <c>L-n</c>, <c>LW</c>, <c>nW</c>, <c>nL</c>, <c>n#k</c>.
/// </summary>
internal static class CronParser
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    internal sealed record Field(string Zh, string En, int Min, int Max, string[]? Names = null);

    private static readonly Field Seconds = new("秒", "seconds", 0, 59);
    private static readonly Field Minutes = new("分", "minutes", 0, 59);
    private static readonly Field Hours = new("时", "hours", 0, 23);
    private static readonly Field DayOfMonth = new("日", "day-of-month", 1, 31);
    private static readonly Field Month = new("月", "month", 1, 12, MonthNames);
    private static readonly Field DayOfWeek = new("星期", "day-of-week", 1, 7, DayNames);
    private static readonly Field Year = new("年", "year", 1970, 2099);

    internal sealed record Parts(ulong Seconds, ulong Minutes, ulong Hours, ulong Months, CronDayRule Days, int[]? Years);

    /// <summary>A reason in both languages; thrown as a <see cref="TimeFormatException"/> by the caller.</summary>
    internal sealed class Error(string zh, string en) : Exception(en)
    {
        public string Zh { get; } = zh;
        public string En { get; } = en;
    }

    public static Parts Parse(string expression)
    {
        var fields = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
            throw new Error($"不是 Quartz cron 表达式：须有 6 或 7 个字段（秒 分 时 日 月 星期 [年]），实有 {fields.Length} 个",
                $"is not a Quartz cron expression: it needs 6 or 7 fields (sec min hour day-of-month month day-of-week [year]), not {fields.Length}");

        var dom = fields[3].ToUpperInvariant();
        var dow = fields[5].ToUpperInvariant();
        // Quartz leaves one of the two day fields to the other; allowing both would need an AND/OR rule it never defined.
        if ((dom == "?") == (dow == "?"))
            throw new Error("不是有效的 cron 表达式：日与星期两个字段须恰有一个为 ?（例如 0 0 9 * * ? 或 0 0 9 ? * MON-FRI）",
                "is not a valid cron expression: exactly one of day-of-month and day-of-week must be ? (e.g. 0 0 9 * * ? or 0 0 9 ? * MON-FRI)");

        var days = dom == "?" ? ParseDayOfWeek(dow) : ParseDayOfMonth(dom);
        var years = fields.Length == 7 ? Bits(Year, fields[6]).Order().ToArray() : null;
        return new Parts(Mask(Seconds, fields[0]), Mask(Minutes, fields[1]), Mask(Hours, fields[2]),
            Mask(Month, fields[4]), days, years);
    }

    private static CronDayRule ParseDayOfMonth(string text)
    {
        if (text.Contains(',') && (text.Contains('L') || text.Contains('W')))
            throw Special(DayOfMonth, text);
        if (text == "L") return new CronDayRule.LastDay(0);
        if (text == "LW") return new CronDayRule.LastWeekday();
        if (text.StartsWith("L-", StringComparison.Ordinal))
            return new CronDayRule.LastDay(Number(DayOfMonth, text[2..], 0, 30));
        if (text.EndsWith('W'))
            return new CronDayRule.NearestWeekday(Number(DayOfMonth, text[..^1], 1, 31));
        if (text.Contains('L') || text.Contains('W'))
            throw Special(DayOfMonth, text);
        return new CronDayRule.MonthDays((uint)Mask(DayOfMonth, text));
    }

    private static CronDayRule ParseDayOfWeek(string text)
    {
        if (text.Contains(',') && (text.Contains('L') || text.Contains('#')))
            throw Special(DayOfWeek, text);
        if (text == "L") return new CronDayRule.Weekdays(1u << 7); // Quartz: L alone is Saturday
        if (text.EndsWith('L'))
            return new CronDayRule.LastOfWeekday(Value(DayOfWeek, text[..^1]));
        var hash = text.IndexOf('#');
        if (hash >= 0)
            return new CronDayRule.NthWeekday(Value(DayOfWeek, text[..hash]), Number(DayOfWeek, text[(hash + 1)..], 1, 5));
        if (text.Contains('L') || text.Contains('#'))
            throw Special(DayOfWeek, text);
        return new CronDayRule.Weekdays((uint)Mask(DayOfWeek, text));
    }

    private static ulong Mask(Field field, string text)
    {
        ulong mask = 0;
        foreach (var value in Bits(field, text)) mask |= 1UL << value;
        return mask;
    }

    private static HashSet<int> Bits(Field field, string text)
    {
        var values = new HashSet<int>();
        foreach (var item in text.ToUpperInvariant().Split(','))
        {
            if (item.Length == 0) throw Bad(field, text, "列表中有空项", "has an empty list item");
            var slash = item.IndexOf('/');
            var range = slash >= 0 ? item[..slash] : item;
            var step = slash >= 0 ? Number(field, item[(slash + 1)..], 1, field.Max - field.Min + 1) : 1;
            int from, to;
            if (range == "*") (from, to) = (field.Min, field.Max);
            else if (range.IndexOf('-') is > 0 and var dash)
                (from, to) = (Value(field, range[..dash]), Value(field, range[(dash + 1)..]));
            else
                (from, to) = (Value(field, range), slash >= 0 ? field.Max : Value(field, range));

            // A range that runs past the maximum wraps, as in Quartz: hours 22-2 are 22, 23, 0, 1, 2.
            var count = (to - from + (field.Max - field.Min + 1)) % (field.Max - field.Min + 1);
            for (var k = 0; k <= count; k += step)
                values.Add(field.Min + (from - field.Min + k) % (field.Max - field.Min + 1));
        }
        return values;
    }

    private static int Value(Field field, string text)
    {
        if (field.Names is { } names && Array.IndexOf(names, text) is >= 0 and var index)
            return field.Min + index;
        return Number(field, text, field.Min, field.Max);
    }

    private static int Number(Field field, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw Bad(field, text, "不是数字或名称", "is not a number or name");
        if (value < min || value > max)
            throw Bad(field, text, $"超出 {min}–{max}", $"is outside {min}-{max}");
        return value;
    }

    private static Error Bad(Field field, string text, string zh, string en) =>
        new($"不是有效的 cron 表达式：{field.Zh}字段的“{text}”{zh}", $"is not a valid cron expression: in the {field.En} field, '{text}' {en}");

    private static Error Special(Field field, string text) =>
        new($"不是有效的 cron 表达式：{field.Zh}字段的“{text}”用法不支持（L、W、# 须单独使用，如 L、L-2、LW、15W、6L、6#3）",
            $"is not a valid cron expression: '{text}' in the {field.En} field is not supported (L, W and # stand alone: L, L-2, LW, 15W, 6L, 6#3)");
}
