namespace CoBan.Workflow.Rosters;

public sealed record DutyPerson(string UserName, string DisplayName, string? Title, string? Office, string? OfficePhone, string? Mobile, TimeOnly Start, TimeOnly End, bool HasPhoto);

public sealed record DutyDay(DateOnly Date, string Weekday, IReadOnlyList<DutyPerson> Coordinators, DutyPerson? DutyLeader, string? Note);

public sealed record DutyDayRequest(List<string>? Coordinators, string? DutyLeader, TimeOnly? Start, TimeOnly? End, string? Note);

public sealed record RotationRequest(DateOnly? From, DateOnly? To, List<string>? Coordinators, int? CoordinatorsPerDay, List<string>? DutyLeaders, TimeOnly? Start, TimeOnly? End);

public sealed record RotationResult(int Days, int Assignments, IReadOnlyList<DateOnly> SkippedNonWorkingDays);

/// <summary>Who is on duty at a bureau now (值班), and whether it comes from the roster or, without one, from the roles.</summary>
public sealed record OnDuty(string BureauCode, string BureauName, DateOnly Date, bool FromRoster, IReadOnlyList<DutyPerson> Coordinators, DutyPerson? DutyLeader);

/// <summary>One line of the quarterly schedule (seed 001: 姓名、职务、办公地点、办公电话、手机和值班时间).</summary>
public sealed record ScheduleLine(string Role, string Name, string? Title, string? Office, string? OfficePhone, string? Mobile, string DutyTimes, IReadOnlyList<DateOnly> Dates);

public sealed record Schedule(string BureauCode, string BureauName, int Year, int Quarter, DateOnly From, DateOnly To, DateOnly ReportBy, string? SupervisionHotline, IReadOnlyList<ScheduleLine> Lines);
