using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Notices;

/// <summary>
/// E-mail with System.Net.Mail (STACK.md): over SMTP (host, port, STARTTLS, credentials), or into the
/// pickup folder when no host is configured (a fresh install). Text first, then HTML, as two
/// alternative views with an empty body. Every message carries a stable Message-ID made from the
/// delivery's idempotency key: SMTP servers do not de-duplicate, but mail clients and archives can,
/// and after a crash the pickup folder is searched for it.
/// </summary>
public sealed partial class EmailChannel : INoticeChannel
{
    public string Name => NoticeParts.Email;

    public bool Deduplicates(NoticeOptions options) => false;

    public static bool UsesPickup(NoticeOptions options) => string.IsNullOrWhiteSpace(options.Email.Host);

    public async Task<SendResult> SendAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct)
    {
        var provider = UsesPickup(options) ? "pickup" : "smtp";
        MailMessage message;
        try
        {
            message = Build(delivery, options);
        }
        catch (FormatException e)
        {
            return new SendResult(SendOutcome.Refused, provider, null, "邮件地址无效 / invalid e-mail address: " + e.Message);
        }
        using (message)
        using (var client = Client(options))
        {
            try
            {
                await client.SendMailAsync(message, ct);
                return SendResult.Ok(provider, MessageId(delivery, options));
            }
            catch (SmtpException e) when (e.StatusCode != SmtpStatusCode.GeneralFailure)
            {
                // The server answered with a reply code: it did not take the message.
                var permanent = (int)e.StatusCode >= 500;
                return new SendResult(permanent ? SendOutcome.Refused : SendOutcome.NotSent, provider, null, $"SMTP {(int)e.StatusCode}: {Failures.Describe(e)}");
            }
            catch (Exception e) when (Failures.NeverConnected(e))
            {
                return new SendResult(SendOutcome.NotSent, provider, null, Failures.Describe(e));
            }
            catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                return new SendResult(SendOutcome.Ambiguous, provider, null, Failures.Describe(e));
            }
        }
    }

    /// <summary>The pickup folder can be searched for the Message-ID; an SMTP server cannot be asked.</summary>
    public Task<ReconcileResult> ReconcileAsync(NoticeDelivery delivery, NoticeOptions options, CancellationToken ct)
    {
        if (!UsesPickup(options) || delivery.Provider is "smtp")
            return Task.FromResult(new ReconcileResult(ReconcileOutcome.Unknown, null, "SMTP 服务器无法查询是否已收到 / an SMTP server cannot be asked whether it took the message"));
        var id = MessageId(delivery, options);
        var folder = new DirectoryInfo(options.Email.PickupFolder!);
        if (!folder.Exists) return Task.FromResult(new ReconcileResult(ReconcileOutcome.NotSent));
        // Only runs after a crash; the newest files are the candidates (a picked-up folder stays small).
        foreach (var file in folder.EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(5000))
        {
            using var reader = new StreamReader(file.FullName);
            for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
                if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase) && line.Contains(id, StringComparison.Ordinal))
                    return Task.FromResult(new ReconcileResult(ReconcileOutcome.Sent, id, "已在投递目录中找到 / found in the pickup folder: " + file.Name));
        }
        return Task.FromResult(new ReconcileResult(ReconcileOutcome.NotSent));
    }

    public static MailMessage Build(NoticeDelivery delivery, NoticeOptions options)
    {
        var message = new MailMessage
        {
            From = new MailAddress(options.Email.From, options.Email.FromName, Encoding.UTF8),
            Subject = delivery.Subject ?? "",
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.To.Add(new MailAddress(delivery.Address!, delivery.RecipientName, Encoding.UTF8));
        message.Headers.Add("Message-ID", MessageId(delivery, options));
        message.Headers.Add("X-CoBan-Idempotency-Key", delivery.IdempotencyKey);
        // STACK.md: Body stays empty; text/plain first, then text/html.
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(delivery.Text ?? "", Encoding.UTF8, MediaTypeNames.Text.Plain));
        if (delivery.Html is not null)
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(delivery.Html, Encoding.UTF8, MediaTypeNames.Text.Html));
        return message;
    }

    private static SmtpClient Client(NoticeOptions options)
    {
        var email = options.Email;
        if (UsesPickup(options))
        {
            Directory.CreateDirectory(email.PickupFolder!);
            return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = email.PickupFolder };
        }
        var client = new SmtpClient(email.Host, email.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = email.StartTls,
            Timeout = email.TimeoutSeconds * 1000,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(email.UserName)) client.Credentials = new NetworkCredential(email.UserName, email.Password);
        return client;
    }

    [GeneratedRegex("[^A-Za-z0-9.-]")]
    private static partial Regex Unsafe();

    /// <summary>Stable for a delivery: the same message always has the same Message-ID.</summary>
    public static string MessageId(NoticeDelivery delivery, NoticeOptions options)
    {
        var at = options.Email.From.LastIndexOf('@');
        var domain = at >= 0 ? options.Email.From[(at + 1)..] : "coban.local";
        return $"<coban.{Unsafe().Replace(delivery.IdempotencyKey.Replace(':', '.'), "-")}@{domain}>";
    }
}
