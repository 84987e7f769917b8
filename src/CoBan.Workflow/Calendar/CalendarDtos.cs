namespace CoBan.Workflow.Calendar;

public sealed record CalendarYearInfo(int Year, string Source, DateTimeOffset? LoadedAt, string? LoadedBy, int OffDays, int WorkingWeekends);

public sealed record CalendarOverrideInfo(long Id, string? BureauCode, string? BureauName, DateOnly Date, bool IsWorkingDay, string Reason,
    DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? RevokedAt, string? RevokeReason);

public sealed record CalendarOverview(long Revision, IReadOnlyList<CalendarYearInfo> Years, IReadOnlyList<CalendarOverrideInfo> Overrides);

/// <summary>What the administrator's calendar page shows on top; <see cref="Warning"/> is set from 1 November while next year is missing.</summary>
public sealed record CalendarStatus(long Revision, DateOnly Today, int CurrentYear, int NextYear, IReadOnlyList<int> Years,
    bool CurrentYearLoaded, bool NextYearLoaded, string? Warning, string? WarningEn);

public sealed record YearLoadResult(CalendarYearInfo Year, bool Replaced, long Revision, int DeadlinesReplanned);

public sealed record OverrideRequest(string? BureauCode, DateOnly? Date, bool? IsWorkingDay, string? Reason);

public sealed record RevokeRequest(string? Reason);

public sealed record CalendarDayInfo(DateOnly Date, bool? IsWorkingDay, string? Note);

public sealed record DeadlineComputeRequest(string? BureauCode, DateTimeOffset? From, int? WorkingDays);

/// <summary>A computed deadline: in UTC, and the same instant in the calendar's local time (Asia/Shanghai, +08:00).</summary>
public sealed record DeadlineComputeResult(string BureauCode, DateTimeOffset From, int WorkingDays, DateTimeOffset Due, DateTimeOffset DueLocal);
