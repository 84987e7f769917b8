namespace CoBan.Workflow.Notices;

/// <summary>Validation of any template part, shipped or edited.</summary>
public static class NoticeTemplates
{
    public static List<TemplateProblem> Validate(string part, string content)
    {
        if (!NoticeParts.All.Contains(part))
            return [new(part, 1, 1, part, $"未知的模板部分“{part}”", $"unknown template part '{part}'")];
        var problems = part == NoticeParts.Sms
            ? SmsTemplate.Validate(content)
            : TemplateValidator.Validate(content, part, NoticeParts.IsHtml(part));
        // Print and e-mail HTML open in browsers: nothing in them may run (PrintSafety).
        if (NoticeParts.IsHtml(part)) problems.AddRange(PrintSafety.Check(part, content));
        if (problems.Count == 0 && part != NoticeParts.Sms)
        {
            // The scanner is a subset of Handlebars' grammar: let the real compiler have the last word.
            try
            {
                NoticeHandlebars.Create(NoticeParts.IsHtml(part)).Compile(content);
            }
            catch (Exception e) when (e is HandlebarsDotNet.HandlebarsException)
            {
                var (line, column) = NoticeHandlebars.Where(e.Message);
                problems.Add(new(part, line, column, null, "模板无法编译：" + e.Message.Split('\n')[0], "the template does not compile: " + e.Message.Split('\n')[0]));
            }
        }
        return problems;
    }
}
