namespace CoBan.Workflow.Kernel;

/// <summary>
/// A refusal said so the caller can act on it: HTTP status, a stable code, and the reason in Chinese
/// and English; field errors name the form field or element at fault. Turned into RFC 7807 problem
/// details by <c>Api/ProblemHandler</c>. Thrown before anything is written, or inside the
/// transaction so nothing is.
/// </summary>
public sealed class CoBanException(int status, string code, string zh, string en, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception($"{zh} / {en}")
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string MessageZh { get; } = zh;
    public string MessageEn { get; } = en;
    public IReadOnlyDictionary<string, string[]>? Errors { get; } = errors;

    /// <summary>Model problems (BPMN element, template line…) returned with the refusal as "problems".</summary>
    public IReadOnlyList<object>? Problems { get; private set; }

    /// <summary>For 429 and 503: when the caller may try again (sent as Retry-After, in whole seconds).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public CoBanException WithProblems(IEnumerable<object> problems)
    {
        Problems = problems.ToList();
        return this;
    }

    public static CoBanException NotFound(string whatZh, string whatEn) =>
        new(404, "not-found", $"{whatZh}不存在", $"{whatEn} not found");

    public static CoBanException Forbidden(string zh, string en) => new(403, "forbidden", zh, en);

    public static CoBanException Conflict(string code, string zh, string en) => new(409, code, zh, en);

    public static CoBanException Invalid(string code, string zh, string en, IReadOnlyDictionary<string, string[]>? errors = null) =>
        new(422, code, zh, en, errors);

    public static CoBanException BadRequest(string code, string zh, string en) => new(400, code, zh, en);
}
