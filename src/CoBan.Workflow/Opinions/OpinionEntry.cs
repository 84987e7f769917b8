namespace CoBan.Workflow.Opinions;

/// <summary>Where an applicant left it: the paged opinion book at the window (带页码的意见本, seed 001) or the suggestion box (意见箱).</summary>
public enum OpinionSource { Book = 1, Box = 2 }

/// <summary>
/// One entry of a bureau's opinion book or suggestion box (意见簿/意见箱), copied in by staff with its
/// page number: numbered per bureau and year, to be answered within the configured working days
/// (<see cref="OpinionOptions.AnswerWorkingDays"/>), read by supervisors, counted in the monthly evaluation.
/// </summary>
public sealed class OpinionEntry
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>e.g. 意见-BZ-SCJG-2026-0007: bureau, year and sequence, shown and printed.</summary>
    public required string Number { get; set; }
    public OpinionSource Source { get; set; }
    /// <summary>The page of the paged book, or the box's opening, as written on it (free text, optional).</summary>
    public string? Page { get; set; }
    /// <summary>When the applicant wrote it (the date on the page) or the box was opened.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>Who wrote it, if they signed; contact for the answer, if they left one. Both optional: entries may be anonymous.</summary>
    public string? Writer { get; set; }
    public string? Contact { get; set; }
    public required string Content { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedById { get; set; }
    public required string RecordedByName { get; set; }
    /// <summary>The local date (Asia/Shanghai) by which it must be answered.</summary>
    public DateOnly AnswerDueOn { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnsweredById { get; set; }
    public string? AnsweredByName { get; set; }
    public int RowVersion { get; set; }
}
