namespace CoBan.Workflow.Calendar;

public sealed record CalendarYearInfo(int Year, string Source, DateTimeOffset? LoadedAt, string? LoadedBy, int OffDays, int WorkingWeekends);

public sealed record CalendarOverrideInfo(long Id, string? BureauCode, string? BureauName, DateOnly Date, bool IsWorkingDay, string Reason,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokeReason);

public sealed record CalendarOverview(long Revision, IReadOnlyList<CalendarYearInfo> Years, IReadOnlyList<CalendarOverrideInfo> Overrides);

/// <summary>
/// What the administrator's calendar page shows on top; <see cref="Warning"/> is set while this year is missing, and from
/// 1 November while next year is. <see cref="ProvisionalYears"/>: this year and next when their notice is not loaded, counted
/// provisionally on the statutory holidays (docs/calendar.md).
/// </summary>
public sealed record CalendarStatus(long Revision, DateOnly Today, int CurrentYear, int NextYear, IReadOnlyList<int> Years,
    bool CurrentYearLoaded, bool NextYearLoaded, string? Warning, string? WarningEn, IReadOnlyList<int>? ProvisionalYears = null);

/// <summary><see cref="DeadlinesRecomputed"/>: open deadlines counted on the provisional year that moved when the notice was loaded.</summary>
public sealed record YearLoadResult(CalendarYearInfo Year, bool Replaced, long Revision, int DeadlinesReplanned, int DeadlinesRecomputed = 0);

public sealed record OverrideRequest(string? BureauCode, DateOnly? Date, bool? IsWorkingDay, string? Reason);

public sealed record RevokeRequest(string? Reason);

/// <summary><see cref="IsWorkingDay"/> is null only beyond the years the calendar can count; <see cref="Provisional"/>: counted on the statutory holidays pending the notice.</summary>
public sealed record CalendarDayInfo(DateOnly Date, bool? IsWorkingDay, string? Note, bool Provisional = false);

public sealed record DeadlineComputeRequest(string? BureauCode, DateTimeOffset? From, int? WorkingDays);

/// <summary>A computed deadline: in UTC, and the same instant in the calendar's local time (Asia/Shanghai, +08:00).</summary>
/// <see cref="Provisional"/>: the count crossed a year whose notice is not loaded; the date is recomputed when it is.
public sealed record DeadlineComputeResult(string BureauCode, DateTimeOffset From, int WorkingDays, DateTimeOffset Due, DateTimeOffset DueLocal, bool Provisional = false);
