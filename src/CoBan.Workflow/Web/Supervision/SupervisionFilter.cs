using System.Globalization;
using CoBan.Workflow.Supervision;

namespace CoBan.Workflow.Web.Supervision;

/// <summary>
/// The dashboard's filters as they travel in the query string (bureau, level, by, p = kind of
/// period, period = its key), so every view is a link that can be bookmarked, e-mailed or opened
/// by a drill-down, and the pages need no script to change a filter.
/// </summary>
public sealed record SupervisionFilter(string? Bureau, string? Level, string? By, Period Period)
{
    public static readonly PeriodKind[] Kinds = [PeriodKind.Day, PeriodKind.Week, PeriodKind.Month, PeriodKind.Quarter, PeriodKind.Year];

    public static SupervisionFilter From(string? bureau, string? level, string? by, string? kind, string? period, DateOnly today) =>
        new(Blank(bureau), Blank(level), Blank(by), Resolve(kind, period, today));

    /// <summary>
    /// The period the picker asks for. When the kind was just switched (the key is still of the old
    /// kind), the new period is the one of the new kind around the old one's first day — or around
    /// today when the old period contains today — so switching month → day stays in the same month.
    /// A key that does not parse falls back to this month rather than failing the whole page.
    /// </summary>
    public static Period Resolve(string? kind, string? key, DateOnly today)
    {
        Period? parsed = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(key)) parsed = Period.Parse(key, null, null, today);
        }
        catch (CoBanException) { }
        var wanted = ParseKind(kind) ?? parsed?.Kind ?? PeriodKind.Month;
        if (parsed is not null && parsed.Kind == wanted) return parsed;
        var anchor = parsed is null || (parsed.From <= today && today <= parsed.To) ? today : parsed.From;
        return Of(wanted, anchor);
    }

    public static PeriodKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "day" => PeriodKind.Day,
        "week" => PeriodKind.Week,
        "month" => PeriodKind.Month,
        "quarter" => PeriodKind.Quarter,
        "year" => PeriodKind.Year,
        _ => null,
    };

    public static Period Of(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => Period.Day(day),
        PeriodKind.Week => Period.WeekOf(day),
        PeriodKind.Quarter => Period.QuarterOf(day),
        PeriodKind.Year => Period.Year(day.Year),
        _ => Period.MonthOf(day),
    };

    public static string KindCode(PeriodKind kind) => kind.LowerCode();

    public Period Previous => Period.Previous();
    public Period Next => Of(Period.Kind, Period.To.AddDays(1));

    /// <summary>This filter as a query string on <paramref name="path"/>, with some values replaced or added (null drops a key).</summary>
    public string Link(string path, params (string Key, string? Value)[] extra)
    {
        var values = new List<(string Key, string? Value)>
        {
            ("bureau", Bureau), ("level", Level), ("by", By), ("p", KindCode(Period.Kind)), ("period", Period.Key),
        };
        foreach (var (key, value) in extra)
        {
            var at = values.FindIndex(v => v.Key == key);
            if (at >= 0) values[at] = (key, value);
            else values.Add((key, value));
        }
        var query = string.Join("&", values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    public SupervisionFilter WithPeriod(Period period) => this with { Period = period };

    /// <summary>The drill-down of a figure: the same filters, a measure, and optionally one coordinator or matter.</summary>
    public string Drill(string measure, string? coordinator = null, string? matter = null, string? bureau = null) =>
        Link("/supervision/cases", ("by", null), ("measure", measure), ("coordinator", coordinator), ("matter", matter), ("bureau", bureau ?? Bureau));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
}
