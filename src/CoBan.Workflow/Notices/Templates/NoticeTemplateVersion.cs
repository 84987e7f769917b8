namespace CoBan.Workflow.Notices;

/// <summary>
/// One saved version of a bureau's override of one part of a notice template (e.g. the print form
/// of "receipt" for 市场监管局). The highest version is current; a deleted override is a version with
/// <see cref="Deleted"/> set (back to the shipped file), so the history is never lost.
/// </summary>
public sealed class NoticeTemplateVersion
{
    public long Id { get; set; }
    public long BureauId { get; set; }
    public required string Template { get; set; }
    /// <summary>sms, email-subject, email-text, email-html or print.</summary>
    public required string Part { get; set; }
    public int Version { get; set; }
    public string? Content { get; set; }
    /// <summary>For the sms part: the provider's approved template code for this text, when it differs from the catalog's.</summary>
    public string? SmsTemplateCode { get; set; }
    public bool Deleted { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
}
