using System.Text.Json;

namespace CoBan.Workflow.Notices;

/// <summary>A notice on the case timeline, with every delivery: channel, text as sent, status, attempts, receipt.</summary>
public sealed record NoticeView(
    long Id, string Template, string? Title, string Recipient, string Status, string StatusLabel, long? CaseId, long? InstanceId, long? BureauId,
    string? ElementId, string IdempotencyKey, DateTimeOffset CreatedAt, DateTimeOffset? PlannedAt, string? LastError, IReadOnlyList<DeliveryView> Deliveries);

public sealed record DeliveryView(
    long Id, string Channel, string ChannelLabel, string Status, string StatusLabel, string? Address, string? RecipientName,
    string? Subject, string? Text, string? Html, string? SmsTemplateCode, IReadOnlyDictionary<string, string>? SmsParams,
    int Attempts, int MaxAttempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, string? Provider, string? ProviderMessageId,
    string? Receipt, DateTimeOffset? ReceiptAt, string? LastError, string? Note, DateTimeOffset? SentAt, DateTimeOffset? PrintedAt, string? PrintedBy,
    int Generation, string IdempotencyKey)
{
    public static DeliveryView Of(NoticeDelivery d, bool withHtml) => new(
        d.Id, d.Channel, NoticeParts.Label(d.Channel), Lower(d.Status), NoticeActions.Label(d.Status),
        d.Channel == NoticeParts.Sms && d.Address is not null ? PersonalData.Mask(d.Address) : d.Address, d.RecipientName,
        d.Subject, d.Channel == NoticeParts.Print ? null : d.Text, withHtml ? d.Html : null, d.SmsTemplateCode,
        d.SmsParams is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(d.SmsParams),
        d.Attempts, d.MaxAttempts, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.Provider, d.ProviderMessageId,
        d.Receipt, d.ReceiptAt, d.LastError, d.Note, d.SentAt, d.PrintedAt, d.PrintedBy, d.Generation, d.IdempotencyKey);

    internal static string Lower<T>(T value) where T : struct, Enum => value.LowerCode();
}

public sealed record ResendRequest(string? Reason);

public sealed record TemplatePartInfo(string Part, string Channel, string Source, int? Version, long? OverrideBureauId, DateTimeOffset? SavedAt, string? SavedBy,
    bool NeedsReview = false);

public sealed record TemplateSummary(string Name, string Title, string Audience, string[] Channels, string? Description, string? Source,
    string? SmsTemplateCode, IReadOnlyList<string>? SmsVariables, IReadOnlyList<TemplatePartInfo> Parts);

/// <param name="ReviewNote">Set when this bureau's override is still in the Handlebars syntax of an older release and could not be converted: why, for the administrator.</param>
/// <param name="ReviewContent">That unconverted override, to rewrite in Scriban (the inherited or shipped template is used meanwhile).</param>
public sealed record TemplatePartContent(string Template, string Part, string Source, int? Version, long? OverrideBureauId, string Content, string? Shipped,
    string? SmsTemplateCode, DateTimeOffset? SavedAt, string? SavedBy, string? ReviewNote = null, string? ReviewContent = null);

public sealed record TemplateVersionView(int Version, bool Deleted, string? Content, string? SmsTemplateCode, string? Comment, DateTimeOffset CreatedAt, string? CreatedBy);

public sealed record SaveTemplateRequest(string Content, string? Comment, string? SmsTemplateCode);

public sealed record RevertTemplateRequest(int Version, string? Comment);

/// <summary>Unsaved content to preview: a part's content, or several parts (part name → content). Empty: the current templates.</summary>
public sealed record PreviewRequest(string? Part, string? Content, Dictionary<string, string>? Parts);

/// <param name="SmsSignName">The deployment's 【sign】, so the editor can count the SMS as the phone shows it.</param>
public sealed record PreviewResult(string Template, IReadOnlyList<RenderedChannel> Channels, string? SmsSignName = null);

public sealed record SaveSettingsRequest(Dictionary<string, string?> Values);

public sealed record TestSendRequest(string Channel, string To);

public sealed record TestSendResult(string Outcome, string Provider, string? MessageId, string? Error);
