using CoBan.Workflow.Supervision;
using CoBan.Workflow.Web;
using CoBan.Workflow.Web.Supervision;

namespace CoBan.Workflow.Tests.Web;

public class SupervisionComponentTests
{
    private static readonly DateOnly Today = new(2026, 11, 10);

    private static Trend Week() => new("2026-W44", "day", Enumerable.Range(0, 7).Select(i =>
    {
        var day = new DateOnly(2026, 10, 26).AddDays(i);
        return new TrendPoint($"10/{26 + i}", day, day, i, i / 2, 0, i == 3 ? 1 : 0, null, null, 0, null);
    }).ToList());

    private static Figures Row(string code, string name, double? score) => new() { Subject = new Subject("bureau", code, code, name, null, null, "cityCentre"), Score = score };

    [Fact]
    public async Task The_trend_chart_is_an_svg_with_a_title_a_summary_and_a_titled_point_for_every_bucket_of_every_line()
    {
        var html = await Render.HtmlAsync<TrendChart>(new() { ["Trend"] = Week(), ["PeriodName"] = "2026年第44周" });
        html.ShouldContain("role=\"img\"");
        html.ShouldContain("<title id=\"trend-title\">趋势 · 2026年第44周</title>");
        html.ShouldContain("登记 21 件，办结 9 件，其中超期办结 1 件；共 7 个时间点。");
        System.Text.RegularExpressions.Regex.Matches(html, "<circle ").Count.ShouldBe(21, "3 lines × 7 days");
        html.ShouldContain("<title>10/29 超期办结 1</title>");
        html.ShouldContain("data-series=\"registered\"");
        // The value axis reaches the largest count (6) in whole steps of 2, with its grid labels.
        html.ShouldContain(">6</text>");
        (await Render.HtmlAsync<TrendChart>(new() { ["Trend"] = Week() }, Lang.En)).ShouldContain("21 registered, 9 completed, 1 of them late; 7 points.");
    }

    [Fact]
    public async Task The_ranking_chart_draws_best_first_links_the_bars_and_says_no_data_rather_than_zero()
    {
        var rows = new[] { Row("BZ-RSJ", "霸州市人力资源和社会保障局", 64.7), Row("BZ-SCJG", "霸州市市场监督管理局", 52.7), Row("BZ-WSJDS", "霸州市卫生监督所", null) };
        var html = await Render.HtmlAsync<RankingChart>(new() { ["Rows"] = rows, ["Href"] = (Func<Figures, string?>)(r => r.Score is null ? null : $"/supervision?bureau={r.Subject.Code}") });
        html.IndexOf("BZ-RSJ", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("BZ-SCJG", StringComparison.Ordinal));
        html.ShouldContain("<title>1. 霸州市人力资源和社会保障局 得分 64.7</title>");
        html.ShouldContain("1. 霸州市人力资源和社会保…", customMessage: "a long name is shortened on the axis, whole in the title");
        html.ShouldContain("<a href=\"/supervision?bureau=BZ-SCJG\">");
        html.ShouldContain("class=\"bar-none\"");
        html.ShouldContain(">无数据</text>");
        html.ShouldNotContain("bureau=BZ-WSJDS");
    }

    [Theory]
    [InlineData("day", "2026-10", "2026-10-01", "a past month becomes its first day")]
    [InlineData("day", "2026-11", "2026-11-10", "the month of today becomes today")]
    [InlineData("week", "2026-10-09", "2026-W41", "")]
    [InlineData("quarter", "2026-W44", "2026-Q4", "")]
    [InlineData("year", "2026-Q4", "2026", "")]
    [InlineData(null, "2026-Q3", "2026-Q3", "no kind: the key's own")]
    [InlineData("month", "not-a-period", "2026-11", "a bad key falls back to this month")]
    [InlineData(null, null, "2026-11", "")]
    public void The_period_picker_keeps_the_period_in_view_when_its_kind_changes(string? kind, string? key, string expected, string why) =>
        SupervisionFilter.Resolve(kind, key, Today).Key.ShouldBe(expected, why);

    [Fact]
    public void Links_keep_the_filters_and_a_drill_down_drops_the_grouping()
    {
        var filter = SupervisionFilter.From("BZ-SCJG", null, "coordinator", "month", "2026-10", Today);
        filter.Link("/supervision").ShouldBe("/supervision?bureau=BZ-SCJG&by=coordinator&p=month&period=2026-10");
        filter.WithPeriod(filter.Next).Link("/supervision").ShouldEndWith("period=2026-11");
        filter.Previous.Key.ShouldBe("2026-09");
        filter.Drill("overdueNow", coordinator: "zhang.wei").ShouldBe("/supervision/cases?bureau=BZ-SCJG&p=month&period=2026-10&measure=overdueNow&coordinator=zhang.wei");
        SupervisionFilter.Percent(0.6667).ShouldBe("66.7%");
        SupervisionFilter.Percent(null).ShouldBe("—");
    }

    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(3, 3, 1)]
    [InlineData(6, 6, 2)]
    [InlineData(23, 25, 5)]
    [InlineData(140, 150, 50)]
    [InlineData(1200, 1250, 250)]
    public void The_value_axis_ends_on_a_round_number_with_whole_steps(double max, double top, double step) =>
        ChartScale.Axis(max).ShouldBe((top, step));
}
