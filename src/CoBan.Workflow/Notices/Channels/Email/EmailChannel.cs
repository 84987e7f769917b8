namespace CoBan.Workflow.Notices;

/// <summary>
/// E-mail with MailKit/MimeKit: over SMTP (<see cref="SmtpTransport"/>) when a host is configured, else
/// into the pickup folder (<see cref="PickupFolderTransport"/>, a fresh install's default). The two
/// steps are separate seams: the pickup folder can be asked afterwards whether a message is there, an
/// SMTP server cannot. The Message-Id (<see cref="EmailMessages.MessageId"/>) is recorded as the
/// delivery's provider message id.
/// </summary>
public sealed class EmailChannel : INoticeChannel
{
    public string Name => NoticeParts.Email;

    /// <summary>The pickup folder de-duplicates by Message-Id; an SMTP server does not.</summary>
    public bool Deduplicates(NoticeOptions options) => false;

    public static bool UsesPickup(NoticeOptions options) => string.IsNullOrWhiteSpace(options.Email.Host);

    /// <summary>The pickup folder's identity: a node recovering another's send asks only the same folder.</summary>
    public string? Location(NoticeOptions options)
    {
        if (!UsesPickup(options)) return null;
        try
        {
            return PickupFolderTransport.Location(options.Email.PickupFolder!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the send itself will fail on the folder and say why
        }
    }

    public async Task<SendResult> SendAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct)
    {
        var provider = UsesPickup(options) ? PickupFolderTransport.Provider : SmtpTransport.Provider;
        MimeKit.MimeMessage message;
        try
        {
            message = EmailMessages.Build(delivery, options);
        }
        catch (Exception e) when (e is FormatException or MimeKit.ParseException or ArgumentException)
        {
            return new SendResult(SendOutcome.Refused, provider, null, "邮件地址无效 / invalid e-mail address: " + e.Message);
        }
        using (message)
        {
            if (!UsesPickup(options)) return await SmtpTransport.SendAsync(message, options.Email, ct);
            try
            {
                await PickupFolderTransport.WriteAsync(message, options.Email.PickupFolder!, ct);
                return SendResult.Ok(provider, $"<{message.MessageId}>");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return new SendResult(SendOutcome.NotSent, provider, null, Failures.Describe(e));
            }
        }
    }

    /// <summary>
    /// The pickup folder keeps a record of every message it published (see <see cref="PickupFolderTransport"/>);
    /// an SMTP server cannot be asked. A send recorded against another folder (a node with a folder of
    /// its own crashed) is left for a person: this node cannot know, and must not write it twice.
    /// </summary>
    public Task<ReconcileResult> ReconcileAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct)
    {
        if (!UsesPickup(options) || delivery.Provider is SmtpTransport.Provider)
            return Task.FromResult(new ReconcileResult(ReconcileOutcome.Unknown, null, "SMTP 服务器无法查询是否已收到 / an SMTP server cannot be asked whether it took the message"));
        var folder = options.Email.PickupFolder!;
        var here = PickupFolderTransport.Location(folder);
        if (delivery.Provider is { } recorded && recorded.StartsWith(PickupFolderTransport.Provider + ":", StringComparison.Ordinal) && recorded != here)
            return Task.FromResult(new ReconcileResult(ReconcileOutcome.Unknown, null,
                $"由另一节点写入其投递目录（{recorded}），本节点的投递目录（{here}）无法核实；集群中请使用共享投递目录或 SMTP / " +
                $"written to another node's pickup folder ({recorded}), which this node's folder ({here}) is not; in a cluster use one shared folder or SMTP"));
        var id = EmailMessages.MessageId(delivery, options);
        return Task.FromResult(PickupFolderTransport.Reconcile(folder, id)
            ? new ReconcileResult(ReconcileOutcome.Sent, $"<{id}>", "已在投递目录中找到 / found in the pickup folder")
            : new ReconcileResult(ReconcileOutcome.NotSent));
    }
}
