namespace CoBan.Workflow.Notices;

/// <summary>Validation of any template part, shipped or edited.</summary>
public static class NoticeTemplates
{
    public static List<TemplateProblem> Validate(string part, string content)
    {
        if (!NoticeParts.All.Contains(part))
            return [new(part, 1, 1, part, $"未知的模板部分“{part}”", $"unknown template part '{part}'")];
        var problems = part == NoticeParts.Sms ? SmsTemplate.Validate(content) : ScribanChecker.Validate(content, part);
        // Print and e-mail HTML open in browsers: nothing in them may run (PrintSafety).
        if (NoticeParts.IsHtml(part)) problems.AddRange(PrintSafety.Check(part, content));
        return problems;
    }
}
