namespace CoBan.Workflow.Web;

/// <summary>The UI language: Simplified Chinese first, English as the second. Every text is written in both, side by side.</summary>
public sealed record Lang(string Code)
{
    public static readonly Lang Zh = new("zh");
    public static readonly Lang En = new("en");

    public bool IsEn => Code == "en";

    public string T(string zh, string en) => IsEn ? en : zh;

    public static Lang Of(string? code) => code == "en" ? En : Zh;
}
