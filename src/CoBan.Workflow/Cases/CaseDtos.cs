namespace CoBan.Workflow.Cases;

/// <summary><paramref name="IdType"/>: the document's code (<see cref="IdDocumentType"/>); a person defaults to residentId, an enterprise to creditCode.</summary>
public sealed record ApplicantInput(string? Type, string? Name, string? IdNumber, string? ContactPerson, string? Phone, string? Email, string? Address, string? IdType = null);

/// <summary>Registration at the desk (登记受理). Materials are names from the matter's list.</summary>
public sealed record RegisterCaseRequest(
    long? MatterId, string? MatterCode, string? MatterBureau, ApplicantInput? Applicant, bool? ConsentSms, bool? ConsentEmail,
    string? ServiceMode, string? Entrustment, List<string>? MaterialsReceived, string? Description, DateTimeOffset? HomeVisitAt);

public sealed record ReasonRequest(string? Reason);
public sealed record ReassignRequest(string? UserName, string? Reason);
public sealed record EvaluationRequest(int? Level, string? Comment, bool? RealName);

public sealed record CodeLabel(string Code, string Label);
public sealed record PersonRef(string UserName, string DisplayName, string? Title, string? OfficePhone, string? Mobile, string BureauCode);
public sealed record BureauRef(long Id, string Code, string Name);

public sealed record CaseSummary(
    long Id, string Number, BureauRef Bureau, long? MatterId, string MatterName, string ApplicantName, string ApplicantType,
    CodeLabel Category, CodeLabel? Kind, CodeLabel Status, CodeLabel ServiceMode, string OwnerUserName, string OwnerName,
    DateTimeOffset RegisteredAt, DateTimeOffset? Deadline, bool Paused, bool Overdue, int? WorkingDaysLeft, long? ChainId, int? ChainPosition,
    bool Provisional = false);

public sealed record MaterialState(string Name, bool Required, string? Note, bool Received);

public sealed record CaseApplicant(string Type, string Name, string? IdNumber, string? ContactPerson, string? Phone, string? Email, string? Address, bool ConsentSms, bool ConsentEmail, CodeLabel? IdType);

public sealed record TransferInfo(long Id, string Direction, long FromCaseId, BureauRef FromBureau, BureauRef ToBureau, string Reasons, string? LegalBasis, bool CrossLevel,
    string Status, long? ReceivingCaseId, string? ReceivingCaseNumber, string? RefusalReason, DateTimeOffset SentAt, DateTimeOffset? RespondedAt, DateTimeOffset? ReceivingEndedAt);

public sealed record SpecialProcedureInfo(long Id, string Kind, string? Reason, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int? WorkingDaysGivenBack, string? Result);

public sealed record LogEntryInfo(long Id, string CoordinatorName, DateTimeOffset At, string Handling, CodeLabel ReplyMethod, DateTimeOffset ReplyAt, bool SignedOnScreen, bool SignedOnPaper, string? SignatureUrl);

public sealed record EvaluationInfo(long Id, int Level, string LevelLabel, string? Comment, bool RealName, string Source, DateTimeOffset At, bool Bad,
    DateTimeOffset? RectifyBy, DateTimeOffset? RectifiedAt, bool? Substantiated, string? Rectification, string? Answer, DateTimeOffset? ReturnVisitAt, string? ReturnVisitNote, long? RectificationInstanceId);

public sealed record CaseTaskInfo(long Id, long InstanceId, string ElementId, string? Name, string? AssigneeUserName, string? AssigneeName, DateTimeOffset? Due, string Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record CaseDetail(
    CaseSummary Summary, string? Description, CaseApplicant Applicant, string? Entrustment, IReadOnlyList<MaterialState> Materials, IReadOnlyList<string> Missing,
    DateTimeOffset? MissingNoticeAt, bool Tolerant, string? ToleranceCommitment, DateTimeOffset? SupplementBy, IReadOnlyList<string> RejectionReasons, string? RejectionLegalBasis,
    PersonRef Owner, PersonRef FirstContact, DateTimeOffset? AcceptedAt, int? CommittedWorkingDays, int? MatterLimitWorkingDays, DateTimeOffset? PausedAt, DateTimeOffset? OverdueAt, DateTimeOffset? CompletedAt,
    string? Result, DateTimeOffset? HomeVisitAt, BureauRef? ForwardedTo, long? SourceCaseId, long? InstanceId, int RowVersion,
    IReadOnlyList<TransferInfo> Transfers, IReadOnlyList<SpecialProcedureInfo> SpecialProcedures, IReadOnlyList<LogEntryInfo> Log, EvaluationInfo? Evaluation,
    IReadOnlyList<CaseTaskInfo> OpenTasks,
    // The bureau's own number when the centre numbers cases centre-wide (CaseNumberingOptions); null otherwise.
    string? BureauNumber = null);

public sealed record ChainLinkInfo(int Position, BureauRef Bureau, string Part, long? CaseId, string? CaseNumber, CodeLabel? Status, string? OwnerName, DateTimeOffset? Deadline);

public sealed record ChainInfo(long Id, string MatterName, string ApplicantName, bool Completed, DateTimeOffset? CompletedAt, DateTimeOffset? StoppedAt, string? StopReason,
    PersonRef FirstContact, IReadOnlyList<ChainLinkInfo> Links, IReadOnlyList<CaseSummary> Cases);

public sealed record JournalInfo(long Id, DateTimeOffset At, long? InstanceId, string? UserName, string Action, string? ElementId, string Detail, string? Before, string? After);

public sealed record NoticeInfo(long Id, long? InstanceId, string? ElementId, string Template, string? Channels, string Recipient, string Status, DateTimeOffset CreatedAt);

public sealed record CasePage(int Total, int Page, int PageSize, IReadOnlyList<CaseSummary> Items);
