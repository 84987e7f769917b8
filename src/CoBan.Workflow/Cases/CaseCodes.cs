using System.Text.Json;
using CoBan.Workflow.Api;

namespace CoBan.Workflow.Cases;

/// <summary>
/// The API spells enums as camelCase codes ("supplementStarted", "commitment") next to their Chinese
/// labels; workflows compare the same codes in their conditions.
/// </summary>
public static class CaseCodes
{
    public static string Code<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string? Code<T>(this T? value) where T : struct, Enum => value?.Code();

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(code) && !char.IsDigit(code.Trim()[0]) && Enum.TryParse(code.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>Parses a code or refuses with a 422 naming the field and the codes allowed.</summary>
    public static T Parse<T>(string? code, string field) where T : struct, Enum
    {
        if (TryParse<T>(code, out var value)) return value;
        var allowed = string.Join(", ", Enum.GetValues<T>().Select(v => v.Code()));
        throw CoBanException.Invalid("invalid-" + field, $"“{field}”的值 '{code}' 无效，应为：{allowed}", $"'{field}' has an invalid value '{code}'; use one of: {allowed}",
            new Dictionary<string, string[]> { [field] = [$"应为 {allowed} 之一 / one of {allowed}"] });
    }

    public static List<string> ReadList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string? WriteList(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : JsonSerializer.Serialize(list, Plain);
    }

    private static readonly JsonSerializerOptions Plain = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(object? value) => JsonSerializer.Serialize(value, Plain);

    /// <summary>Digits only, without a leading 86 country code: "+86 138-0000-1234" → "13800001234".</summary>
    public static string? PhoneDigits(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 0 ? null : digits;
    }

    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Chinese date as on notices: 2026年10月13日.</summary>
    public static string ZhDate(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);

    public static string ZhDateTime(DateTimeOffset at) => at.ToOffset(China).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
