namespace CoBan.Workflow.Notices;

/// <summary>Dates as notices show them: Beijing time, "2026年10月13日" and "2026年9月30日 09:00".</summary>
public static class ChineseDates
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Date(DateTimeOffset at)
    {
        var local = at.ToOffset(Beijing);
        return $"{local.Year}年{local.Month}月{local.Day}日";
    }

    public static string? Date(DateTimeOffset? at) => at is { } a ? Date(a) : null;

    public static string DateTime(DateTimeOffset at) => $"{Date(at)} {at.ToOffset(Beijing):HH:mm}";

    public static string? DateTime(DateTimeOffset? at) => at is { } a ? DateTime(a) : null;

    public static string Date(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";
}
