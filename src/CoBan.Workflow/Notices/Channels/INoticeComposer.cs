namespace CoBan.Workflow.Notices;

/// <summary>What a channel needs from the recipient to reach them.</summary>
public enum AddressKind { None, Mobile, Email }

/// <summary>
/// One channel's side of planning a notice (the outbox's planner knows no channel by name): what it
/// declares it needs — the address kind, whether an applicant must have consented, its template parts and
/// length rule — why a recipient cannot be reached on it, and how it fills a delivery from the rendered
/// templates. Sending is <see cref="INoticeChannel"/>; print composes a form to print and sends nothing.
/// A new channel is a folder with its composer (and sender) plus its registration in NoticeServices.
/// </summary>
public interface INoticeComposer
{
    string Name { get; }

    /// <summary>Where it comes in a notice's deliveries (SMS first, print last).</summary>
    int Order { get; }

    AddressKind Address { get; }

    /// <summary>An applicant must have agreed to be told this way (staff need not).</summary>
    bool NeedsConsent { get; }

    /// <summary>The template parts it renders (NoticeParts).</summary>
    IReadOnlyList<string> Parts { get; }

    /// <summary>The length rule its text obeys, for the editor and the docs (null: none).</summary>
    string? LengthRule { get; }

    /// <summary>Why this recipient cannot be reached on the channel, in Chinese, or null.</summary>
    string? SkipReason(NoticeRecipient recipient, NoticeOptions options);

    /// <summary>Fills the delivery (address, subject, text, HTML, status) from the notice's templates.</summary>
    Task ComposeAsync(ComposeContext context, NoticeDelivery delivery, CancellationToken ct);
}

/// <summary>What a composer renders with: the notice's definition and model, the recipient, the options and its template parts.</summary>
public sealed class ComposeContext
{
    public required NoticeDefinition Definition { get; init; }
    public required NoticeModel Model { get; init; }
    public required NoticeRecipient Recipient { get; init; }
    public required NoticeOptions Options { get; init; }
    public required NoticeRenderer Renderer { get; init; }
    /// <summary>The template part the notice's bureau uses (override or shipped).</summary>
    public required Func<string, Task<TemplateSource>> Source { get; init; }
}
