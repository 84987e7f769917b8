namespace CoBan.Workflow.Kernel;

/// <summary>
/// The one home for free-text length limits (characters, UTF-16 units). <c>Hosting/TextLengthGuard</c>
/// applies them to every JSON and form body before anything is bound, and the Blazor forms put the same
/// numbers in <c>maxlength</c>. Log-in names and passwords keep their own limits (LoginService, 256). A field is known by its name (the last segment of its path: "applicant.name"
/// is a name, "f.handling" is a task form field); fields not listed get <see cref="Default"/>, so no free-text
/// field is unlimited. docs/security.md lists the values.
/// </summary>
public static class TextLimits
{
    /// <summary>Names of people, enterprises, procedures, bureaus, matters; codes, numbers, phones, e-mail addresses.</summary>
    public const int Name = 100;

    /// <summary>Short text: addresses, titles, offices, reasons on a one-line input.</summary>
    public const int Short = 200;

    /// <summary>Long text: a case's description, comments, notes, evaluation comments.</summary>
    public const int Long = 2_000;

    /// <summary>Handling text (办理情况/意见, results, task form fields) and every field not named below.</summary>
    public const int Default = 4_000;

    /// <summary>Notice template bodies and calendar files pasted as text.</summary>
    public const int Template = 200_000;

    /// <summary>A PNG signature or staff photo as a data URL (1 MB of image in base64, with room for the prefix).</summary>
    public const int DataUrl = 1_400_000 + 64;

    /// <summary>
    /// BPMN XML is bounded by the request body size (12 MB) and the parser's and simulator's own limits,
    /// which answer with the element or budget at fault; this guard leaves it to them.
    /// </summary>
    public const int Model = int.MaxValue;

    private static readonly Dictionary<string, int> ByField = new(StringComparer.OrdinalIgnoreCase)
    {
        // names and codes
        ["name"] = Name, ["displayName"] = Name, ["applicantName"] = Name, ["contactPerson"] = Name, ["matterName"] = Name,
        ["user"] = Name, ["dutyLeader"] = Name, ["code"] = Name, ["key"] = Name, ["bureauCode"] = Name,
        ["bureau"] = Name, ["matterCode"] = Name, ["matterBureau"] = Name, ["parentCode"] = Name, ["number"] = Name,
        ["idNumber"] = Name, ["phone"] = Name, ["mobile"] = Name, ["officePhone"] = Name, ["email"] = Name, ["to"] = Name,
        ["correlationKey"] = Name, ["businessKey"] = Name, ["processId"] = Name, ["smsTemplateCode"] = Name, ["q"] = Name,
        ["supervisionHotline"] = Name, ["level"] = Name, ["writer"] = Name, ["contact"] = Name, ["source"] = Name, ["page"] = Name,
        // short text
        ["address"] = Short, ["title"] = Short, ["office"] = Short, ["windows"] = Short, ["reason"] = Short,
        ["website"] = Short, ["serviceHours"] = Short,
        // long text
        ["description"] = Long, ["comment"] = Long, ["note"] = Long, ["resolution"] = Long, ["text"] = Long,
        ["legalBasis"] = Long, ["inPersonSteps"] = Long, ["entrustment"] = Long, ["fees"] = Long, ["entry"] = Long, ["answer"] = Long,
        // handling text
        ["handling"] = Default, ["reasons"] = Default, ["result"] = Default, ["opinion"] = Default,
        // large, legitimate inputs
        ["content"] = Template, ["json"] = Template, ["dataUrl"] = DataUrl, ["signature"] = DataUrl,
        ["xml"] = Model, ["bpmnXml"] = Model,
    };

    /// <summary>The limit of the field at <paramref name="path"/> ("applicant.name", "variables.opinion", "f.handling", "parts.email").</summary>
    public static int For(string path, string value)
    {
        var segments = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        // Template preview sends its parts as a dictionary keyed by part name ("parts.email"): bodies, not addresses.
        if (segments.Length >= 2 && segments[^2].Equals("parts", StringComparison.OrdinalIgnoreCase)) return Template;
        var field = segments.Length > 0 ? segments[^1] : "";
        if (ByField.TryGetValue(field, out var limit)) return limit;
        // A signature drawn in a task form arrives as a data URL under the form field's own id.
        return value.StartsWith("data:image/", StringComparison.Ordinal) ? DataUrl : Default;
    }
}
