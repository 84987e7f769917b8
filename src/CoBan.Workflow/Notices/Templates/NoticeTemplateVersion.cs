namespace CoBan.Workflow.Notices;

/// <summary>
/// One saved version of a bureau's override of one part of a notice template (e.g. the print form
/// of "receipt" for 市场监管局). The highest version is current; a deleted override is a version with
/// <see cref="Deleted"/> set (back to the shipped file), so the history is never lost.
/// </summary>
public sealed class NoticeTemplateVersion
{
    /// <summary>The template language of versions saved since the Scriban release.</summary>
    public const string Scriban = "scriban";

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
    /// <summary>
    /// "scriban", or null for a version saved before the Scriban release (Handlebars): those are converted at
    /// start by <see cref="TemplateSyntaxUpgrade"/> into a new Scriban version and are never rendered themselves.
    /// </summary>
    public string? Syntax { get; set; }
    /// <summary>Why the upgrade could not convert this (Handlebars) version: an administrator must rewrite it; until then the inherited or shipped template is used.</summary>
    public string? ReviewNote { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public string? CreatedByName { get; set; }
}
