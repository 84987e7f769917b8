namespace CoBan.Workflow.Notices;

/// <summary>The channels and the template parts each one needs.</summary>
public static class NoticeParts
{
    public const string Sms = "sms";
    public const string Email = "email";
    public const string Print = "print";

    public const string EmailSubject = "email-subject";
    public const string EmailText = "email-text";
    public const string EmailHtml = "email-html";

    public static readonly string[] Channels = [Sms, Email, Print];
    public static readonly string[] All = [Sms, EmailSubject, EmailText, EmailHtml, Print];

    public static string[] Of(string channel) => channel switch
    {
        Sms => [Sms],
        Email => [EmailSubject, EmailText, EmailHtml],
        Print => [Print],
        _ => [],
    };

    public static string ChannelOf(string part) => part.StartsWith("email", StringComparison.Ordinal) ? Email : part;

    /// <summary>HTML parts escape every value they print (NoticeScriban).</summary>
    public static bool IsHtml(string part) => part is EmailHtml or Print;

    public static string FileName(string part) => part switch
    {
        EmailSubject => "email-subject.scriban",
        EmailText => "email-text.scriban",
        EmailHtml => "email-html.scriban",
        Print => "print.scriban",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "the sms part lives in catalog.json"),
    };

    public static string Label(string channel) => channel switch { Sms => "短信", Email => "电子邮件", Print => "打印", _ => channel };
}
