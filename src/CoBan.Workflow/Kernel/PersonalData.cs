using System.Text.RegularExpressions;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// Phones and ID numbers, normalised and masked in one place: the log enricher, the printed notice and
/// the public progress look-up all mask with these. Mobiles are recognised with a country code
/// (+86, 0086, 86) and with spaces or hyphens between the groups ("+86 138-0013-8000" → "+86 138****8000");
/// ID card numbers in both the 18-digit and the old 15-digit form (110105********1234).
/// </summary>
public static partial class PersonalData
{
    [GeneratedRegex(@"(?<!\d)(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")]
    private static partial Regex IdCard();

    [GeneratedRegex(@"(?<![\d*])(\d{6})\d{6}(\d{3})(?![\dXx*])")]
    private static partial Regex OldIdCard();

    [GeneratedRegex(@"(?<!\d)((?:\+|00)?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)")]
    private static partial Regex Mobile();

    /// <summary>Masks every mobile and ID card number in a text, leaving the rest as it is.</summary>
    public static string Mask(string text) =>
        Mobile().Replace(OldIdCard().Replace(IdCard().Replace(text, "$1********$2"), "$1******$2"), "$1$2****$3");

    /// <summary>Masks a phone given as digits (see <see cref="PhoneDigits"/>): the first three and last four stay.</summary>
    public static string MaskPhoneDigits(string digits) =>
        digits.Length >= 7 ? digits[..3] + new string('*', digits.Length - 7) + digits[^4..] : new string('*', digits.Length);

    /// <summary>Digits only, without a leading 86 country code: "+86 138-0000-1234" → "13800001234".</summary>
    public static string? PhoneDigits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 0 ? null : digits;
    }
}
