using System.Globalization;
using System.Text;
using CoBan.Workflow.Bureaus;
using CoBan.Workflow.Cases;
using CoBan.Workflow.Data;
using CoBan.Workflow.Notices;

namespace CoBan.Workflow.Supervision;

/// <summary>
/// Turns report content into what is stored and sent: the template variables (<c>vars</c>), the
/// printable page from the report's template (templates/report-*/print.hbs through the notices
/// feature's renderer, so a bureau's template override applies), and the CSV.
/// </summary>
public sealed class ReportRenderer(NoticeTemplateStore templates, NoticeRenderer renderer, NoticeCatalog catalog)
{
    public static Dictionary<string, object?> Vars(ReportContent content, ReportKind kind, Period period, Bureau scope, DateTimeOffset generatedAt, string? link) => new()
    {
        ["title"] = content.Title,
        ["kind"] = kind.Code(),
        ["kindLabel"] = kind.Zh(),
        ["period"] = period.Label,
        ["periodKey"] = period.Key,
        ["from"] = $"{period.From.Year}年{period.From.Month}月{period.From.Day}日",
        ["to"] = $"{period.To.Year}年{period.To.Month}月{period.To.Day}日",
        ["scope"] = scope.Name,
        ["generatedAt"] = ChineseDates.DateTime(generatedAt),
        ["headline"] = content.Headline.Select(h => (object?)new Dictionary<string, object?> { ["label"] = h.Label, ["value"] = h.Value }).ToList(),
        ["sections"] = content.Sections.Select(s => (object?)new Dictionary<string, object?>
        {
            ["title"] = s.Title,
            ["note"] = s.Note ?? "",
            ["empty"] = s.Empty,
            ["hasRows"] = s.Rows.Count > 0,
            ["columns"] = s.Columns.Select(c => (object?)c).ToList(),
            ["rows"] = s.Rows.Select(r => (object?)new Dictionary<string, object?>
            {
                ["highlight"] = r.Highlight,
                ["cells"] = r.Cells.Select(c => (object?)c).ToList(),
            }).ToList(),
        }).ToList(),
        ["formula"] = content.Formula ?? "",
        ["notes"] = content.Notes.Select(n => (object?)n).ToList(),
        ["reportBy"] = content.ReportBy is { } by ? $"{by.Year}年{by.Month}月{by.Day}日" : "",
        ["link"] = link ?? "",
    };

    public async Task<string> HtmlAsync(CoBanDbContext db, ReportKind kind, Bureau scope, Dictionary<string, object?> vars, DateTimeOffset at, CancellationToken ct)
    {
        var source = await templates.ResolveAsync(db, scope.Id, kind.Template(), NoticeParts.Print, ct)
            ?? throw new InvalidOperationException($"template {kind.Template()}/print is missing from templates/catalog.json");
        var model = new NoticeModel()
            .Set("today", ChineseDates.Date(at))
            .Set("vars", vars)
            .SetAll("bureau", ("name", scope.Name), ("code", scope.Code), ("address", scope.Address), ("windows", scope.Windows),
                ("phone", scope.Phone), ("supervisionHotline", scope.SupervisionHotline));
        var title = (string?)vars["title"] ?? catalog.Get(kind.Template()).Title;
        return renderer.PrintPage(title, renderer.Render(source, model));
    }

    /// <summary>The headline and every table, one after another (RFC 4180; a cell starting with = + - @ is quoted with a leading ' so a spreadsheet never runs it).</summary>
    public static string Csv(ReportContent content, Period period)
    {
        var text = new StringBuilder();
        void Line(IEnumerable<string> cells) => text.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
        Line([content.Title]);
        Line(["期间", period.Label]);
        foreach (var h in content.Headline) Line([h.Label, h.Value]);
        foreach (var section in content.Sections)
        {
            text.Append("\r\n");
            Line([section.Title]);
            if (section.Note is { } note) Line([note]);
            Line(section.Columns);
            if (section.Rows.Count == 0) Line([section.Empty]);
            foreach (var row in section.Rows) Line(row.Cells);
        }
        if (content.Formula is { } formula) { text.Append("\r\n"); Line(["计分公式", formula]); }
        foreach (var n in content.Notes) Line([n]);
        return text.ToString();
    }

    public static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0]) && !double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }
}
