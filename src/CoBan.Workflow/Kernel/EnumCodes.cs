namespace CoBan.Workflow.Kernel;

/// <summary>
/// How enums are spelled outside C#: the API and the workflows' conditions use camelCase codes
/// ("supplementStarted", "commitment") next to their Chinese labels. A few older answers spell some
/// enums all in lower case (an instance's "active", a timer's purpose); <see cref="LowerCode{T}"/> keeps
/// that wire format where it was published, so clients do not break. New fields use <see cref="Code{T}(T)"/>.
/// </summary>
public static class EnumCodes
{
    public static string Code<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string? Code<T>(this T? value) where T : struct, Enum => value?.Code();

    /// <summary>The older all-lower-case spelling, kept where answers already publish it.</summary>
    public static string LowerCode<T>(this T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

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
}
