using System.Text.RegularExpressions;
using MimeKit;

namespace CoBan.Workflow.Notices;

/// <summary>
/// A delivery as a MIME message (MimeKit): one recipient, a real multipart/alternative body (text/plain
/// first, then text/html), and a Message-Id made from the idempotency key, so the same delivery is
/// always the same message (mail clients and archives collapse a copy; the pickup folder is keyed by it).
/// </summary>
public static partial class EmailMessages
{
    public static MimeMessage Build(NoticeDelivery delivery, NoticeOptions options)
    {
        if (!EmailAddresses.IsSingle(delivery.Address))
            throw new FormatException($"'{delivery.Address}' is not exactly one e-mail address");
        var message = new MimeMessage { Subject = delivery.Subject ?? "", MessageId = MessageId(delivery, options) };
        message.From.Add(new MailboxAddress(options.Email.FromName, options.Email.From));
        message.To.Add(new MailboxAddress(delivery.RecipientName, delivery.Address!.Trim()));
        message.Headers.Add("X-CoBan-Idempotency-Key", delivery.IdempotencyKey);
        var body = new BodyBuilder { TextBody = delivery.Text ?? "" };
        if (delivery.Html is not null) body.HtmlBody = delivery.Html;
        message.Body = body.ToMessageBody();
        return message;
    }

    [GeneratedRegex("[^A-Za-z0-9.-]")]
    private static partial Regex Unsafe();

    /// <summary>The Message-Id without angle brackets (MimeKit adds them), stable for a delivery.</summary>
    public static string MessageId(NoticeDelivery delivery, NoticeOptions options)
    {
        var at = options.Email.From.LastIndexOf('@');
        var domain = at >= 0 ? options.Email.From[(at + 1)..] : "coban.local";
        return $"coban.{Unsafe().Replace(delivery.IdempotencyKey.Replace(':', '.'), "-")}@{domain}";
    }
}
