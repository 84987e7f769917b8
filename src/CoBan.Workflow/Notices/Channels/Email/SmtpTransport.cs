using System.Net;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace CoBan.Workflow.Notices;

/// <summary>
/// Sends one message over SMTP with MailKit: plain, STARTTLS or implicit TLS, optional authentication,
/// a timeout on every step. What happened is told apart precisely, because SMTP servers do not
/// de-duplicate: a failure while connecting, securing or authenticating means nothing was sent
/// (retry); a reply code to the message means it was refused (5xx: for good, 4xx: try again); anything
/// that breaks once the message is on its way may or may not have delivered it (ambiguous).
/// </summary>
public static class SmtpTransport
{
    public const string Provider = "smtp";

    public static SecureSocketOptions Security(EmailOptions email) => (email.Security ?? "").Trim().ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" or "ssl" or "implicit" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.StartTlsWhenAvailable,
        _ => email.StartTls ? SecureSocketOptions.StartTls : email.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable,
    };

    public static async Task<SendResult> SendAsync(MimeMessage message, EmailOptions email, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = Math.Max(1, email.TimeoutSeconds) * 1000 };
        if (!string.IsNullOrWhiteSpace(email.TrustedCertificateThumbprint))
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None || Trusted(certificate, email.TrustedCertificateThumbprint);
        try
        {
            await client.ConnectAsync(email.Host ?? throw new InvalidOperationException("no SMTP host"), email.Port, Security(email), ct);
            if (!string.IsNullOrEmpty(email.UserName))
                await client.AuthenticateAsync(new NetworkCredential(email.UserName, email.Password), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Nothing was handed over yet: certainly not sent (a wrong password or certificate is fixed by a person, then retried).
            return new SendResult(SendOutcome.NotSent, Provider, null, Failures.Describe(e));
        }

        try
        {
            var reply = await client.SendAsync(message, ct);
            try { await client.DisconnectAsync(quit: true, ct); } catch (Exception e) when (e is IOException or ProtocolException or OperationCanceledException) { /* it was accepted */ }
            return new SendResult(SendOutcome.Sent, Provider, $"<{message.MessageId}>", reply);
        }
        catch (SmtpCommandException e)
        {
            // The server answered the message (or a recipient) with a reply code: it did not take it.
            var code = (int)e.StatusCode;
            return new SendResult(code >= 500 ? SendOutcome.Refused : SendOutcome.NotSent, Provider, null, $"SMTP {code}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or ProtocolException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Ambiguous, Provider, null, Failures.Describe(e));
        }
    }

    private static bool Trusted(X509Certificate? certificate, string thumbprint)
    {
        if (certificate is null) return false;
        using var c = new X509Certificate2(certificate);
        var wanted = thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return string.Equals(c.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256), wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Thumbprint, wanted, StringComparison.OrdinalIgnoreCase);
    }
}
