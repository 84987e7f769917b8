using System.Globalization;

namespace CoBan.Workflow.Supervision;

/// <summary>The figures as report tables: one row per bureau or coordinator, the same columns everywhere.</summary>
public static class FigureTables
{
    public static string Pct(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
    public static string Num(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    public static string Score(double? score) => score is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "无数据";

    private static readonly string[] Measures =
    [
        "登记", "办结", "按时办结", "超期办结", "按时办结率", "当前超期", "平均用时（工作日）", "90%用时（工作日）",
        "一次性告知率", "移出/移入", "联办办结", "办结回复", "评价", "好评率", "差评", "差评按期整改率",
    ];

    private static IEnumerable<string> Cells(Figures f) =>
    [
        Int(f.Registered.Total), Int(f.Completed), Int(f.OnTime), Int(f.OverdueAtCompletion), Pct(f.OnTimeRate), Int(f.OverdueNow),
        Num(f.WorkingDays.Average), f.WorkingDays.P90 is { } p ? Int(p) : "—", Pct(f.OneTimeNotice.Rate),
        $"{f.Transfers.Sent}/{f.Transfers.Received}", Int(f.JointChainsCompleted), Int(f.Replies.Total), Int(f.Satisfaction.Total),
        Pct(f.Satisfaction.GoodRate), Int(f.Satisfaction.Bad), Pct(f.BadReviews.OnTimeRate),
    ];

    /// <summary>Every figure of every row (and the total), optionally ranked by score (best first).</summary>
    public static ReportSection Table(string title, Dimension dimension, IReadOnlyList<Figures> rows, Figures? total, bool ranked)
    {
        var columns = new List<string>();
        if (ranked) columns.Add("名次");
        columns.Add(dimension.Zh());
        if (dimension != Dimension.Bureau) columns.Add("所属单位");
        columns.AddRange(Measures);
        if (ranked) columns.Add("综合得分");
        var section = new ReportSection { Title = title, Columns = columns };
        var ordered = ranked ? Ranking.Order(rows) : rows.ToList();
        var rank = 0;
        foreach (var f in ordered)
        {
            var cells = new List<string>();
            if (ranked) cells.Add(f.Score is null ? "—" : Int(++rank));
            cells.Add(f.Subject.Name);
            if (dimension != Dimension.Bureau) cells.Add(f.Subject.BureauName ?? "");
            cells.AddRange(Cells(f));
            if (ranked) cells.Add(Score(f.Score));
            section.Rows.Add(new ReportLine(cells, f.OverdueNow > 0 || f.BadReviews.OpenOverdue > 0));
        }
        if (total is not null)
        {
            var cells = new List<string>();
            if (ranked) cells.Add("");
            cells.Add("合计");
            if (dimension != Dimension.Bureau) cells.Add("");
            cells.AddRange(Cells(total));
            if (ranked) cells.Add(Score(total.Score));
            section.Rows.Add(new ReportLine(cells));
        }
        return section;
    }

    /// <summary>The ranking (季评比): the score and the rates it is made of.</summary>
    public static ReportSection RankingTable(string title, Dimension dimension, IReadOnlyList<Figures> rows)
    {
        var columns = new List<string> { "名次", dimension.Zh() };
        if (dimension != Dimension.Bureau) columns.Add("所属单位");
        columns.AddRange(["综合得分", "按时办结率（40）", "好评率（30）", "一次性告知率（15）", "差评按期整改率（15）", "当前超期（−2/件）", "办结", "登记"]);
        var section = new ReportSection { Title = title, Columns = columns };
        var rank = 0;
        foreach (var f in Ranking.Order(rows))
        {
            var cells = new List<string> { f.Score is null ? "—" : Int(++rank), f.Subject.Name };
            if (dimension != Dimension.Bureau) cells.Add(f.Subject.BureauName ?? "");
            cells.AddRange([Score(f.Score), Pct(f.OnTimeRate), Pct(f.Satisfaction.GoodRate), Pct(f.OneTimeNotice.Rate), Pct(f.BadReviews.OnTimeRate),
                Int(f.OverdueNow), Int(f.Completed), Int(f.Registered.Total)]);
            section.Rows.Add(new ReportLine(cells, f.OverdueNow > 0));
        }
        return section;
    }

    public static void Headlines(ReportContent content, Figures total)
    {
        content.Headline.AddRange(
        [
            new("登记", Int(total.Registered.Total)), new("办结", Int(total.Completed)), new("按时办结率", Pct(total.OnTimeRate)),
            new("超期办结", Int(total.OverdueAtCompletion)), new("当前超期未办结", Int(total.OverdueNow)),
            new("平均办结用时", total.WorkingDays.Average is { } a ? $"{Num(a)} 个工作日" : "—"), new("一次性告知率", Pct(total.OneTimeNotice.Rate)),
            new("好评率", Pct(total.Satisfaction.GoodRate)), new("差评", Int(total.Satisfaction.Bad)), new("差评按期整改率", Pct(total.BadReviews.OnTimeRate)),
        ]);
    }
}
