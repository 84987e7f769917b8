using System.Net;
using System.Text;
using CoBan.Workflow.Bureaus;

namespace CoBan.Workflow.Rosters;

/// <summary>
/// The quarterly 《协办员和值班领导服务时间安排表》 (seed 001): name, title, office, office phone,
/// mobile and duty times of every coordinator and duty leader, posted on the notice board and
/// reported upward by the 5th of the quarter's first month. Exported as CSV (Excel opens the UTF-8
/// BOM) or as a printable HTML page.
/// </summary>
public static class ScheduleExport
{
    public static Schedule Build(Bureau bureau, int year, int quarter, IReadOnlyList<DutyDay> days)
    {
        var from = new DateOnly(year, quarter * 3 - 2, 1);
        var to = from.AddMonths(3).AddDays(-1);
        var lines = new List<ScheduleLine>();
        foreach (var (role, people) in new[]
                 {
                     ("值班领导", days.Where(d => d.DutyLeader is not null).Select(d => (d.Date, Person: d.DutyLeader!))),
                     ("协办员", days.SelectMany(d => d.Coordinators.Select(p => (d.Date, Person: p)))),
                 })
        {
            foreach (var person in people.GroupBy(p => p.Person.UserName).OrderBy(g => g.Min(x => x.Date)))
            {
                var p = person.First().Person;
                var dates = person.Select(x => x.Date).Order().ToList();
                var times = person.GroupBy(x => $"{x.Person.Start:H\\:mm}-{x.Person.End:H\\:mm}")
                    .Select(g => $"{string.Join("、", g.Select(x => $"{x.Date.Month}月{x.Date.Day}日"))} {g.Key}");
                lines.Add(new ScheduleLine(role, p.DisplayName, p.Title, p.Office, p.OfficePhone, p.Mobile, string.Join("；", times), dates));
            }
        }
        return new Schedule(bureau.Code, bureau.Name, year, quarter, from, to, new DateOnly(year, quarter * 3 - 2, 5), bureau.SupervisionHotline, lines);
    }

    public static string Title(Schedule s) => $"{s.BureauName}{s.Year}年第{s.Quarter}季度协办员和值班领导服务时间安排表";

    private static readonly string[] Columns = ["角色", "姓名", "职务", "办公地点", "办公电话", "手机", "值班时间"];

    public static byte[] Csv(Schedule s)
    {
        var text = new StringBuilder();
        text.AppendLine(Cell(Title(s)));
        text.AppendLine(string.Join(',', Columns.Select(Cell)));
        foreach (var l in s.Lines)
            text.AppendLine(string.Join(',', new[] { l.Role, l.Name, l.Title, l.Office, l.OfficePhone, l.Mobile, l.DutyTimes }.Select(Cell)));
        text.AppendLine(Cell($"监督电话：{s.SupervisionHotline}"));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.</summary>
    private static string Cell(string? value)
    {
        var v = value ?? "";
        if (v.Length > 0 && "=+-@".Contains(v[0])) v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"") + "\"" : v;
    }

    public static string Html(Schedule s)
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{E(Title(s))}}</title>
            <style>
              body { font-family: "SimSun", "Songti SC", "WenQuanYi Micro Hei", serif; margin: 2em; }
              h1 { font-size: 20pt; text-align: center; margin-bottom: 0.2em; }
              p.sub { text-align: center; margin-top: 0; }
              table { border-collapse: collapse; width: 100%; font-size: 11pt; }
              th, td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; }
              th { background: #eee; }
              footer { margin-top: 1.5em; font-size: 10.5pt; }
              @media print { body { margin: 1cm; } th { background: none; } @page { size: A4 landscape; } }
            </style></head><body>
            <h1>{{E(Title(s))}}</h1>
            <p class="sub">{{s.From:yyyy年M月d日}} 至 {{s.To:yyyy年M月d日}}</p>
            <table><thead><tr>{{string.Concat(Columns.Select(c => $"<th>{c}</th>"))}}</tr></thead><tbody>
            """);
        foreach (var l in s.Lines)
            html.Append($"<tr><td>{E(l.Role)}</td><td>{E(l.Name)}</td><td>{E(l.Title)}</td><td>{E(l.Office)}</td><td>{E(l.OfficePhone)}</td><td>{E(l.Mobile)}</td><td>{E(l.DutyTimes)}</td></tr>\n");
        if (s.Lines.Count == 0) html.Append("<tr><td colspan=\"7\">本季度尚未排班</td></tr>\n");
        html.Append($$"""
            </tbody></table>
            <footer>
              <p>协办员和值班领导分别为协办事项的直接责任人和分管责任人。监督电话：{{E(s.SupervisionHotline)}}</p>
              <p>本表一式两份，一份在本单位公示栏公示，一份于 {{s.ReportBy:yyyy年M月d日}} 前报上级作风建设领导小组办公室。</p>
            </footer>
            </body></html>
            """);
        return html.ToString();
    }
}
