using System.Globalization;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Cases;

/// <summary>The document an applicant identifies with. Stored as its number; the API spells the camelCase code.</summary>
public enum IdDocumentType
{
    /// <summary>居民身份证 (GB 11643: 18 characters, MOD 11-2 check character).</summary>
    ResidentId = 1,
    /// <summary>统一社会信用代码 of an enterprise or organisation (GB 32100: 18 characters, MOD 31 check character).</summary>
    CreditCode = 2,
    /// <summary>护照 (Chinese or foreign).</summary>
    Passport = 3,
    /// <summary>港澳居民来往内地通行证 (回乡证).</summary>
    HkMacauPermit = 4,
    /// <summary>台湾居民来往大陆通行证 (台胞证).</summary>
    TaiwanPermit = 5,
    /// <summary>外国人永久居留身份证.</summary>
    ForeignPermanentResident = 6,
}

/// <summary>
/// Format and check-digit checks of the identity documents a service window accepts. A wrong check
/// character is almost always a typing slip at the desk, and a case registered under it cannot be
/// found again by the applicant's number (issue 21: a wrong ID check digit was accepted).
/// </summary>
public static partial class IdentityDocuments
{
    public static string Zh(this IdDocumentType t) => t switch
    {
        IdDocumentType.ResidentId => "居民身份证",
        IdDocumentType.CreditCode => "统一社会信用代码",
        IdDocumentType.Passport => "护照",
        IdDocumentType.HkMacauPermit => "港澳居民来往内地通行证",
        IdDocumentType.TaiwanPermit => "台湾居民来往大陆通行证",
        _ => "外国人永久居留身份证",
    };

    public static string En(this IdDocumentType t) => t switch
    {
        IdDocumentType.ResidentId => "resident ID card",
        IdDocumentType.CreditCode => "unified social credit code",
        IdDocumentType.Passport => "passport",
        IdDocumentType.HkMacauPermit => "Mainland Travel Permit for Hong Kong and Macao Residents",
        IdDocumentType.TaiwanPermit => "Mainland Travel Permit for Taiwan Residents",
        _ => "Foreign Permanent Resident ID Card",
    };

    /// <summary>What a person may show; an enterprise identifies by its credit code only.</summary>
    public static bool FitsApplicant(this IdDocumentType t, ApplicantType applicant) =>
        applicant == ApplicantType.Enterprise ? t == IdDocumentType.CreditCode : t != IdDocumentType.CreditCode;

    public static IdDocumentType DefaultFor(ApplicantType applicant) =>
        applicant == ApplicantType.Enterprise ? IdDocumentType.CreditCode : IdDocumentType.ResidentId;

    /// <summary>The number as stored: trimmed, upper case, inner spaces removed (people copy numbers in groups).</summary>
    public static string Normalise(string number) => new string(number.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>Null when <paramref name="number"/> (normalised) is a valid number of <paramref name="type"/>; else what is wrong, Chinese and English.</summary>
    public static (string Zh, string En)? Problem(IdDocumentType type, string number) => type switch
    {
        IdDocumentType.ResidentId => ResidentIdProblem(number),
        IdDocumentType.CreditCode => CreditCodeProblem(number),
        IdDocumentType.Passport => Passport().IsMatch(number) ? null
            : ("护照号码应为 5 至 17 位字母或数字", "a passport number has 5 to 17 letters or digits"),
        IdDocumentType.HkMacauPermit => HkMacauPermit().IsMatch(number) ? null
            : ("港澳居民来往内地通行证号码应为 H（香港）或 M（澳门）加 8 位数字（旧证另有 2 位换证次数）", "a Hong Kong/Macao permit number is H or M and 8 digits (old permits add 2 digits)"),
        IdDocumentType.TaiwanPermit => TaiwanPermit().IsMatch(number) ? null
            : ("台湾居民来往大陆通行证号码应为 8 位数字", "a Taiwan residents' permit number has 8 digits"),
        _ => ForeignPermanentResidentProblem(number),
    };

    private static (string, string)? ResidentIdProblem(string n)
    {
        if (!ResidentId().IsMatch(n)) return ("居民身份证号码应为 18 位：17 位数字加 1 位校验码（数字或 X）", "a resident ID number has 17 digits and a check character (digit or X)");
        if (!DateTime.TryParseExact(n[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born.Year < 1900)
            return ("居民身份证号码中的出生日期（第 7 至 14 位）无效", "the birth date in the resident ID number (characters 7 to 14) is not a date");
        return n[17] == Mod11Check(n) ? null : ("居民身份证号码校验码不正确，请核对是否输错", "the resident ID number's check character is wrong: check for a typing slip");
    }

    /// <summary>GB 11643 (ISO 7064 MOD 11-2): the weights are 2^(17-i) mod 11 for the first 17 digits.</summary>
    internal static char Mod11Check(string n)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (n[i] - '0') * Mod11Weights[i];
        return "10X98765432"[sum % 11];
    }

    private static readonly int[] Mod11Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>The 31 characters of GB 32100 (no I, O, S, V, Z), in code-value order.</summary>
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static (string, string)? CreditCodeProblem(string n)
    {
        if (n.Length != 18 || n.Any(c => !CreditAlphabet.Contains(c)))
            return ("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）", "a unified social credit code has 18 digits or capital letters (no I, O, S, V, Z)");
        if (!n[2..8].All(char.IsAsciiDigit))
            return ("统一社会信用代码第 3 至 8 位应为登记管理机关行政区划码（数字）", "characters 3 to 8 of a credit code are the registering authority's area code (digits)");
        // GB 32100: weights 3^i mod 31; check = 31 - (Σ value × weight) mod 31, where 31 stands for 0.
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditAlphabet.IndexOf(n[i]) * weight;
            weight = weight * 3 % 31;
        }
        var check = CreditAlphabet[(31 - sum % 31) % 31];
        return n[17] == check ? null : ("统一社会信用代码校验码不正确，请核对是否输错", "the credit code's check character is wrong: check for a typing slip");
    }

    /// <summary>
    /// The 2023 card has 18 digits beginning with 9 and the resident ID's check character; the 2017 card
    /// (still valid until it expires) 3 letters of nationality and 12 digits.
    /// </summary>
    private static (string, string)? ForeignPermanentResidentProblem(string n)
    {
        if (OldForeignPermanentResident().IsMatch(n)) return null;
        if (NewForeignPermanentResident().IsMatch(n))
            return n[17] == Mod11Check(n) ? null : ("外国人永久居留身份证号码校验码不正确，请核对是否输错", "the permanent residence ID number's check character is wrong: check for a typing slip");
        return ("外国人永久居留身份证号码应为以 9 开头的 18 位（2023 版）或 3 位国籍字母加 12 位数字（2017 版）",
            "a Foreign Permanent Resident ID number has 18 characters beginning with 9 (2023 card) or 3 letters and 12 digits (2017 card)");
    }

    [GeneratedRegex(@"^\d{17}[\dX]$")] private static partial Regex ResidentId();
    [GeneratedRegex(@"^[A-Z0-9]{5,17}$")] private static partial Regex Passport();
    [GeneratedRegex(@"^[HM]\d{8}(\d{2})?$")] private static partial Regex HkMacauPermit();
    [GeneratedRegex(@"^\d{8}$")] private static partial Regex TaiwanPermit();
    [GeneratedRegex(@"^[A-Z]{3}\d{12}$")] private static partial Regex OldForeignPermanentResident();
    [GeneratedRegex(@"^9\d{16}[\dX]$")] private static partial Regex NewForeignPermanentResident();
}
