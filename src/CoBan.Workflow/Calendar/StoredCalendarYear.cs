namespace CoBan.Workflow.Calendar;

/// <summary>
/// One year of the national calendar (a State Council notice) as the service keeps it: the year in
/// the holiday-cn layout (docs/calendar.md). Years shipped in the engine are copied here on first
/// start (<see cref="CalendarYearSources.Release"/>); administrators load later years through the API.
/// </summary>
public sealed class StoredCalendarYear
{
    public long Id { get; set; }
    public int Year { get; set; }
    /// <summary>The year in the holiday-cn layout, as written by <c>HolidayCnFormat.Format</c>.</summary>
    public required string Data { get; set; }
    /// <summary><see cref="CalendarYearSources.Release"/> or <see cref="CalendarYearSources.Administrator"/>.</summary>
    public required string Source { get; set; }
    public DateTimeOffset LoadedAt { get; set; }
    /// <summary>User id of the administrator who loaded it; null for the release seed.</summary>
    public string? LoadedBy { get; set; }
}

public static class CalendarYearSources
{
    public const string Release = "release";
    public const string Administrator = "administrator";
}
