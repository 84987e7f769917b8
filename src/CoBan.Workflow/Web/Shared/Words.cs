using System.Text.RegularExpressions;

namespace CoBan.Workflow.Web;

/// <summary>
/// Configuration and model values said the way the people at the windows say them: durations
/// ("P1WD" → "1 个工作日"), report schedules ("0 0 8 * * ?" → "每天 8:00"), recipient groups,
/// and texts with the product's internal source references taken out.
/// </summary>
public static partial class Words
{
    /// <summary>An ISO 8601 duration, working days (WD) included; anything else is returned as given.</summary>
    public static string Duration(Lang l, string? iso)
    {
        if (string.IsNullOrWhiteSpace(iso)) return "";
        var m = DurationPattern().Match(iso.Trim());
        if (!m.Success) return iso;
        var parts = new List<string>();
        void Add(string group, string zh, string en)
        {
            if (m.Groups[group].Success && int.TryParse(m.Groups[group].Value, out var n) && n > 0)
                parts.Add(l.IsEn ? $"{n} {en}{(n == 1 ? "" : "s")}" : $"{n} {zh}");
        }
        Add("y", "年", "year"); Add("mo", "个月", "month"); Add("w", "周", "week"); Add("wd", "个工作日", "working day"); Add("d", "天", "day");
        Add("h", "小时", "hour"); Add("mi", "分钟", "minute"); Add("s", "秒", "second");
        return parts.Count == 0 ? iso : string.Join(l.IsEn ? " " : "", parts);
    }

    /// <summary>A Quartz cron line (seconds minutes hours day-of-month month day-of-week) as a sentence; the line itself when it is not one of the usual shapes.</summary>
    public static string Schedule(Lang l, string? cron)
    {
        if (string.IsNullOrWhiteSpace(cron)) return "";
        var f = cron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length < 6 || !int.TryParse(f[1], out var minute) || !int.TryParse(f[2], out var hour)) return l.T("自定义计划", "custom schedule");
        var time = $"{hour}:{minute:00}";
        var (dom, month, dow) = (f[3], f[4], f[5]);
        if (dom is "*" or "?" && month == "*" && dow is "*" or "?") return l.T($"每天 {time}", $"every day at {time}");
        if (dom is "?" && month == "*" && dow == "MON-FRI") return l.T($"每个工作日 {time}", $"weekdays at {time}");
        if (dom is "?" && month == "*" && Weekday(dow) is { } day) return l.T($"每{day.Zh} {time}", $"every {day.En} at {time}");
        if (int.TryParse(dom, out var d) && dow is "?" or "*")
        {
            if (month == "*") return l.T($"每月 {d} 日 {time}", $"day {d} of every month at {time}");
            if (month == "1,4,7,10") return l.T($"每季度首月 {d} 日 {time}", $"day {d} of each quarter's first month at {time}");
            var months = month.Split(',');
            if (months.All(x => int.TryParse(x, out _)))
                return l.T($"每年 {string.Join("、", months)} 月 {d} 日 {time}", $"every year on day {d} of month {string.Join(", ", months)} at {time}");
        }
        return l.T("自定义计划", "custom schedule");
    }

    private static (string Zh, string En)? Weekday(string dow) => dow.ToUpperInvariant() switch
    {
        "MON" or "2" => ("周一", "Monday"), "TUE" or "3" => ("周二", "Tuesday"), "WED" or "4" => ("周三", "Wednesday"),
        "THU" or "5" => ("周四", "Thursday"), "FRI" or "6" => ("周五", "Friday"), "SAT" or "7" => ("周六", "Saturday"), "SUN" or "1" => ("周日", "Sunday"),
        _ => null,
    };

    /// <summary>A report's recipient: a role group by its name, an address as it is.</summary>
    public static string Recipient(Lang l, string recipient) => recipient switch
    {
        "supervisors" => l.T("监督员", "supervisors"),
        "dutyLeaders" => l.T("带班领导", "duty leaders"),
        "chiefCoordinators" => l.T("首席协办员", "chief coordinators"),
        "coordinators" => l.T("协办员", "coordinators"),
        "administrators" => l.T("管理员", "administrators"),
        _ => recipient,
    };

    /// <summary>A text without references to the product's source documents ("seeds 000、001（协办回执）" → "协办回执").</summary>
    public static string WithoutSourceReferences(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var t = Regex.Replace(text, @"\bseeds?\s*|[\w./-]+\.md\b\s*", "", RegexOptions.IgnoreCase);
        t = Regex.Replace(t, @"(?<=^|[、，,；;（(\s])\d{3}(?=$|[、，,；;（）()\s])", "");
        // separators left without neighbours: at the start or end of a part, or beside a parenthesis
        t = Regex.Replace(t, @"[、，,]+(?=[（(）)；;]|$)|(?<=^|[（(；;])[、，,]+", "");
        t = Regex.Replace(t, @"（\s*）|\(\s*\)", "");
        // a part that is only a parenthesis: the name in it
        t = Regex.Replace(t, @"(?<=^|[；;]\s*)（([^（）]*)）(?=\s*(?:[；;]|$))", "$1");
        return t.Trim(' ', '；', ';', '、');
    }

    [GeneratedRegex(@"^P(?:(?<y>\d+)Y)?(?:(?<mo>\d+)M)?(?:(?<w>\d+)W(?!D))?(?:(?<wd>\d+)WD)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<mi>\d+)M)?(?:(?<s>\d+)S)?)?$")]
    private static partial Regex DurationPattern();

}
