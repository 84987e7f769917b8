namespace CoBan.Workflow.Notices;

/// <summary>
/// Pending: waiting for its (next) attempt. Sending: leased by a node that has told the provider or
/// is about to (the duplicate window). Sent: the provider accepted it. Delivered / Undelivered: the
/// provider's delivery receipt. Dead: gave up after the attempts or a permanent refusal. Uncertain:
/// the send window was interrupted on a channel that cannot de-duplicate: a person checks.
/// Ready: a print form rendered and waiting to be printed. Skipped: the channel was asked for but the
/// recipient has no address or no consent for it.
/// </summary>
public enum DeliveryStatus { Pending = 0, Sending = 1, Sent = 2, Delivered = 3, Undelivered = 4, Dead = 5, Uncertain = 6, Ready = 7, Skipped = 8, Cancelled = 9 }

/// <summary>
/// One channel of one notice: the text exactly as sent, and every fact about sending it (attempts,
/// provider message id, receipt, error). One row per (notice, channel).
/// </summary>
public sealed class NoticeDelivery
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    /// <summary>sms, email or print.</summary>
    public required string Channel { get; set; }
    /// <summary>Sent to the provider so it can de-duplicate: the notice's key, the channel and the resend generation.</summary>
    public required string IdempotencyKey { get; set; }
    public DeliveryStatus Status { get; set; }
    /// <summary>Phone number or e-mail address (null for print).</summary>
    public string? Address { get; set; }
    public string? RecipientName { get; set; }

    public string? Subject { get; set; }
    /// <summary>Plain text as sent (SMS text, e-mail text part).</summary>
    public string? Text { get; set; }
    /// <summary>HTML as sent (e-mail HTML part, print page).</summary>
    public string? Html { get; set; }
    public string? SmsTemplateCode { get; set; }
    /// <summary>The SMS template's named variables as sent (JSON object).</summary>
    public string? SmsParams { get; set; }

    public int Attempts { get; set; }
    public int MaxAttempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public string? LockedBy { get; set; }
    /// <summary>Incremented when a person sends a delivered message again on purpose (a new idempotency key).</summary>
    public int Generation { get; set; }

    /// <summary>smtp, pickup, webhook or aliyun.</summary>
    public string? Provider { get; set; }
    public string? ProviderMessageId { get; set; }
    public string? Receipt { get; set; }
    public DateTimeOffset? ReceiptAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Why skipped, who resent or confirmed it.</summary>
    public string? Note { get; set; }

    /// <summary>Concurrency token: bumped by every change, so a node whose lease was taken over cannot overwrite the new owner's result.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? PrintedAt { get; set; }
    public string? PrintedBy { get; set; }
}
