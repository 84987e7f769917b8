namespace CoBan.Workflow.Engine.Time;

/// <summary>
/// A duration, date, repeating interval or cron text that cannot be read. The message is bilingual
/// (Chinese / English) and quotes the value, because it is shown to process owners whose models
/// come from other tools (a Yaoqiang export writes <c>1w</c> or <c>DateTime.AddDays(...)</c>).
/// </summary>
public sealed class TimeFormatException(string value, string zh, string en)
    : FormatException($"“{value}”{zh} / '{value}' {en}")
{
    public string Value { get; } = value;

    /// <summary>The reason without the value, in Chinese; lets a caller quote a larger text around it.</summary>
    public string ReasonZh { get; } = zh;

    /// <summary>The reason without the value, in English.</summary>
    public string ReasonEn { get; } = en;
}
