using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The two Handlebars environments: HTML (escaped, Handlebars' default) for e-mail HTML and print,
/// text (no escaping) for SMS and plain-text e-mail. Both are strict: a name the model does not have
/// throws instead of printing nothing (the model always carries every contract name, empty when
/// unknown, so only a real mistake throws).
/// </summary>
public static partial class NoticeHandlebars
{
    public static IHandlebars Create(bool html)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = !html,
        });
        // {{inc @index}}: 1-based numbering for the forms' 序号.
        handlebars.RegisterHelper("inc", (context, arguments) => arguments[0] is IConvertible c ? Convert.ToInt64(c, CultureInfo.InvariantCulture) + 1 : 1);
        handlebars.RegisterHelper("count", (context, arguments) => arguments[0] is ICollection c ? c.Count : 0);
        handlebars.RegisterHelper("join", (context, arguments) =>
            arguments[0] is IEnumerable items and not string
                ? string.Join(arguments.Length > 1 ? arguments[1]?.ToString() : "、", items.Cast<object?>().Select(Name))
                : arguments[0]?.ToString() ?? "");
        handlebars.RegisterHelper("default", (context, arguments) =>
            arguments[0] is null || arguments[0] is string { Length: 0 } ? arguments[1] : arguments[0]);
        handlebars.RegisterHelper("eq", (context, arguments) => string.Equals(arguments[0]?.ToString(), arguments[1]?.ToString(), StringComparison.Ordinal));
        return handlebars;
    }

    /// <summary>An item as text: a list of materials joins their names.</summary>
    private static string? Name(object? item) =>
        item is IDictionary<string, object?> d ? (d.TryGetValue("name", out var n) ? n?.ToString() : null) : item?.ToString();

    [GeneratedRegex(@"Occured at:\s*(\d+):(\d+)")]
    private static partial Regex Occurred();

    /// <summary>Handlebars.Net's parser says "Occured at: line:column" with a 0-based line.</summary>
    public static (int Line, int Column) Where(string message)
    {
        var m = Occurred().Match(message);
        return m.Success ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) : (1, 1);
    }
}
