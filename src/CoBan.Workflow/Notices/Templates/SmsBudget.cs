namespace CoBan.Workflow.Notices;

/// <summary>
/// What an SMS may cost. Chinese SMS are UCS-2: one segment holds 70 characters (the 【sign】 included);
/// a longer message is sent as concatenated segments of 67. Applicant SMS aim at one segment where the
/// content allows and never take more than two (the shipped texts are checked with worst-case values by
/// SmsBudgetTests). Providers refuse a variable over 35 characters (Aliyun), so every rendered variable is
/// cut to 35 (ending in …); lists are sent as a count, the full list being on the written notice.
/// </summary>
public static class SmsBudget
{
    public const int SingleSegment = 70;
    public const int ConcatenatedSegment = 67;
    public const int MaxSegments = 2;
    public const int MaxVariable = 35;

    public static int Segments(string text) => text.Length == 0 ? 0 : text.Length <= SingleSegment ? 1 : (text.Length + ConcatenatedSegment - 1) / ConcatenatedSegment;

    /// <summary>A variable's value within the provider's limit.</summary>
    public static string Fit(string value) => value.Length <= MaxVariable ? value : value[..(MaxVariable - 1)] + "…";

    /// <summary>The text with the sign name in front, as the phone shows it.</summary>
    public static string Signed(string? signName, string text) => (signName is { Length: > 0 } sign ? $"【{sign}】" : "") + text;
}
