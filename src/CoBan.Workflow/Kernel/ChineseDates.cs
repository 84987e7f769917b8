using System.Globalization;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// Dates and times as people here read them, always in China time (<see cref="ChinaTime"/>): on notices
/// "2026年10月13日" and "2026年9月30日 09:00", on pages and in the API's local fields "2026-10-13" and
/// "2026-09-30 09:00".
/// </summary>
public static class ChineseDates
{
    public static string Date(DateTimeOffset at)
    {
        var local = ChinaTime.Local(at);
        return $"{local.Year}年{local.Month}月{local.Day}日";
    }

    public static string? Date(DateTimeOffset? at) => at is { } a ? Date(a) : null;

    public static string DateTime(DateTimeOffset at) => $"{Date(at)} {ChinaTime.Local(at):HH:mm}";

    public static string? DateTime(DateTimeOffset? at) => at is { } a ? DateTime(a) : null;

    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    /// <summary>"2026-10-13": a date input's value and the pages' short form.</summary>
    public static string IsoDate(DateTimeOffset at) => ChinaTime.Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"2026-10-13 09:30": the pages' short form of an instant.</summary>
    public static string IsoMinute(DateTimeOffset at) => ChinaTime.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
