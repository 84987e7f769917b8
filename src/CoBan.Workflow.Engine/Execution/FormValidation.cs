using System.Globalization;
using CoBan.Workflow.Engine.Expressions;
using CoBan.Workflow.Engine.Model;

namespace CoBan.Workflow.Engine.Execution;

/// <summary>
/// Checks the variables given when completing a task against the task's declared form fields and
/// converts them to the value model (e.g. "2026-10-01" for a date field becomes a DateTimeOffset).
/// Every bad field is reported, not just the first. Undeclared variables pass through, as in Camunda.
/// </summary>
public static class FormValidation
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>The converted variables, or null when a field is wrong (the reasons are added to <paramref name="problems"/>).</summary>
    public static Dictionary<string, object?>? Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, object?>? variables, List<Rejection> problems)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (variables is not null)
            foreach (var (k, v) in variables) result[k] = Values.Normalize(v);
        var before = problems.Count;
        foreach (var field in fields)
        {
            var label = field.Label ?? field.Id;
            var submitted = result.TryGetValue(field.Id, out var value);
            if (field.Limits is { ReadOnly: true } && submitted)
            {
                // Camunda's readonly constraint: the person may see the value but not submit one.
                problems.Add(new Rejection("readonly", $"“{label}”为只读，不能提交", $"'{field.Id}' is read-only and cannot be submitted", field.Id));
                continue;
            }
            if (value is null or "")
            {
                if (field.Required)
                    problems.Add(new Rejection("required", $"请填写“{label}”", $"'{field.Id}' is required", field.Id));
                continue;
            }
            var converted = Convert(field, value);
            if (converted is null)
                problems.Add(new Rejection("invalid", $"“{label}”的值 {Show(value)} 不是有效的{TypeZh(field)}",
                    $"'{field.Id}' has an invalid value {Show(value)}: expected {TypeEn(field)}", field.Id));
            else if (OutOfLimits(field, label, converted) is { } limit)
                problems.Add(limit);
            else
                result[field.Id] = converted;
        }
        return problems.Count == before ? result : null;
    }

    private static Rejection? OutOfLimits(FormField field, string label, object value)
    {
        if (field.Limits is not { } limits) return null;
        if (value is string text)
        {
            var length = new System.Globalization.StringInfo(text).LengthInTextElements;
            if (limits.MinLength is { } min && length < min)
                return new Rejection("minlength", $"“{label}”至少需要 {min} 个字", $"'{field.Id}' needs at least {min} characters", field.Id);
            if (limits.MaxLength is { } max && length > max)
                return new Rejection("maxlength", $"“{label}”最多 {max} 个字", $"'{field.Id}' allows at most {max} characters", field.Id);
        }
        var number = value switch { long l => (double?)l, double d => d, _ => null };
        if (number is { } n)
        {
            if (limits.Min is { } min && n < min)
                return new Rejection("min", $"“{label}”不能小于 {min}", $"'{field.Id}' must be at least {min}", field.Id);
            if (limits.Max is { } max && n > max)
                return new Rejection("max", $"“{label}”不能大于 {max}", $"'{field.Id}' must be at most {max}", field.Id);
        }
        return null;
    }

    private static object? Convert(FormField field, object value) => field.Type switch
    {
        FormFieldType.String or FormFieldType.Text => value as string,
        FormFieldType.Long => value switch
        {
            long l => l,
            double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
            _ => null,
        },
        FormFieldType.Double => value switch
        {
            long l => (double)l,
            double d => d,
            string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        },
        FormFieldType.Boolean => value switch
        {
            bool b => b,
            "true" => true,
            "false" => false,
            _ => null,
        },
        FormFieldType.Date => value switch
        {
            DateTimeOffset d => d,
            string s => ParseDate(s),
            _ => null,
        },
        FormFieldType.Enum => value is string s && field.Values.Any(v => v.Key == s) ? s : null,
        FormFieldType.List => value as IReadOnlyList<object?>,
        _ => null,
    };

    private static object? ParseDate(string s)
    {
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaOffset);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && (s.EndsWith('Z') || s.Contains('+') || s.LastIndexOf('-') > 9))
            return parsed;
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return new DateTimeOffset(local, ChinaOffset);
        return null;
    }

    private static string Show(object value) => value is string s ? $"'{s}'" : Values.Describe(value);

    private static string TypeZh(FormField f) => f.Type switch
    {
        FormFieldType.Long => "整数",
        FormFieldType.Double => "数字",
        FormFieldType.Boolean => "是/否",
        FormFieldType.Date => "日期",
        FormFieldType.Enum => "选项（" + string.Join("、", f.Values.Select(v => v.Value)) + "）",
        FormFieldType.List => "列表",
        _ => "文本",
    };

    private static string TypeEn(FormField f) => f.Type switch
    {
        FormFieldType.Enum => "one of " + string.Join(", ", f.Values.Select(v => v.Key)),
        var t => t.ToString().ToLowerInvariant(),
    };
}
