using System.Globalization;
using System.Text.Json;
using CoBan.Workflow.Tasks;

namespace CoBan.Workflow.Web;

/// <summary>Task form values between the posted form ("f.{id}" strings) and the variables the engine checks (FormValidation converts the strings).</summary>
public static class FormValues
{
    public const string Prefix = "f.";

    /// <summary>The posted fields as variables; empty fields are left out so "required" is checked by the engine.</summary>
    public static Dictionary<string, JsonElement> Read(IFormCollection form, IEnumerable<FormFieldInfo> fields)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var text = form[Prefix + field.Id].ToString().Trim();
            if (text.Length == 0) continue;
            result[field.Id] = field.Type == "list"
                ? JsonSerializer.SerializeToElement(text.Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray())
                : JsonSerializer.SerializeToElement(text);
        }
        return result;
    }

    /// <summary>What was posted, to show the form again after a refusal.</summary>
    public static Dictionary<string, string?> Posted(IFormCollection form, IEnumerable<FormFieldInfo> fields) =>
        fields.ToDictionary(f => f.Id, f => (string?)form[Prefix + f.Id].ToString());

    /// <summary>The instance's current values, as the inputs show them.</summary>
    public static Dictionary<string, string?> Show(IReadOnlyDictionary<string, object?> variables, IEnumerable<FormFieldInfo> fields) =>
        fields.Where(f => variables.ContainsKey(f.Id)).ToDictionary(f => f.Id, f => Text(variables[f.Id], f.Type));

    public static string? Text(object? value, string type = "") => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        DateTimeOffset d when type == "date" => ChineseDates.IsoDate(d),
        DateTimeOffset d => ChineseDates.IsoMinute(d),
        IEnumerable<object?> list when value is not string => string.Join("\n", list.Select(v => Text(v))),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
