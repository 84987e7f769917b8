namespace CoBan.Workflow.Notices;

/// <summary>
/// What a provider said. NotSent: it certainly did not take the message (connection refused, an
/// explicit temporary refusal): retry. Refused: it certainly did not, and never will (bad number,
/// unknown template): dead. Ambiguous: it may have (a timeout or a dropped connection after the
/// request went out): safe to retry only where the provider de-duplicates by idempotency key.
/// </summary>
public enum SendOutcome { Sent, NotSent, Refused, Ambiguous }

public sealed record SendResult(SendOutcome Outcome, string Provider, string? MessageId = null, string? Error = null)
{
    public static SendResult Ok(string provider, string? messageId) => new(SendOutcome.Sent, provider, messageId);
}

/// <summary>After a crash in the send window: did the provider get it?</summary>
public enum ReconcileOutcome { Sent, NotSent, Unknown }

public sealed record ReconcileResult(ReconcileOutcome Outcome, string? MessageId = null, string? Note = null);

/// <summary>A channel that sends deliveries out of the service (print needs none).</summary>
public interface INoticeChannel
{
    string Name { get; }

    /// <summary>True when sending the same idempotency key again cannot reach the recipient twice.</summary>
    bool Deduplicates(NoticeOptions options);

    Task<SendResult> SendAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct);

    /// <summary>
    /// Where the answer to "did it go out?" will be found, recorded on the delivery before it is sent
    /// (at most 20 characters), so another node recovering it knows whether it can ask. Null: nowhere
    /// particular (a gateway every node reaches).
    /// </summary>
    string? Location(NoticeOptions options) => null;

    /// <summary>Finds out whether a delivery whose sender crashed in the send window went out.</summary>
    Task<ReconcileResult> ReconcileAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct);
}
