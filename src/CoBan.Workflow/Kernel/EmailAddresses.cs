using MimeKit;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// The one home for "is this one e-mail address": parsed with MimeKit, as the mail is sent with it.
/// A list ("a@example.com, b@evil.example"), a display name ("张三 &lt;a@example.com&gt;") or a group is
/// refused: an applicant's e-mail is exactly one bare mailbox, so a notice reaches that person only.
/// </summary>
public static class EmailAddresses
{
    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    public static bool IsSingle(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254) return false;
        var text = value.Trim();
        if (!InternetAddressList.TryParse(Strict, text, out var list) || list.Count != 1 || list[0] is not MailboxAddress mailbox) return false;
        // Only the bare address: nothing else may have been in the text (no name, no route, no comment).
        return string.IsNullOrEmpty(mailbox.Name) && mailbox.Route.Count == 0 && string.Equals(mailbox.Address, text, StringComparison.Ordinal)
            && mailbox.Domain.Contains('.', StringComparison.Ordinal);
    }
}
