namespace CoBan.Workflow.Public;

public sealed record PublicBureau(string Code, string Name, string Level, string? ParentCode, string? Address, string? Windows, string? Phone, string? SupervisionHotline, string? ServiceHours);

/// <summary><paramref name="Mobile"/> only when the bureau chose to publish mobiles (<see cref="Bureaus.Bureau.PublishDutyMobiles"/>).</summary>
public sealed record PublicPerson(string Name, string? Title, string? Room, string? Phone, string? PhotoUrl, string? Mobile);

/// <summary>The daily notice board (seeds 000/001): today's coordinators and duty leader, and the supervision hotline.</summary>
public sealed record DutyBoard(PublicBureau Bureau, DateOnly Date, string Weekday, IReadOnlyList<PublicPerson> Coordinators, PublicPerson? DutyLeader, string? SupervisionHotline);

/// <summary>Progress of a case as the public sees it: status and next step only, personal data masked.</summary>
public sealed record Progress(string Number, string BureauName, string MatterName, string Applicant, string Phone, string Category, string Status, string NextStep,
    DateOnly RegisteredOn, DateOnly? DeadlineOn, bool Ended, bool CanEvaluate);

public sealed record PublicEvaluationRequest(string? Number, string? Phone, int? Level, string? Comment, bool? RealName);
