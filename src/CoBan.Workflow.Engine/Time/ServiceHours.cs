using System.Globalization;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A bureau's hours on a working day (办公时间): when its working day opens and closes. The close is when a period
/// counted in working days ends (民法典 Art. 203: "有业务时间的，停止业务活动的时间为截止时间"); without business hours a
/// period ends at 24:00, kept here as <see cref="EndOfDay"/>. The opening is when alerts start going out again.
/// </summary>
public sealed partial record ServiceHours(TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>
    /// 24:00 of a day, as the last whole second of it: an instant on the day itself (so the date shows as the last day, not
    /// the next one), and a whole second, which SQLite and PostgreSQL store and compare alike.
    /// </summary>
    public static readonly TimeOnly EndOfDay = new(23, 59, 59);

    /// <summary>
    /// Reads hours as bureaus post them: every "H:MM-H:MM" range in the text ("工作日 8:30-12:00，13:30-17:30", full-width
    /// colons and dashes, "至" and "~" too). The day opens at the earliest start and closes at the latest end (a lunch break
    /// does not end the day). False when the text names no valid range: then the law's 24:00 applies.
    /// </summary>
    public static bool TryParse(string? text, out ServiceHours hours)
    {
        hours = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        TimeOnly? opens = null, closes = null;
        foreach (Match m in Range().Matches(text))
        {
            if (!Time(m.Groups["h1"].Value, m.Groups["m1"].Value, out var start) || !Time(m.Groups["h2"].Value, m.Groups["m2"].Value, out var end) || end <= start)
                continue;
            if (opens is null || start < opens) opens = start;
            if (closes is null || end > closes) closes = end;
        }
        if (opens is not { } o || closes is not { } c) return false;
        hours = new ServiceHours(o, c);
        return true;
    }

    private static bool Time(string h, string m, out TimeOnly time)
    {
        time = default;
        int hour = int.Parse(h, CultureInfo.InvariantCulture), minute = int.Parse(m, CultureInfo.InvariantCulture);
        if (hour == 24 && minute == 0) { time = EndOfDay; return true; }
        if (hour > 23 || minute > 59) return false;
        time = new TimeOnly(hour, minute);
        return true;
    }

    [GeneratedRegex(@"(?<h1>\d{1,2})\s*[:：]\s*(?<m1>\d{2})\s*(?:-|－|–|—|~|～|至|到)\s*(?<h2>\d{1,2})\s*[:：]\s*(?<m2>\d{2})")]
    private static partial Regex Range();
}
