using CoBan.Workflow.Tests.Support;

namespace CoBan.Workflow.Tests.Supervision;

public sealed class DashboardApiTests
{
    [Fact]
    public async Task The_dashboard_gives_each_viewer_their_default_rows_the_ranking_the_daily_trend_and_the_follow_up_counts()
    {
        await using var host = await MeasureTests.OctoberAsync();
        var supervisor = await host.LoginAsync("zhao.jian");
        var view = await supervisor.GetJsonAsync("/api/v1/supervision/dashboard?period=2026-10");
        ((string?)view["viewer"]).ShouldBe("supervisor");
        ((string?)view["dimension"]).ShouldBe("bureau");
        view["rows"]!.AsArray().Count.ShouldBe(8);
        view["ranking"]!.AsArray().Take(2).Select(r => ((string?)r!["subject"]!["code"], (double?)r["score"])).ShouldBe([("BZ-RSJ", 64.7), ("BZ-SCJG", 52.7)]);
        var points = view["trend"]!["points"]!.AsArray();
        ((string?)view["trend"]!["bucket"]).ShouldBe("day");
        points.Count.ShouldBe(31);
        points.Sum(p => (int)p!["registered"]!).ShouldBe(15);
        points.Sum(p => (int)p!["completed"]!).ShouldBe(10);
        ((int)points[30]!["completed"]!).ShouldBe(1, "A3, at 23:30 on 10-31");
        ((int)points[25]!["registered"]!).ShouldBe(3, "10-26: A13, B3, B4");
        ((int)view["followUps"]!["overdueCases"]!).ShouldBe(2);
        ((string?)view["formula"]).ShouldStartWith("综合得分");

        var year = await supervisor.GetJsonAsync("/api/v1/supervision/trend?period=2026");
        ((string?)year["bucket"]).ShouldBe("month");
        ((int)year["points"]![9]!["registered"]!).ShouldBe(15);
        ((int)year["points"]![8]!["registered"]!).ShouldBe(1, "A4 in September");

        var leader = await (await host.LoginAsync("liu.yang")).GetJsonAsync("/api/v1/supervision/dashboard?period=2026-10");
        ((string?)leader["dimension"]).ShouldBe("coordinator");
        leader["rows"]!.AsArray().Select(r => (string?)r!["subject"]!["code"]).ShouldBe(["zhang.wei", "li.na", "wang.fang"], ignoreOrder: true);

        var coordinator = await (await host.LoginAsync("zhang.wei")).GetJsonAsync("/api/v1/supervision/dashboard?period=2026-10");
        ((string?)coordinator["dimension"]).ShouldBe("matter");
        ((int)coordinator["total"]!["registered"]!["total"]!).ShouldBe(6);
        coordinator["ranking"]!.AsArray().ShouldBeEmpty();
    }
}
