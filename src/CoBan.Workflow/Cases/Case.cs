namespace CoBan.Workflow.Cases;

/// <summary>
/// One applicant's request at one bureau, registered by the coordinator on duty, who owns it until
/// it ends even after their duty (seeds 000/001); only a duty leader reassigns, with a reason.
/// </summary>
public sealed class Case
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    /// <summary>Per bureau and year, e.g. "BZ-SCJG-2026-00017".</summary>
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }

    public long? MatterId { get; set; }
    /// <summary>The matter's name at registration (matters may be renamed later).</summary>
    public required string MatterName { get; set; }
    /// <summary>What the applicant asks for, in their words.</summary>
    public string? Description { get; set; }

    public ApplicantType ApplicantType { get; set; }
    /// <summary>Person's name or enterprise name.</summary>
    public required string ApplicantName { get; set; }
    /// <summary>The document number (ID card, passport, permit, or an enterprise's unified social credit code), checked by <see cref="IdentityDocuments"/>.</summary>
    public string? ApplicantIdNumber { get; set; }
    /// <summary>Which document <see cref="ApplicantIdNumber"/> is; null when no number was given.</summary>
    public IdDocumentType? ApplicantIdType { get; set; }
    /// <summary>Contact person for an enterprise, or the agent.</summary>
    public string? ContactPerson { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    /// <summary>The phone reduced to its digits (no +86, spaces or dashes): what the public progress lookup compares.</summary>
    public string? PhoneDigits { get; set; }
    /// <summary>Consent to be answered by SMS / e-mail (reply channels follow it).</summary>
    public bool ConsentSms { get; set; }
    public bool ConsentEmail { get; set; }

    public ServiceMode ServiceMode { get; set; }
    /// <summary>For 代办: the written entrustment (reference or summary).</summary>
    public string? Entrustment { get; set; }

    public CaseCategory Category { get; set; }
    public CaseKind? Kind { get; set; }
    public CaseStatus Status { get; set; }

    /// <summary>JSON array of material names received / missing at intake.</summary>
    public string? MaterialsReceived { get; set; }
    public string? MaterialsMissing { get; set; }
    /// <summary>When the one-time notice of missing materials went out (一次性告知): never a second, different list.</summary>
    public DateTimeOffset? MissingNoticeAt { get; set; }

    /// <summary>容缺受理: accepted with a minor item missing, on the applicant's signed commitment to supply it by <see cref="SupplementBy"/>.</summary>
    public bool Tolerant { get; set; }
    public string? ToleranceCommitment { get; set; }
    public DateTimeOffset? SupplementBy { get; set; }

    /// <summary>退回件: the reasons (JSON array) and the legal basis of the refusal, as on the 否定报备反馈单.</summary>
    public string? RejectionReasons { get; set; }
    public string? RejectionLegalBasis { get; set; }

    /// <summary>Village agency (seed 004): the appointment for a home visit (上门服务), and the town centre the request was forwarded to.</summary>
    public DateTimeOffset? HomeVisitAt { get; set; }
    public long? ForwardedToBureauId { get; set; }

    /// <summary>The coordinator (user id) who owns the case.</summary>
    public required string OwnerId { get; set; }
    /// <summary>首问负责: whoever registered at the first bureau stays the applicant's contact for the whole chain.</summary>
    public required string FirstContactId { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>The working days the coordinator committed to (≤ the matter's limit, seed 004 限时办结).</summary>
    public int? CommittedWorkingDays { get; set; }
    /// <summary>The committed deadline (UTC), never later than the matter allows; moved only by special procedures (Art. 45).</summary>
    public DateTimeOffset? Deadline { get; set; }
    /// <summary>When the deadline passed with the case still open (挂账督办).</summary>
    public DateTimeOffset? OverdueAt { get; set; }
    /// <summary>True while a statutory special procedure (行政许可法 Art. 45) pauses the clock.</summary>
    public bool Paused { get; set; }
    public DateTimeOffset? PausedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>Result, reasons or notes given at the end.</summary>
    public string? Result { get; set; }

    /// <summary>Joint chain this case belongs to, and its position (1 = first link).</summary>
    public long? ChainId { get; set; }
    public int? ChainPosition { get; set; }
    /// <summary>The case this one came from (previous chain link, or the transferring bureau's case).</summary>
    public long? SourceCaseId { get; set; }

    /// <summary>The main workflow instance handling this case.</summary>
    public long? InstanceId { get; set; }

    /// <summary>Concurrency token: two coordinators changing the case at once get 409, not a lost update.</summary>
    public int RowVersion { get; set; }
}

/// <summary>A joint case's chain (联办): the cases of the matter's bureaus, in order, visible from any of them.</summary>
public sealed class JointChain
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public required string ApplicantName { get; set; }
    public long FirstCaseId { get; set; }
    public bool Completed { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>The chain stopped before its last link (a link refused, or the applicant withdrew).</summary>
    public DateTimeOffset? StoppedAt { get; set; }
    public string? StopReason { get; set; }
}

public enum TransferStatus { Sent = 1, Accepted = 2, Refused = 3 }

/// <summary>A transfer to the competent bureau (移办/转办, seeds 000/003), tracked and pushed by the sender.</summary>
public sealed class Transfer
{
    public long Id { get; set; }
    public long FromCaseId { get; set; }
    public long FromBureauId { get; set; }
    public long ToBureauId { get; set; }
    public required string Reasons { get; set; }
    public string? LegalBasis { get; set; }
    /// <summary>Across levels (转办): the sender tracks and pushes progress.</summary>
    public bool CrossLevel { get; set; }
    public TransferStatus Status { get; set; }
    public long? ReceivingCaseId { get; set; }
    public string? RefusalReason { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public string? SentBy { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
    /// <summary>For 转办: when the receiving case ended (the sender's tracking is over).</summary>
    public DateTimeOffset? ReceivingEndedAt { get; set; }
}

/// <summary>协办日志: the handling and the reply (time and method), signed by the applicant (seeds 001, 002).</summary>
public sealed class CoordinationLogEntry
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string CoordinatorId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Handling { get; set; }
    /// <summary>in-person / phone / sms / email / letter (当面、电话、短信、邮件、书面).</summary>
    public required string ReplyMethod { get; set; }
    public DateTimeOffset ReplyAt { get; set; }
    /// <summary>Signature captured on screen (PNG data URL), or signed on paper.</summary>
    public string? Signature { get; set; }
    public bool SignedOnPaper { get; set; }
}

/// <summary>好差评 (国办发〔2019〕51号): five levels, one per service; a bad one opens a rectification.</summary>
public sealed class Evaluation
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意.</summary>
    public int Level { get; set; }
    public string? Comment { get; set; }
    public bool RealName { get; set; }
    /// <summary>Where it was given: "desk" (recorded by staff with the applicant) or "public" (the progress page).</summary>
    public required string Source { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>For bad reviews: the rectification deadline, when it was rectified, and the return visit.</summary>
    public DateTimeOffset? RectifyBy { get; set; }
    public DateTimeOffset? RectifiedAt { get; set; }
    public string? Rectification { get; set; }
    /// <summary>Whether the complaint was found to be substantiated when verified (核实).</summary>
    public bool? Substantiated { get; set; }
    /// <summary>The answer given to the applicant about the rectification.</summary>
    public string? Answer { get; set; }
    public DateTimeOffset? ReturnVisitAt { get; set; }
    public string? ReturnVisitNote { get; set; }
    public long? RectificationInstanceId { get; set; }

    public bool IsBad => Level <= 2;
}

/// <summary>
/// A statutory special procedure (特别程序: hearing, inspection, testing, expert review, higher approval) that
/// stops the clock (行政许可法 Art. 45). The working days inside it are given back to the deadline.
/// </summary>
public sealed class CaseSpecialProcedure
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    /// <summary>inspection / testing / approval / hearing / expert.</summary>
    public required string Kind { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int? WorkingDaysGivenBack { get; set; }
    public string? Result { get; set; }
}

/// <summary>Next case number per bureau and year (rows updated under the step's transaction).</summary>
public sealed class CaseNumberSequence
{
    public long BureauId { get; set; }
    public int Year { get; set; }
    public int Next { get; set; }
}
