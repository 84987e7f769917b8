using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CoBan.Workflow.Notices;

/// <summary>
/// An SMS as Chinese providers send it: a pre-approved template (its code and text with ${name}
/// placeholders) and the named variables' values. Each variable is a short Scriban template over
/// the notice model. The text as sent is the approved text with the values put in.
/// </summary>
public sealed partial class SmsTemplate
{
    [JsonPropertyName("templateCode")] public string TemplateCode { get; set; } = "";
    [JsonPropertyName("text")] public string Text { get; set; } = "";
    [JsonPropertyName("params")] public Dictionary<string, string> Params { get; set; } = [];

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    internal static partial Regex Placeholder();

    public string ToJson() => JsonSerializer.Serialize(this, JsonDefaults.StoredIndented);

    public static SmsTemplate Parse(string json) =>
        JsonSerializer.Deserialize<SmsTemplate>(json, JsonDefaults.StoredIndented) ?? throw new JsonException("empty SMS template");

    /// <summary>The approved text with the rendered values put in (what the phone shows, without the signature).</summary>
    public string Fill(IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(Text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>Checks the JSON, the placeholders and each variable's expression; lines are the JSON's.</summary>
    public static List<TemplateProblem> Validate(string json)
    {
        var problems = new List<TemplateProblem>();
        var lines = TextPositions.LineStarts(json);
        int LineOf(string needle)
        {
            var at = json.IndexOf(needle, StringComparison.Ordinal);
            return at < 0 ? 1 : TextPositions.Position(lines, at).Line;
        }
        SmsTemplate sms;
        try
        {
            sms = Parse(json);
        }
        catch (JsonException e)
        {
            problems.Add(new(NoticeParts.Sms, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, null,
                "短信模板不是有效的 JSON：" + e.Message, "the SMS template is not valid JSON: " + e.Message));
            return problems;
        }
        if (string.IsNullOrWhiteSpace(sms.TemplateCode))
            problems.Add(new(NoticeParts.Sms, LineOf("\"templateCode\""), 1, "templateCode", "缺少短信服务商的模板编号 templateCode", "templateCode (the provider's approved template code) is missing"));
        if (string.IsNullOrWhiteSpace(sms.Text))
            problems.Add(new(NoticeParts.Sms, LineOf("\"text\""), 1, "text", "缺少短信正文 text", "text is missing"));
        foreach (Match m in Placeholder().Matches(sms.Text))
            if (!sms.Params.ContainsKey(m.Groups[1].Value))
                problems.Add(new(NoticeParts.Sms, LineOf("\"text\""), 1, m.Groups[1].Value,
                    $"正文中的 ${{{m.Groups[1].Value}}} 在 params 中没有定义", $"${{{m.Groups[1].Value}}} in the text is not defined in params"));
        foreach (var (name, expression) in sms.Params)
        {
            var line = LineOf($"\"{name}\"");
            foreach (var p in ScribanChecker.Validate(expression, NoticeParts.Sms))
                problems.Add(p with { Line = line + p.Line - 1, MessageZh = $"变量 {name}：{p.MessageZh}", MessageEn = $"variable {name}: {p.MessageEn}" });
        }
        return problems;
    }
}
